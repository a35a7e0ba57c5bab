"""The HTML report: escaping, plain statements about gaps, both languages, determinism —
and a real headless chromium (Debian's) for console errors, screenshot and DOM."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import markupsafe
import pytest

from m365inv.errors import ConfigError
from m365inv.models import Inventory
from m365inv.reports.html import render_html
from tests.reports import browser
from tests.reports.fixture_inventory import HOSTILE_NAMES, empty_inventory

needs_chromium = pytest.mark.skipif(
    browser.CHROMIUM is None, reason="chromium not installed (CI installs Debian's chromium)"
)


def test_every_hostile_name_is_escaped(inventory: Inventory) -> None:
    page = render_html(inventory, "en")
    assert "<script" not in page.lower()
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 3
    assert "<b>GmbH</b>" not in page  # tenant name is hostile too
    for name in HOSTILE_NAMES:
        assert str(markupsafe.escape(name)) in page, name


def test_no_network_references(inventory: Inventory) -> None:
    page = render_html(inventory, "de")
    # Only <a href> to the vendor's policy may point outside; nothing is fetched.
    fetches = re.findall(r"""<(?!a )[^>]*\b(?:src|href|action)\s*=""", page)
    assert fetches == []
    assert "@import" not in page and "url(" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp
    policy = markupsafe.Markup(csp.group(1)).unescape()
    assert "default-src 'none'" in policy and "script-src 'none'" in policy
    assert "unsafe-inline" not in policy


def test_gaps_are_stated_never_no_flows() -> None:
    page = render_html(empty_inventory(), "en")
    assert "Nothing could be read" in page
    assert "No flows were found" not in page
    assert "Application.Read.All" in page and "Directory.Read.All" in page
    page_de = render_html(empty_inventory(), "de")
    assert "Es konnte nichts gelesen werden" in page_de


def test_languages_differ_and_are_complete(inventory: Inventory) -> None:
    de, en = render_html(inventory, "de"), render_html(inventory, "en")
    assert '<html lang="de">' in de and "Zusammenfassung" in de and "Drittlandübermittlungen" in de
    assert "<built-in" not in de + en
    assert (
        '<html lang="en">' in en and "Executive summary" in en and "Third-country transfers" in en
    )
    assert "Gruppenmitgliedschaften" in de and "Group memberships" in en


def test_unknown_language_is_a_config_error(inventory: Inventory) -> None:
    with pytest.raises(ConfigError):
        render_html(inventory, "fr")


def test_vendor_sections_carry_evidence(inventory: Inventory) -> None:
    page = render_html(inventory, "en")
    section = page[page.index("<h2><bdi>MailStore Software GmbH</bdi>") :]
    section = section[: section.index("</section>")]
    for needle in ("full_access_as_app", "Mail.Read", "ISO 27001", "critical", "200"):
        assert needle in section, needle


def _text(page: str) -> str:
    """The visible text (tags dropped), enough to look for English in a German report."""
    return re.sub(r"<style>.*?</style>|<[^>]+>", " ", page, flags=re.S)


def test_german_report_is_german(inventory: Inventory) -> None:
    de = _text(render_html(inventory, "de"))
    # finding messages, titles and actions from the scanner's English are translated
    assert "Group memberships are not disclosed" not in de
    assert "Mailissa erreicht 1 Datenkategorien (Gruppenmitgliedschaften)" in de
    assert "Vom Anbieter nicht offengelegte Daten" in de
    assert "Anbieter um Offenlegung bitten oder Berechtigung beschränken" in de
    # coverage reasons and sources in words, dates in German format
    assert "Zugriff verweigert" in de and "Bereitstellung an Apps" in de
    assert "01.03.2026, 08:00:00 UTC" in de and "02.11.2025" in de
    for english in ("delegated", "application", "AllPrincipals", "publisher-name", "not stated"):
        assert english not in de, english


def test_numbers_follow_the_language(inventory: Inventory) -> None:
    import msgspec

    big = msgspec.structs.replace(
        inventory,
        flows=tuple(
            msgspec.structs.replace(f, subjects=msgspec.structs.replace(f.subjects, count=2500))
            for f in inventory.flows
        ),
    )
    assert "2.500" in render_html(big, "de") and "2,500" in render_html(big, "en")


def test_no_raw_category_keys_in_the_text(inventory: Inventory) -> None:
    for lang in ("de", "en"):
        text = _text(render_html(inventory, lang))
        assert not re.search(r"\b(?:ext:)?user\.[a-z_.]+", text), re.findall(
            r"\b(?:ext:)?user\.[a-z_.]+", text
        )


def test_top_down_order_and_actions(inventory: Inventory) -> None:
    page = render_html(inventory, "en")
    order = [page.index(x) for x in ('id="summary"', "What to do first", 'id="vendors"',
                                      'id="picture"', 'id="coverage"', 'id="v-1"',
                                      'id="first-party"')]  # fmt: skip
    assert order == sorted(order)
    actions = page[page.index('class="actions"') : page.index('id="vendors"')]
    rows = re.findall(r'<tr><td class="sev-(\w+)">', actions)
    assert rows[0] == "critical" and "MailStore Server" in actions.split("</tr>")[1]
    assert 'href="#v-' in actions


def test_microsoft_apps_section(inventory: Inventory) -> None:
    page = render_html(inventory, "de")
    part = page[page.index('id="first-party"') :]
    assert "Microsoft-Apps" in part and "Graph Explorer" in part
    assert "Admin-Einwilligung für alle Nutzer" in part and "Name" in part


@pytest.mark.parametrize("lang", ["de", "en"])
def test_golden(inventory: Inventory, golden: Callable[[str, bytes], None], lang: str) -> None:
    golden(f"report.{lang}.html", render_html(inventory, lang).encode())


LAYOUT = """(() => {
  const bad = [];
  for (const t of document.querySelectorAll('table')) {
    const box = t.parentElement.getBoundingClientRect();
    const r = t.getBoundingClientRect();
    if (r.right > box.right + 1 || t.scrollWidth > t.parentElement.clientWidth + 1)
      bad.push(t.rows[0].innerText.slice(0, 60));
  }
  return [bad, document.documentElement.scrollWidth <= window.innerWidth];
})()"""


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("lang", ["de", "en"])
def test_browser_desktop_layout_and_screenshot(
    inventory: Inventory, tmp_path: Path, lang: str
) -> None:
    """At desktop width: no console error, no table wider than its container, no sideways
    scrolling; the screenshot shows the executive summary (kept in tmp for a human to look)."""
    path = tmp_path / f"report.{lang}.html"
    path.write_text(render_html(inventory, lang), encoding="utf-8")
    errors, (overflowing, fits) = browser.inspect(path.as_uri(), LAYOUT, width=1366)
    assert errors == []
    assert overflowing == [] and fits
    shot = tmp_path / f"report.{lang}.png"
    browser.screenshot(path.as_uri(), shot, size="1366,900")
    width, height, colours, ink = browser.png_stats(shot.read_bytes())
    assert (width, height) == (1366, 900) and colours > 20 and 0.03 < ink < 0.9
    for part in ("#vendors", "#coverage", "#v-1"):  # below the fold, captured element-wise
        png = tmp_path / f"{lang}{part.replace('#', '-')}.png"
        assert browser.element_screenshot(path.as_uri(), part, png) == []
        width, height, colours, _ink = browser.png_stats(png.read_bytes())
        assert 900 < width <= 1366 and height > 100 and colours > 5, (part, width, height)


@pytest.mark.browser
@needs_chromium
def test_layout_check_can_fail(tmp_path: Path) -> None:
    bad = tmp_path / "wide.html"
    bad.write_text(
        "<!DOCTYPE html><body style='max-width:300px'><div><table><tr><td style='white-space:"
        "nowrap'>" + "x" * 400 + "</td></tr></table></div>",
        encoding="utf-8",
    )
    _, (overflowing, _fits) = browser.inspect(bad.as_uri(), LAYOUT, width=1366)
    assert overflowing


@pytest.fixture
def report_file(inventory: Inventory, tmp_path: Path) -> Path:
    path = tmp_path / "report.html"
    path.write_text(render_html(inventory, "de"), encoding="utf-8")
    return path


@pytest.mark.browser
@needs_chromium
def test_browser_renders_without_console_errors(report_file: Path) -> None:
    expr = "[document.querySelectorAll('script').length, document.styleSheets.length]"
    errors, value = browser.inspect(report_file.as_uri(), expr)
    assert errors == []
    assert value == [0, 1]  # no script, and the inline CSS was allowed by the CSP hash


@pytest.mark.browser
@needs_chromium
def test_browser_harness_sees_errors(tmp_path: Path) -> None:
    """The check above can fail: a CSP violation and a console error are both reported."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        "<!DOCTYPE html><meta http-equiv='Content-Security-Policy' content=\"default-src 'none'\">"
        "<style>body{color:red}</style><p>x</p>",
        encoding="utf-8",
    )
    errors, _ = browser.inspect(bad.as_uri())
    assert any("Content Security Policy" in e for e in errors), errors


@pytest.mark.browser
@needs_chromium
def test_browser_dom_shows_hostile_name_as_text(report_file: Path) -> None:
    dom = browser.dump_dom(report_file.as_uri())
    assert "<script" not in dom.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    errors, texts = browser.inspect(
        report_file.as_uri(),
        "Array.from(document.querySelectorAll('h2 bdi')).map(e => e.textContent)",
    )
    assert errors == []
    assert "<script>alert(1)</script>" in texts
    assert "تطبيق البريد" in texts and "邮件同步工具" in texts and "Mail 📬 Bot" in texts


@pytest.mark.browser
@needs_chromium
def test_browser_screenshot_shows_summary(report_file: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    browser.screenshot(report_file.as_uri(), shot, size="1000,900")
    width, height, colours, ink = browser.png_stats(shot.read_bytes())
    assert (width, height) == (1000, 900)
    assert colours > 20 and 0.03 < ink < 0.9, (colours, ink)
    _, top = browser.inspect(
        report_file.as_uri(),
        "(() => { const r = document.getElementById('summary').getBoundingClientRect();"
        " return [r.top < 900, r.height > 100]; })()",
    )
    assert top == [True, True]  # the summary is inside the captured viewport


@pytest.mark.parametrize("lang", ["en", "de"])
def test_flow_notes_are_shown_in_the_reader_language(inventory: Inventory, lang: str) -> None:
    """A flow's note (here: provisioning may reach the whole tenant, which Graph cannot tell) is
    shown with the flow — in German for ``--lang de``; a note without a translation stays."""
    import msgspec

    from m365inv.classify.provisioning import NOTE_SYNC_SCOPE
    from m365inv.reports.i18n_findings import note_label

    untranslated = "A note the report has no German text for."
    n = next(i for i, f in enumerate(inventory.flows) if f.vendor is not None)
    noted = msgspec.structs.replace(inventory.flows[n], notes=(NOTE_SYNC_SCOPE, untranslated))
    flows = (*inventory.flows[:n], noted, *inventory.flows[n + 1 :])
    page = render_html(msgspec.structs.replace(inventory, flows=flows), lang)
    shown = note_label(NOTE_SYNC_SCOPE, lang)
    assert str(markupsafe.escape(shown)) in page
    assert str(markupsafe.escape(untranslated)) in page
    if lang == "de":
        assert shown != NOTE_SYNC_SCOPE and "Alle Benutzer und Gruppen synchronisieren" in shown
    assert str(markupsafe.escape(shown)) not in render_html(inventory, lang)  # not shown unasked


@pytest.mark.parametrize("top", [1, 3])
def test_many_recipients_detail_only_the_top_sections(inventory: Inventory, top: int) -> None:
    """A tenant with thousands of recipients gets a report a browser opens quickly: at most
    ``top_sections`` detailed sections (more if the listed actions link to more), a count of
    the rest, and no link on the page that points nowhere."""
    from m365inv.reports.summary import summarise

    total = len(summarise(inventory).sections)
    assert total > 3
    html = render_html(inventory, "en", top_sections=top, top_actions=1)
    ids = set(re.findall(r'<section class="vendor" id="v-(\d+)"', html))
    links = set(re.findall(r'href="#v-(\d+)"', html))
    assert top <= len(ids) <= top + 1 and links <= ids
    assert f"+ {total - len(ids)} further recipients are not detailed here" in html
    full = render_html(inventory, "en")
    assert len(re.findall(r'<section class="vendor"', full)) == total
    assert "further recipients are not detailed" not in full


def test_a_transfer_to_unnamed_third_countries_is_shown_not_none_on_file(
    inventory: Inventory,
) -> None:
    import msgspec

    from m365inv.models import UnnamedTransfer

    vendors = tuple(
        msgspec.structs.replace(
            v, transfers=(), unnamed_country_transfers=(UnnamedTransfer(safeguard="BCR"),)
        )
        if v.id == "mailstore"
        else v
        for v in inventory.vendors
    )
    html = render_html(msgspec.structs.replace(inventory, vendors=vendors), "en")
    row = next(r for r in html.split("<tr>") if "Third-country transfers" in r and "BCR" in r)
    assert "third countries not named — BCR" in row and "none on file" not in row
