"""Group names that reveal special categories of personal data (Art. 9 GDPR), German + English.

A group called "Schwerbehinderte Mitarbeiter" or "ver.di Mitglieder" turns a harmless membership
list into data about health or trade-union membership. Two kinds of hit:

* **Art. 9** — trade-union membership, health (illness, disability, pregnancy, addiction,
  rehabilitation), religion, sexual orientation, political opinion, ethnic origin.
* **Sensitive employee data** (medium, not Art. 9) — membership of an employee *representation*:
  works council / Betriebsrat, staff council, disability representation (SBV), youth
  representation. Being an elected representative says nothing about one's own health or union
  membership; "Schwerbehindertenvertretung" is therefore matched as a representation and taken out
  of the name before the Art. 9 terms are looked for.

Matching is whole-word and language-aware: English terms match whole words only (no "sick" in
"Sickinger", no "christ" in "Christmas" or the first name "Christian"); German terms may be the
head of a compound where German builds one ("Betriebsratsmitglieder", "Suchtberatung") and are
otherwise whole words too ("Christen", not "Christian"). Underscores, hyphens and dots separate
words ("GRP_Betriebsrat"). A hit is a prompt for the DPO to look, not a verdict.
"""

from __future__ import annotations

import re
import unicodedata

# (label, language, pattern). A pattern is a regex over one normalised name; it is wrapped in
# word boundaries, so `\w*` must be written where a compound or inflection is meant.
REPRESENTATION: tuple[tuple[str, str, str], ...] = (
    ("works council / employee representation", "de",
     r"\w*betriebsr(?:at|äte)\w*|\w*personalr(?:at|äte)\w*|mitarbeitervertretung\w*|mav"
     r"|jugend und auszubildendenvertretung|jav"),
    ("works council / employee representation", "en", r"works councils?|staff councils?"),
    ("disability representation", "de",
     r"\w*schwerbehindertenvertretung\w*|sbv|inklusionsbeauftragte\w*"),
    ("disability representation", "en", r"disability representatives?|disability representation"),
)  # fmt: skip

ART9: tuple[tuple[str, str, str], ...] = (
    ("trade union", "de", r"gewerkschaft\w*|ver ?di|ig metall|igbce|ig bce|dgb|gew"),
    ("trade union", "en", r"trade unions?|labou?r unions?|union members?(?:hip)?"),
    ("health", "de",
     r"krank\w*|\w*krankheit\w*|gesundheit\w*|betriebsarzt\w*|arbeitsmedizin\w*|reha|bem"
     r"|eingliederungsmanagement|schwerbehindert\w*|behindert\w*|behinderung\w*"
     r"|schwanger\w*|mutterschutz\w*|werdende mütter"
     r"|sucht|sucht(?:beratung|hilfe|prävention|krank)\w*|\w*(?:alkohol|drogen|spiel)sucht\w*"
     r"|suchtkranke\w*|anonyme alkoholiker"),
    ("health", "en",
     r"health|medical|illness(?:es)?|sick|sickness|sick leave|disabled|disabilit(?:y|ies)"
     r"|chronic(?:ally)? ill|rehabilitation|occupational health"
     r"|pregnan(?:t|cy|cies)|maternity|expectant mothers?|addiction|addicts?|substance abuse"
     r"|alcoholics anonymous|recovery group"),
    ("religion", "de",
     r"\w*kirche\w*|kirchlich\w*|christen|christlich\w*|muslim\w*|islam\w*|jüdisch\w*|juden"
     r"|gebet\w*|religion\w*|religiös\w*"),
    ("religion", "en",
     r"church(?:es)?|chapel|mosque|synagogue|muslims?|islamic|jewish|prayers?|bible|religious"),
    ("sexual orientation", "de",
     r"queer\w*|schwul\w*|lesbisch\w*|homosexuell\w*|bisexuell\w*|regenbogen\w*|lgbt\w*"),
    ("sexual orientation", "en",
     r"lgbt\w*|queer|gay|lesbians?|bisexual|transgender|pride network|rainbow network"),
    ("political opinion", "de", r"partei|parteimitglied\w*|politisch\w*"),
    ("political opinion", "en", r"political|party members?"),
    ("ethnic origin", "de", r"migrationshintergrund"),
    ("ethnic origin", "en", r"ethnic minorit(?:y|ies)|bame"),
)  # fmt: skip


def _compile(table: tuple[tuple[str, str, str], ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((label, re.compile(rf"(?<!\w)(?:{rx})(?!\w)")) for label, _, rx in table)


# Phrases that look sensitive but are not: occupational health-and-safety bodies.
NEUTRAL = (
    ("neutral", "en", r"health (?:and )?safety|occupational safety"),
    ("neutral", "de", r"arbeits und gesundheitsschutz|gesundheitsschutz|arbeitsschutz\w*"),
)
_NEUTRAL = _compile(NEUTRAL)
_REPRESENTATION = _compile(REPRESENTATION)
_ART9 = _compile(ART9)


def normalise(name: str) -> str:
    """Case-folded, NFKC, with ``_ - . / + &`` and runs of spaces turned into one space."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return re.sub(r"[\s_\-./+&|:;,()\[\]]+", " ", text).strip()


def _hits(text: str, table: tuple[tuple[str, re.Pattern[str]], ...]) -> tuple[tuple[str, ...], str]:
    labels: list[str] = []
    for label, rx in table:
        if rx.search(text):
            if label not in labels:
                labels.append(label)
            text = rx.sub(" ", text)
    return tuple(labels), text


def group_name_labels(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(Art. 9 labels, sensitive-employee-data labels) a group name signals."""
    _, text = _hits(normalise(name), _NEUTRAL)
    representation, rest = _hits(text, _REPRESENTATION)
    art9, _ = _hits(rest, _ART9)
    return art9, representation


def art9_labels(name: str) -> tuple[str, ...]:
    """Which special categories (Art. 9) a group name signals (empty when none)."""
    return group_name_labels(name)[0]


def employee_sensitive_labels(name: str) -> tuple[str, ...]:
    """Employee-representation memberships a group name signals (medium, not Art. 9)."""
    return group_name_labels(name)[1]


__all__ = [
    "ART9",
    "REPRESENTATION",
    "art9_labels",
    "employee_sensitive_labels",
    "group_name_labels",
    "normalise",
]
