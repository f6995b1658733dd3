"""The 169 official targets of the Sustainable Development Goals (A/RES/71/313)."""

from __future__ import annotations

# Goal -> (number of numbered targets, number of lettered means-of-implementation
# targets); e.g. Goal 3 has 3.1-3.9 and 3.a-3.d.
_SHAPE: dict[int, tuple[int, int]] = {
    1: (5, 2), 2: (5, 3), 3: (9, 4), 4: (7, 3), 5: (6, 3), 6: (6, 2), 7: (3, 2),
    8: (10, 2), 9: (5, 3), 10: (7, 3), 11: (7, 3), 12: (8, 3), 13: (3, 2),
    14: (7, 3), 15: (9, 3), 16: (10, 2), 17: (19, 0),
}  # fmt: skip

TARGETS: tuple[str, ...] = tuple(
    f"{goal}.{t}"
    for goal, (numbered, lettered) in _SHAPE.items()
    for t in [*range(1, numbered + 1), *"abcd"[:lettered]]
)
"""Every official SDG target code, in the UN's order."""

# Short titles of the targets HTMSS reports against (wording of the 2018 highlights).
TITLES: dict[str, str] = {
    "4.7": "Education for sustainable development and global citizenship",
    "5.2": "Eliminate all forms of violence against women and girls, including trafficking",
    "8.7": "End forced labour, modern slavery and human trafficking",
    "10.7": "Orderly, safe, regular and responsible migration",
    "16.2": "End abuse, exploitation, trafficking and violence against children",
    "16.3": "Rule of law and equal access to justice",
    "16.4": "Combat illicit financial flows and all forms of organized crime",
    "17.9": "Capacity building in developing countries",
    "17.16": "Global partnership for sustainable development",
}


def parse_target(text: str) -> str:
    """Return the canonical code of an SDG target, or raise ``ValueError``.

    Parameters
    ----------
    text : str
        A target code such as ``"16.2"`` or ``"3.B"`` (case and spaces ignored).
    """
    code = text.strip().lower()
    if code not in _TARGET_SET:
        raise ValueError(text)
    return code


_TARGET_SET = frozenset(TARGETS)
