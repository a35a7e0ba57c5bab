"""Case-insensitive patterns that run several times faster than ``re.IGNORECASE``.

CPython's regular-expression engine cannot skip ahead to a pattern's literal prefixes when it
must fold case, so a case-insensitive alternation of words is tried at every position of every
sentence; most of the extractor's time went there. A :class:`Folded` pattern searches the
lower-cased text with a copy of the pattern whose literals are lower-cased, and only where that
finds something does it ask the ``re.IGNORECASE`` pattern, anchored at the same position, for
the match on the text as written (so groups keep their capitals). Text whose lower-case form has
another length ("İ") goes to the ``re.IGNORECASE`` pattern directly.

Even lower-cased, an alternation whose branches open with ``\b`` or a group is tried at every
position, since the engine skips ahead only to a literal first character. So each pattern also
knows strings one of which every match must contain ("vertrag", "contract", "agreement" for
the words of a contract): a sentence that holds none of them is answered at once, by
substring tests that cost a fraction of one pass of the engine.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from m365inv.catalog.extract.needles import Needles

_parser: Any
_op: Any
try:  # the engine's own parser: the pattern as the engine reads it, not as a guess
    _parser = importlib.import_module("re._parser")
    _op = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - a Python whose engine moved: no needles, same answers
    _parser = _op = None

# a needle shorter than this is in nearly every sentence, and many needles cost more to test
# than one pass of the engine
_MIN_NEEDLE = 3
_MAX_NEEDLES = 200


def _lower_literals(pattern: str) -> str:
    """``pattern`` with its literal letters lower-cased: escapes (``\\S``, ``\\b``), group
    names and back-references are kept as written."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if pattern.startswith(("(?P<", "(?P="), i):
            j = pattern.index(">" if pattern[i + 3] == "<" else ")", i)
            out.append(pattern[i : j + 1])
            i = j + 1
            continue
        out.append(c.lower())
        i += 1
    return "".join(out)


def _required(items: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    """Strings one of which every match of the parsed sequence ``items`` contains, or None when
    the sequence guarantees none (a character class, a repeat that may be empty, …). Literals
    next to each other form one string; zero-width parts (``\\b``, ``^``, look-arounds)
    consume nothing, so the literals around them stay one string."""
    options: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            options.append(frozenset({"".join(run)}))
            run.clear()

    for op, av in items:
        if op is _op.LITERAL:
            run.append(chr(av))
            continue
        if op in (_op.AT, _op.ASSERT, _op.ASSERT_NOT):
            continue  # zero-width: the text on either side is contiguous
        prefix = "".join(run)
        close_run()
        found: frozenset[str] | None = None
        if op is _op.SUBPATTERN and not av[1] and not av[2]:  # no inline flags
            found = _required(av[3])
        elif op is _op.ATOMIC_GROUP:
            found = _required(av)
        elif op is _op.BRANCH:
            branches = [_required(b) for b in av[1]]
            if all(b is not None for b in branches):
                found = frozenset().union(*(b for b in branches if b is not None))
            # the engine's parser takes a shared opening out of "KMS|Key Management Service"
            # ("k" before "ms|ey management service"): put it back where every branch opens
            # with literals
            leads = [_leading(b) for b in av[1]]
            if prefix and all(leads):
                options.append(frozenset(prefix + lead for lead in leads))
        elif op in (_op.MAX_REPEAT, _op.MIN_REPEAT, _op.POSSESSIVE_REPEAT) and av[0] >= 1:
            found = _required(av[2])
        if found:
            options.append(found)
    close_run()
    # the most telling option: the longest shortest string, then the fewest strings
    return max(options, key=lambda o: (min(map(len, o)), -len(o)), default=None)


def _leading(items: Sequence[tuple[Any, Any]]) -> str:
    """The literals a parsed sequence opens with (zero-width parts skipped), "" if none."""
    out: list[str] = []
    for op, av in items:
        if op is _op.LITERAL:
            out.append(chr(av))
        elif op not in (_op.AT, _op.ASSERT, _op.ASSERT_NOT):
            break
    return "".join(out)


def needles(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which every match of ``pattern`` (a case-sensitive pattern) contains,
    when they are long and few enough to be worth testing first; else None. Parts marked
    case-insensitive ("(?i:page|site)") give none, so the strings hold as written."""
    if _parser is None:
        return None  # pragma: no cover
    try:
        parsed = _parser.parse(pattern)
    except (re.error, RecursionError, TypeError, ValueError):  # pragma: no cover - compiled fine
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None  # "(?i)…": its literals are no strings to look for as written
    found = _required(parsed)
    if not found or min(map(len, found)) < _MIN_NEEDLE:
        return None
    # a needle holding another adds nothing: "contract" is in every "contract performance"
    kept = tuple(sorted(n for n in found if not any(m != n and m in n for m in found)))
    return kept if len(kept) <= _MAX_NEEDLES else None


def _top_branches(pattern: str) -> list[str] | None:
    """``pattern``'s top-level alternatives as written, or None when a part does not compile
    on its own (the split misread the pattern)."""
    parts: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 1 + (pattern.startswith("^", i + 1))  # "[^" opens the same class
            if pattern.startswith("]", i):
                i += 1  # a "]" first in a class is a literal
            continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    try:
        for part in parts:
            re.compile(part)
    except re.error:
        return None
    return parts


# a pattern of this many alternatives or more searches only those whose needles a text holds
_MIN_BRANCHES = 8


# the last string lower-cased: the rules ask many patterns about one sentence in a row
_last: tuple[str, str] = ("", "")


def _lower(string: str) -> str:
    global _last
    last = _last  # one read: another thread may replace it meanwhile
    if last[0] is string:
        return last[1]
    low = string.lower()
    _last = (string, low)
    return low


class Folded:
    """A pattern compiled twice: for lower-cased text (fast) and with ``re.IGNORECASE``."""

    __slots__ = ("_by_needle", "_compiled", "_finder", "_parts", "_parts_finder", "ci", "lc",
                 "needles", "pattern")  # fmt: skip

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.ci = re.compile(pattern, re.IGNORECASE)
        # A case-sensitive part ("(?-i:Audit-Logs)") matches only where its lower-cased form
        # matches the lower-cased text, so dropping its flag keeps the fast pattern a filter
        # that never misses; the ``re.IGNORECASE`` pattern then decides. Other inline flags
        # change more than case, and such a pattern is searched as written.
        fast = pattern.replace("(?-i:", "(?:")
        inline = re.search(r"\(\?(?:[aiLmsux]+(?:-[imsx]+)?|-[imsx]+)[:)]", fast)
        self.lc = None if inline else re.compile(_lower_literals(fast))
        self.needles = needles(self.lc.pattern) if self.lc is not None else None
        self._finder = Needles(self.needles) if self.needles is not None else None
        # An alternation of many words and phrases ("verschlüssel|…|ISO 27001|…|least
        # privilege") is tried whole, at every position, wherever one of its needles is in a
        # sentence. So each alternative with needles of its own is searched alone, and only
        # where one of its needles is: the leftmost start of those searched is the pattern's,
        # and at that position the whole pattern decides which alternative matches, as it
        # would. Only without groups, since a match is re-read by the whole pattern anyway.
        self._by_needle: dict[str, list[int]] = {}
        self._parts: list[str] = []
        self._compiled: dict[int, re.Pattern[str]] = {}
        if self.lc is not None and self.ci.groups == 0:
            lowered = _top_branches(self.lc.pattern) or []
            held = [needles(part) for part in lowered]
            if len(lowered) >= _MIN_BRANCHES and all(h is not None for h in held):
                self._parts = lowered
                for k, h in enumerate(held):
                    for n in h or ():
                        self._by_needle.setdefault(n, []).append(k)
        self._parts_finder = Needles(self._by_needle)

    def _lowered(self, string: str) -> str | None:
        if self.lc is None:
            return None
        low = _lower(string)
        return low if len(low) == len(string) else None

    def _none_in(self, low: str) -> bool:
        """Whether ``low`` lacks every string a match must contain (so there is no match)."""
        return self._finder is not None and not self._finder.any_in(low)

    def _absent(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """Whether the fast pattern proves there is no match (False when it cannot tell)."""
        low = self._lowered(string)
        return (
            low is not None
            and self.lc is not None
            and (self._none_in(low) or self.lc.search(low, pos, endpos) is None)
        )

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low = self._lowered(string)
        if low is None:
            return self.ci.search(string, pos, endpos)
        assert self.lc is not None
        if self._parts:
            start = self._leftmost(low, pos, endpos)
            if start is None:
                return None
            return self.ci.match(string, start, endpos) or self.ci.search(string, pos, endpos)
        if self._none_in(low):
            return None
        found = self.lc.search(low, pos, endpos)
        if found is None:
            return None
        return self.ci.match(string, found.start(), endpos) or self.ci.search(string, pos, endpos)

    def _leftmost(self, low: str, pos: int, endpos: int) -> int | None:
        """Where the fast pattern's first match in ``low`` starts, searching only the
        alternatives whose needles ``low`` holds."""
        found_in = self._parts_finder.found_in(low)
        active = sorted({k for n in found_in for k in self._by_needle[n]})
        if len(active) * 2 > len(self._parts):
            assert self.lc is not None
            found = self.lc.search(low, pos, endpos)
            return None if found is None else found.start()
        best: int | None = None
        for k in active:
            if k not in self._compiled:
                self._compiled[k] = re.compile(self._parts[k])
            found = self._compiled[k].search(low, pos, endpos)
            if found is not None and (best is None or found.start() < best):
                best = found.start()
        return best

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.ci.match(string, pos, endpos)  # anchored: nothing to skip ahead to

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.ci.fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        if not self._absent(string, pos, endpos):
            yield from self.ci.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[str]:
        if self._absent(string, pos, endpos):
            return []
        return self.ci.findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        if self._absent(string):
            return string
        return self.ci.sub(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str]:
        if self._absent(string):
            return [string]
        return self.ci.split(string, maxsplit)


def folded(pattern: str) -> Folded:
    """``re.compile(pattern, re.IGNORECASE)``, faster (see :class:`Folded`)."""
    return Folded(pattern)
