"""Marking the package's messages for translation where they are declared.

Its own module, importing nothing, so that the modules of facts
(:mod:`.programmes`) can mark their words without importing the language
machinery (:mod:`.languages`), which imports them.
"""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark a message for translation where it is declared; ``languages._`` translates it."""
    return message
