"""The relevance gates: below them an item is not taken to be about the question.

The values are fitted by `python -m eval.calibrate` on every gold question the project may tune
on (dev, own, tune, sections: several hundred, answerable and not), and read from gates.toml;
the defaults are the hand-set values they replaced.
"""
from __future__ import annotations

import tomllib
from importlib import resources

_DEFAULTS = {"rel_min": 0.45, "rel_min_named": 0.3, "rel_min_agreed": 0.3, "sentence_min": 0.35, "rel_share": 0.6}


def _load() -> dict:
    try:
        text = resources.files("assistant").joinpath("gates.toml").read_text("utf-8")
        return {**_DEFAULTS, **tomllib.loads(text).get("gates", {})}
    except (FileNotFoundError, tomllib.TOMLDecodeError):
        return dict(_DEFAULTS)


_VALUES = _load()
REL_MIN = float(_VALUES["rel_min"])  # no locality named: how much of the question an item must cover
REL_MIN_NAMED = float(_VALUES["rel_min_named"])  # within a named locality (retrieval is reliable there)
# A unit question in a named locality whose best item both engines rank first (route_fields.agreed)
REL_MIN_AGREED = float(_VALUES["rel_min_agreed"])
SENTENCE_MIN = float(_VALUES["sentence_min"])  # a quoted sentence must cover this much to stand alone
# No locality named: a locality must come this close to the best. Hand-set, not fitted: the gold
# sets of ambiguous questions list the localities of the corpus they were written for, so on a
# larger index (the zoo added) they undercount, and fitting would learn that.
REL_SHARE = float(_VALUES["rel_share"])
# A number stands for a phrase of the question when its label and sentence cover this much of it
# (hand-set: route_compute and route_dates pick operands with it).
OPERAND_MIN = 0.5
