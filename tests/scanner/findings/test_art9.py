"""Art. 9 from group names: whole-word, language-aware; representations are not Art. 9."""

from __future__ import annotations

import pytest

from m365inv.findings.art9 import group_name_labels

REP = "works council / employee representation"


@pytest.mark.parametrize(
    ("name", "art9", "employee"),
    [
        # employee representations: sensitive employee data (medium), not Art. 9
        ("Betriebsrat", set(), {REP}),
        ("GRP_Betriebsratsmitglieder", set(), {REP}),
        ("Gesamtbetriebsrat Nord", set(), {REP}),
        ("Personalrat", set(), {REP}),
        ("Works Council EMEA", set(), {REP}),
        ("SBV – Schwerbehindertenvertretung", set(), {"disability representation"}),
        ("Disability representatives", set(), {"disability representation"}),
        # Art. 9
        ("Schwerbehinderte Mitarbeitende", {"health"}, set()),
        ("ver.di Vertrauensleute", {"trade union"}, set()),
        ("IG Metall Mitglieder", {"trade union"}, set()),
        ("BEM – Betriebliches Eingliederungsmanagement", {"health"}, set()),
        ("Sick leave 2026", {"health"}, set()),
        ("Schwangere Mitarbeiterinnen", {"health"}, set()),
        ("Mutterschutz Meldungen", {"health"}, set()),
        ("Pregnancy & maternity", {"health"}, set()),
        ("Suchtberatung", {"health"}, set()),
        ("Alkoholsucht Hilfe", {"health"}, set()),
        ("Addiction support", {"health"}, set()),
        ("LGBTQ+ Network", {"sexual orientation"}, set()),
        ("Queeres Netzwerk", {"sexual orientation"}, set()),
        ("Regenbogen-Netzwerk", {"sexual orientation"}, set()),
        ("Gay & Lesbian Employees", {"sexual orientation"}, set()),
        ("Christen im Betrieb", {"religion"}, set()),
        ("Muslim prayer room", {"religion"}, set()),
        ("Kirchenchor", {"religion"}, set()),
        # both
        ("Betriebsrat ver.di Fraktion", {"trade union"}, {REP}),
        # no match: names, seasons, look-alikes, occupational safety
        ("Christian Müller Team", set(), set()),
        ("Christmas Party 2025", set(), set()),
        ("Sickinger Projekt", set(), set()),
        ("Mitarbeiter gesucht", set(), set()),
        ("Besuchermanagement", set(), set()),
        ("Transport & Logistik", set(), set()),
        ("European Union Affairs", set(), set()),
        ("Health & Safety Committee", set(), set()),
        ("Arbeitsschutzausschuss", set(), set()),
        ("Vertrieb Nord", set(), set()),
        ("Membership", set(), set()),
    ],
)
def test_group_name_labels(name: str, art9: set[str], employee: set[str]) -> None:
    got_art9, got_employee = group_name_labels(name)
    assert (set(got_art9), set(got_employee)) == (art9, employee)
