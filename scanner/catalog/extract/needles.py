"""Many strings looked for in a text at once.

The rules ask of every sentence whether it holds one of a set of words before they run a costly
pattern (a claim's vocabulary of some two hundred words, a pattern's needles). One substring
test per word costs a pass over the sentence per word; an Aho–Corasick automaton
(``pyahocorasick``) finds every one of them in a single pass, whatever their number. A handful
of strings are still tested one by one, which is cheaper than entering the automaton.
"""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick

# up to this many strings, substring tests beat the automaton's call
_FEW = 8


class Needles:
    """A set of strings, asked which of them a text contains (case as written: callers fold)."""

    __slots__ = ("_automaton", "strings")

    def __init__(self, strings: Iterable[str]) -> None:
        self.strings = tuple(dict.fromkeys(s for s in strings if s))
        self._automaton: ahocorasick.Automaton | None = None
        if len(self.strings) > _FEW:
            automaton = ahocorasick.Automaton()
            for s in self.strings:
                automaton.add_word(s, s)
            automaton.make_automaton()
            self._automaton = automaton

    def any_in(self, text: str) -> bool:
        """Whether ``text`` contains one of the strings."""
        if self._automaton is None:
            return any(s in text for s in self.strings)
        return next(self._automaton.iter(text), None) is not None

    def found_in(self, text: str) -> set[str]:
        """The strings ``text`` contains."""
        if self._automaton is None:
            return {s for s in self.strings if s in text}
        return {s for _, s in self._automaton.iter(text)}
