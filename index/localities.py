"""Which of the corpus's localities a text names, by any of its variants.

Parent jurisdictions are masked first so they are never mistaken for a document's own locality:
乌鲁木齐市 is not 乌鲁木齐县, 昌吉州 is not 伊犁州 (`自治州`), 长春市 is not 绿园区.
"""
from __future__ import annotations

import re
from functools import lru_cache

from corpus.parse import localities


@lru_cache(maxsize=1)
def _patterns():
    table = localities()
    parents = sorted({p for info in table.values() for p in info.get("parents", [])}, key=len, reverse=True)
    variants = sorted(((v, name) for name, info in table.items() for v in info["variants"]),
                      key=lambda pair: len(pair[0]), reverse=True)
    return parents, variants


_LEVEL_SUFFIX = re.compile(r"(自治县|自治州|自治旗|新区|县|区|市|州|旗)$")


def short_forms(name: str) -> list[str]:
    """How a question names a locality the manifest does not know: 岚峪县 or 岚峪 (the name
    without its level, when two characters or more remain)."""
    short = _LEVEL_SUFFIX.sub("", name)
    return [name] + ([short] if short != name and len(short) >= 2 else [])


def locality_variants(name: str) -> list[str]:
    known = localities().get(name)
    found = known["variants"] if known else short_forms(name)
    return sorted(set(found), key=len, reverse=True)


def detect_localities(text: str, extra: tuple[str, ...] = ()) -> list[str]:
    """Canonical localities named in `text`, in order of first mention. `extra`: localities of
    documents a user added, matched by their name with or without its level (岚峪县, 岚峪)."""
    parents, variants = _patterns()
    known = {name for _, name in variants}
    added = [(v, name) for name in extra if name and name not in known for v in short_forms(name)]
    variants = sorted(variants + added, key=lambda pair: len(pair[0]), reverse=True)
    masked = text
    for parent in parents:
        masked = masked.replace(parent, "\x00" * len(parent))
    found: dict[str, int] = {}
    for variant, name in variants:
        flags = re.IGNORECASE if variant.isascii() else 0
        pattern = rf"\b{re.escape(variant)}\b" if variant.isascii() else re.escape(variant)
        for m in re.finditer(pattern, masked, flags):
            found.setdefault(name, m.start())
            masked = masked[: m.start()] + "\x00" * len(variant) + masked[m.end():]
    return sorted(found, key=found.get)


def all_localities() -> list[str]:
    return list(localities())


def locality_words(extra: tuple[str, ...] = ()) -> list[str]:
    """Every spelling of a locality or of a parent jurisdiction (for the streaming hold-back)."""
    parents, variants = _patterns()
    return [p for p in parents] + [v for v, _ in variants] + [v for e in extra if e for v in short_forms(e)]
