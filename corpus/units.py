"""Unit lists: split what the documents print into unit names, and map variants to one name.

The documents write unit lists with `、` `,` `,` `及`, glue names together (`市司法局市委巡察办`),
and mix in qualifiers that are not units (`等部门`, `按职责分工负责`, `参加`). `split_units` turns
such a list into (name, role) pairs; `canonical` maps a printed variant to the locality's canonical
name using `aliases.json`, never across localities.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

# Collective phrases that contain a separator but name one group of bodies.
_PROTECTED = ("各乡(镇)、街道",)
_SEPARATORS = re.compile(r"[、,;\uff1b\uff0c]")
# Glued names (a unit suffix directly followed by the next unit's level prefix) and `及`
# between names: both become a plain separator before splitting.
_GLUE = re.compile(r"(?<=[局办院室])(?=[市县区])|(?<=部门)(?=各)|及(?=[县市区各有])")
_QUALIFIERS = ("按职责分工负责", "按职责负责", "等部门", "等单位", "牵头")
_UNIT_END = re.compile(
    r"(局|办|委|院|部|室|会|组|中心|部门|单位|街道|政府|办事处|监委|分局|管委会|办公室|\))$"
)


def _clean(fragment: str) -> tuple[str, str]:
    """Strip qualifiers; return (name, role hint) where the hint is 'participating' or ''."""
    role = ""
    name = fragment.strip(" 。.〕〔")
    if name.endswith("参加"):
        role, name = "participating", name[: -len("参加")]
    changed = True
    while changed:
        changed = False
        for q in _QUALIFIERS:
            if name.endswith(q):
                name, changed = name[: -len(q)], True
    if name.endswith("等") and len(name) > 2:
        name = name[:-1]
    return name.strip(), role


def split_units(text: str) -> list[tuple[str, str]]:
    """'县司法局按职责分工负责,县属相关部门参加' -> [('县司法局',''), ('县属相关部门','participating')]."""
    text = _GLUE.sub("、", unicodedata.normalize("NFKC", text).strip()).replace("、、", "、")
    for i, phrase in enumerate(_PROTECTED):
        text = text.replace(phrase, f"\x00{i}\x00")
    out: list[tuple[str, str]] = []
    for piece in _SEPARATORS.split(text):
        for i, phrase in enumerate(_PROTECTED):
            piece = piece.replace(f"\x00{i}\x00", phrase)
        name, role = _clean(piece)
        if name and (name, role) not in out:
            out.append((name, role))
    return out


def looks_like_unit(name: str) -> bool:
    """A plausible unit name: short, and ends like one. Used to spot garbled notes."""
    return 1 < len(name) <= 24 and bool(_UNIT_END.search(name)) and "要" not in name


@lru_cache(maxsize=1)
def alias_table() -> dict[str, dict[str, str]]:
    raw = json.loads(resources.files("corpus").joinpath("aliases.json").read_text("utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def canonical(name: str, locality: str) -> str:
    """The locality's canonical form of a printed unit name (unchanged when no alias)."""
    return alias_table().get(locality, {}).get(name, name)


def variants(name: str, locality: str | None = None) -> set[str]:
    """Every printed form that means `name` (itself included), within one or all localities."""
    found = {name}
    for loc, table in alias_table().items():
        if locality and loc != locality:
            continue
        target = table.get(name, name)
        found |= {v for v, c in table.items() if c == target} | {target}
    return found


def unit_lists(text: str, locality: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split a list into (canonical names, canonical names marked 参加)."""
    main: list[str] = []
    part: list[str] = []
    for name, role in split_units(text):
        target = part if role == "participating" else main
        c = canonical(name, locality)
        if c not in target:
            target.append(c)
    return tuple(main), tuple(part)
