"""`catalog fetch` against a local HTTPS server: real policy pages as HTML and PDF, and every
kind of bad input the issue lists (one line, non-zero exit, nothing half-written)."""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from m365inv.catalog.draft import slug
from m365inv.cli import app
from tests.scanner.catalog.conftest import Run
from tests.scanner.catalog.policy_server import PolicyServer, make_html, make_pdf, policy_server

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
UTILITAS = SEEDS / "003_1b84f96e1bfebbd9.txt"  # ContactSync, utilitas GmbH (German)
MILLIWAYS = SEEDS / "002_5e984c2aebac052a.txt"
EN_POLICY = (
    "Privacy Policy of Example Ltd, 1 Main Street, London, United Kingdom (the controller).\n"
    "Last updated: March 2024\nWhat data we collect\n- Email address\n- Display name\n"
    "We process personal data on the basis of our legitimate interest (Art. 6 (1)(f) GDPR).\n"
    "Logs are deleted after 30 days. Data is transferred to the United States under the EU-US "
    "Data Privacy Framework. Passwords are hashed with bcrypt.\n" * 3
)


def _seed(path: Path) -> str:
    if not path.exists():
        pytest.skip(f"seed policies not found beside the repository ({SEEDS})")
    return path.read_text("utf-8")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[PolicyServer]:
    de = _seed(UTILITAS)
    routes = {
        "/privacy.html": (
            200,
            {"Content-Type": "text/html; charset=utf-8"},
            make_html("Datenschutzerklärung ContactSync", de),
        ),
        "/privacy.pdf": (200, {"Content-Type": "application/pdf"}, make_pdf(_seed(MILLIWAYS))),
        "/moved": (301, {"Location": "{base}/privacy.html", "Set-Cookie": "sid=secret"}, b""),
        "/to-http": (302, {"Location": "http://127.0.0.1:1/privacy.html"}, b""),
        "/latin1.txt": (
            200,
            {"Content-Type": "text/plain; charset=iso-8859-1"},
            EN_POLICY.replace("Street", "Straße").encode("latin-1"),
        ),
        "/utf16.txt": (
            200,
            {"Content-Type": "text/plain"},
            codecs.BOM_UTF16_LE + de.encode("utf-16-le"),
        ),
        "/logo.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" * 50),
        "/empty.html": (
            200,
            {"Content-Type": "text/html"},
            b"<html><head><script>" + b"x=1;" * 5000 + b"</script></head><body></body></html>",
        ),
        "/shop.html": (
            200,
            {"Content-Type": "text/html"},
            make_html(
                "Schuhe", "Unsere Schuhe sind bequem und günstig. Jetzt kaufen und sparen! " * 30
            ),
        ),
        "/huge": (
            200,
            {"Content-Type": "text/html", "Content-Length": str(50 * 1024 * 1024)},
            b"<html>" + b"a" * 100_000,
        ),
        "/huge-stream": (
            200,
            {"Content-Type": "text/plain", "Content-Length": "none"},
            b"Datenschutz " * 1_000_000,
        ),
    }
    with policy_server(tmp_path, routes) as srv:
        yield srv


@pytest.fixture
def fetch(cli: Run) -> Callable[..., tuple[int, str]]:
    def run(srv: PolicyServer, path: str, out: Path, *extra: str) -> tuple[int, str]:
        return cli(
            "catalog",
            "fetch",
            f"{srv.base}{path}",
            "--out-dir",
            str(out),
            "--ca-bundle",
            str(srv.ca_bundle),
            "--cache-dir",
            str(out / "cache"),
            "--allow-private-hosts",
            *extra,
        )

    return run


def test_html_policy_is_fetched_extracted_and_drafted(
    server: PolicyServer, tmp_path: Path, fetch: Run
) -> None:
    out = tmp_path / "drafts"
    code, output = fetch(server, "/privacy.html", out, "--vendor", "utilitas GmbH")
    assert code == 0, output
    assert "html, language de" in output
    draft = (out / "utilitas-gmbh.yaml").read_text("utf-8")
    policy = (out / "utilitas-gmbh.policy.txt").read_text("utf-8")
    assert "tracking" not in policy and "Impressum · Cookie" not in policy  # scripts, footer gone
    assert "AES256" in policy and "draft: true" in draft and "confidence:" in draft
    res = CliRunner().invoke(app, ["catalog", "validate", str(out / "utilitas-gmbh.yaml")])
    assert res.exit_code == 0, res.output


def test_pdf_policy(server: PolicyServer, tmp_path: Path, fetch: Run) -> None:
    code, output = fetch(server, "/privacy.pdf", tmp_path, "--vendor", "Milliways")
    assert code == 0, output
    assert "pdf, language de" in output
    assert "Milliways" in (tmp_path / "milliways.policy.txt").read_text("utf-8")


def test_redirect_followed_without_sending_cookies_and_cache_used(
    server: PolicyServer, tmp_path: Path, fetch: Run
) -> None:
    code, output = fetch(server, "/moved", tmp_path / "a", "--vendor", "X")
    assert code == 0, output
    assert [s["path"] for s in server.seen] == ["/moved", "/privacy.html"]
    assert all("cookie" not in s and "authorization" not in s for s in server.seen)
    code, output = fetch(
        server,
        "/moved",
        tmp_path / "b",
        "--vendor",
        "X",
        "--cache-dir",
        str(tmp_path / "a" / "cache"),
    )
    assert code == 0 and "(from cache)" in output and len(server.seen) == 2


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/to-http", "not https; refused"),
        ("/logo.png", "not a text, HTML or PDF document"),
        ("/empty.html", "no policy text found"),
        ("/shop.html", "does not look like a privacy policy"),
        ("/huge", "over the 10,485,760-byte limit"),
        ("/huge-stream", "larger than the 10,485,760-byte limit"),
        ("/missing", "HTTP 404"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    server: PolicyServer, tmp_path: Path, fetch: Run, path: str, message: str
) -> None:
    out = tmp_path / "drafts"
    code, output = fetch(server, path, out, "--vendor", "X")
    assert code == 2, output
    assert message in output and len(output.strip().splitlines()) <= 2  # the line (+ a tip)
    assert not out.exists() or not any(p.suffix in (".yaml", ".txt") for p in out.iterdir())


def test_http_url_refused_before_any_request(
    server: PolicyServer, tmp_path: Path, cli: Run
) -> None:
    code, output = cli("catalog", "fetch", "http://127.0.0.1:1/p", "--out-dir", str(tmp_path))
    assert code == 2 and "only https:// URLs" in output and not server.seen


def test_latin1_and_utf16_text(server: PolicyServer, tmp_path: Path, fetch: Run) -> None:
    code, output = fetch(server, "/latin1.txt", tmp_path / "l", "--vendor", "Example Ltd")
    assert code == 0, output
    text = (tmp_path / "l" / "example-ltd.policy.txt").read_text("utf-8")
    assert "Straße" in text
    draft = (tmp_path / "l" / "example-ltd.yaml").read_text("utf-8")
    assert "country: GB" in draft and "mechanism: DPF" in draft and "P30D" in draft
    code, output = fetch(server, "/utf16.txt", tmp_path / "u", "--vendor", "utilitas")
    assert code == 0, output
    assert "Datenschutzerklärung" in (tmp_path / "u" / "utilitas.policy.txt").read_text("utf-8")


GOLDEN = Path(__file__).resolve().parents[2] / "reports" / "golden" / "inventory.json"


def test_draft_from_inventory_fetches_every_unmatched_vendor(
    server: PolicyServer, tmp_path: Path, cli: Run
) -> None:
    """The report fixtures' inventory (hostile app names included) against the local server:
    one draft per unmatched vendor with recognition from the tenant; a vendor whose policy
    redirects to http: is named, the others are written, exit 3."""
    import json

    inv = json.loads(GOLDEN.read_text("utf-8"))
    unmatched = [a for a in inv["apps"] if not a["firstParty"] and a["vendor"] is None]
    urls = ["/privacy.html", "/latin1.txt", "/to-http"]
    for app_rec, path in zip(unmatched, urls, strict=False):
        app_rec["privacyStatementUrl"] = f"{server.base}{path}"
    source = tmp_path / "inventory.json"
    source.write_text(json.dumps(inv), "utf-8")
    out = tmp_path / "drafts"
    code, output = cli(
        "catalog",
        "draft",
        "--from-inventory",
        str(source),
        "--out-dir",
        str(out),
        "--ca-bundle",
        str(server.ca_bundle),
        "--cache-dir",
        str(tmp_path / "c"),
        "--allow-private-hosts",
    )
    assert code == 3, output
    assert "2 of" in output and "not https; refused" in output
    assert "no privacy statement URL" in output  # the apps without one are named, not dropped
    drafts = sorted(out.glob("*.yaml"))
    assert len(drafts) == 2
    first = unmatched[0]
    data = yaml.safe_load((out / f"{slug(first['publisher']['name'])}.yaml").read_text("utf-8"))
    assert data["draft"] is True and data["recognition"]["app_ids"] == [first["appId"]]
    # the policy's host is an IP literal: it recognises no vendor, so it is not pre-filled
    assert "127.0.0.1" not in data["recognition"]["observed_domains"]
    assert data["policy"]["url"] == f"{server.base}/privacy.html"


def test_private_hosts_refused_unless_allowed(
    server: PolicyServer, tmp_path: Path, cli: Run
) -> None:
    """A tenant's URL must not reach into the admin's network (SSRF): loopback is refused."""
    code, output = cli(
        "catalog",
        "fetch",
        f"{server.base}/privacy.html",
        "--out-dir",
        str(tmp_path),
        "--ca-bundle",
        str(server.ca_bundle),
        "--no-cache",
    )
    assert code == 2 and "private/local address (127.0.0.1); refused" in output
    assert not server.seen and not list(tmp_path.glob("*.yaml"))


def test_a_table_cells_lines_stay_apart_in_the_main_text() -> None:
    """trafilatura joins a cell's list entries and line breaks into one run ("Name E-mail
    address"); the main text keeps them apart, so each is an item of its own."""
    from m365inv.catalog.extract import extract
    from m365inv.catalog.fetch import main_text

    cells = (
        "<tr><td>Kontaktdaten</td><td><ul><li>Name</li><li>E-Mail-Adresse</li></ul></td>"
        "<td>3 Jahre<br></td></tr>"
        "<tr><td>Nutzungsdaten</td><td>IP-Adresse<br>Browsertyp<br/>Zeitpunkt des Zugriffs</td>"
        "<td>30 Tage</td></tr>"
        "<tr><td>Vertragsdaten</td><td><p>Rechnungsadresse</p><p>Bestellhistorie</p></td>"
        "<td>10 Jahre</td></tr>"
    )
    page = (
        "<!doctype html><html lang='de'><body><main><article><h2>Welche Daten wir verarbeiten"
        "</h2><p>Wir verarbeiten die folgenden personenbezogenen Daten, wenn Sie unseren Dienst"
        " nutzen.</p><table><thead><tr><th>Kategorie</th><th>Beispiele</th><th>Speicherdauer"
        f"</th></tr></thead><tbody>{cells}</tbody></table><p>Die Daten werden auf Servern in "
        "Deutschland gespeichert und nach Ablauf der Fristen gelöscht.</p></article></main>"
        "</body></html>"
    )
    kind, text = main_text(page.encode(), "text/html; charset=utf-8")
    assert kind == "html"
    assert "| Name; E-Mail-Adresse | 3 Jahre |" in text
    assert "IP-Adresse; Browsertyp; Zeitpunkt des Zugriffs" in text
    assert "XmiCellBreakX" not in text
    items = [i.item for i in extract(text).items]
    for item in ("Name", "E-Mail-Adresse", "IP-Adresse", "Browsertyp", "Rechnungsadresse"):
        assert item in items


def test_a_tables_bold_first_row_heads_its_columns() -> None:
    """A page's header row written as bold cells (no <th>) gets the rule row trafilatura leaves
    out, so its titles are no data and its columns are read as such."""
    from m365inv.catalog.extract import extract
    from m365inv.catalog.fetch import main_text

    page = (
        "<!doctype html><html lang='en'><body><main><article><h2>What data we process</h2>"
        "<p>We process the data listed in the table below when you use our service.</p><table>"
        "<tr><td><strong>Category</strong></td><td><strong>Description</strong></td></tr>"
        "<tr><td>Identifiers</td><td>Device ID: the identifier of your device.<br><br>"
        "Account ID: the identifier we assign to you.</td></tr>"
        "<tr><td>Contact data</td><td>Your name and e-mail address.</td></tr>"
        "</table><p>We keep this data only as long as we need it for these purposes and delete "
        "it afterwards.</p></article></main></body></html>"
    )
    text = main_text(page.encode(), "text/html; charset=utf-8")[1]
    assert "| **Category** | **Description** |\n|---|---|\n" in text.replace(" \n", "\n")
    assert "the identifier of your device. Account ID" in text  # two breaks, one sentence end
    items = [i.item for i in extract(text).items]
    assert "Category" not in items and "e-mail address" in items
