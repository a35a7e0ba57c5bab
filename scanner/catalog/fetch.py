"""Download a privacy policy and take its main text (HTML via trafilatura, PDF via pypdf).

Opt-in and careful, because the URL comes from the tenant (``info.privacyStatementUrl``) and is
therefore hostile input: HTTPS only, every redirect checked (never to ``http:``, at most
``MAX_REDIRECTS``), no cookies, credentials, proxies or ``.netrc`` from the environment
(``trust_env=False``), a timeout, a size cap enforced while streaming, and a cache keyed by URL so
that a re-run does not fetch again. Every failure is a :class:`CatalogError` with one line.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import io
import ipaddress
import json
import re
import socket
import ssl
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
import msgspec

from m365inv.atomic import write_bytes_atomic
from m365inv.catalog.extract import detect_language, policy_score
from m365inv.errors import CatalogError

MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT_S = 20.0
CACHE_DAYS = 7
USER_AGENT = "m365inv (privacy-policy fetch; +https://github.com/m365inv)"


class FetchedPolicy(msgspec.Struct, frozen=True):
    """A policy's main text and what we could tell about it."""

    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str  # "html" | "pdf" | "text"
    text: str
    language: str
    looks_like_policy: bool
    from_cache: bool


def _https_only(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise CatalogError(f"{url}: only https:// URLs are fetched (got {parts.scheme or 'none'}:)")
    if parts.username or parts.password:
        raise CatalogError(f"{url}: URLs with credentials are not fetched")
    return url


def _public_host(url: str) -> None:
    """Refuse a host that is or resolves to a private, loopback or link-local address: the URL
    comes from the tenant, and the scan may run inside a network (SSRF)."""
    host = urlsplit(url).hostname or ""
    try:
        infos = socket.getaddrinfo(host, 443, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise CatalogError(f"{url}: cannot resolve {host!r}: {exc.strerror or exc}") from None
    for info in infos:
        addr = ipaddress.ip_address(info[4][0])
        if not addr.is_global:
            raise CatalogError(
                f"{url}: {host} is a private/local address ({addr}); refused",
                tip="--allow-private-hosts fetches from your own network (e.g. a test server)",
            )


def _download(
    url: str, verify: ssl.SSLContext | bool, *, allow_private: bool
) -> tuple[str, str, bytes]:
    """(final URL, content-type header, body) — redirects followed by hand and checked."""
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/pdf,text/plain;q=0.9"}
    with httpx.Client(
        verify=verify, trust_env=False, follow_redirects=False, timeout=TIMEOUT_S, headers=headers
    ) as client:
        for _ in range(MAX_REDIRECTS + 1):
            client.cookies.clear()  # never send back what a server set
            if not allow_private:
                _public_host(url)  # every hop: a redirect may point inwards
            try:
                with client.stream("GET", url) as resp:
                    if resp.is_redirect:
                        target = urljoin(url, resp.headers.get("location", ""))
                        if urlsplit(target).scheme != "https":
                            raise CatalogError(
                                f"{url}: redirects to {target!r}, not https; refused"
                            )
                        url = _https_only(target)
                        continue
                    if resp.status_code != 200:
                        raise CatalogError(f"{url}: HTTP {resp.status_code}")
                    declared = int(resp.headers.get("content-length") or 0)
                    if declared > MAX_BYTES:
                        raise CatalogError(
                            f"{url}: {declared:,} bytes is over the {MAX_BYTES:,}-byte limit"
                        )
                    body = bytearray()
                    for chunk in resp.iter_bytes():
                        body += chunk
                        if len(body) > MAX_BYTES:
                            raise CatalogError(f"{url}: larger than the {MAX_BYTES:,}-byte limit")
                    return url, resp.headers.get("content-type", ""), bytes(body)
            except httpx.HTTPError as exc:
                raise CatalogError(f"{url}: {type(exc).__name__}: {exc}".splitlines()[0]) from None
    raise CatalogError(f"{url}: more than {MAX_REDIRECTS} redirects")


def _charset(content_type: str) -> str | None:
    m = re.search(r"charset=[\"']?([\w.:-]+)", content_type, re.I)
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1)).name
    except LookupError:
        return None


def decode_text(body: bytes, content_type: str = "") -> str:
    """Text of a plain-text body: BOM, declared charset, UTF-16 without BOM, UTF-8, then cp1252."""
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if body.startswith(bom):
            return body.decode(enc, errors="replace")
    declared = _charset(content_type)
    if declared:
        return body.decode(declared, errors="replace")
    sample = body[:4000]
    if sample and sample.count(0) > len(sample) // 4:  # UTF-16 without BOM: every 2nd byte NUL
        return body.decode("utf-16-le" if sample[1:2] == b"\0" else "utf-16-be", errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")


def _kind(content_type: str, body: bytes) -> str:
    ct = content_type.split(";")[0].strip().lower()
    head = body[:1024].lstrip().lower()
    if body.startswith(b"%PDF") or ct == "application/pdf":
        return "pdf"
    if ct in ("text/html", "application/xhtml+xml") or head.startswith(
        (b"<!doctype html", b"<html")
    ):
        return "html"
    if ct.startswith("text/") or (not ct and b"\0" not in body[:4000]):
        return "text"
    if b"\0" in body[:4000] and body[:2] not in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        raise CatalogError(f"not a text, HTML or PDF document ({ct or 'binary content'})")
    return "text"


def _pdf_text(body: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(body))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise CatalogError(f"unreadable PDF: {exc}".splitlines()[0]) from None


# where a table cell's lines break, until trafilatura has joined them (a word of letters:
# trafilatura drops or escapes symbols)
_MARK = "XmiCellBreakX"
_CELL_BREAK = f" {_MARK} "
_CELL_BREAK_RUN = re.compile(rf"(?:\s*{_MARK})+\s*")  # "<br><br>": one break
_CELL_END = re.compile(rf"\s*{_MARK}\s*(?=\||$)", re.M)  # a break that ends the cell
_AFTER_STOP = re.compile(rf"([.;:,!?])\s*{_MARK}\s*")
_CELL_BREAKS = re.compile(rf"\s*{_MARK}\s*")


def _mark_cell_lines(tree: Any) -> None:
    """Mark the line breaks inside table cells (``<br>``, paragraphs, list entries), which
    trafilatura's Markdown joins into one run: "| Contact data | Name E-mail address |" would
    be one item where the page lists two. The marks become "; " in the text."""
    for cell in tree.iter("td", "th"):
        first = not (cell.text or "").strip()  # (text before a cell's list is its first line)
        for el in cell.iter("br", "li", "p", "div"):
            if el is cell:
                continue
            if el.tag == "br":
                el.tail = _CELL_BREAK + (el.tail or "")
            elif not first:
                el.text = _CELL_BREAK + (el.text or "")
            first = False


def _cell_lines(text: str) -> str:
    """The marked breaks as "; " ("Name; E-mail address"), or a space after a sentence's end."""
    if _MARK not in text:
        return text
    text = _CELL_BREAK_RUN.sub(_CELL_BREAK, text)
    return _CELL_BREAKS.sub("; ", _AFTER_STOP.sub(r"\1 ", _CELL_END.sub(" ", text)))


# a Markdown table's first row of bold titles ("| **Category** | **Description** |"): a page's
# header row written as cells (no <th>), which trafilatura gives no rule row under
_TITLE_ROW = re.compile(r"^\|(?:[ \t]*\*\*[^*|]{1,60}\*\*[ \t]*\|){2,}[ \t]*$")
_RULE_ROW = re.compile(r"^\|?[ \t]*:?-{3,}")


def _header_rules(text: str) -> str:
    """A rule row under a table's bold first row, so the table is read by its columns."""
    rows = text.split("\n")
    out: list[str] = []
    for k, row in enumerate(rows):
        out.append(row)
        if (
            _TITLE_ROW.match(row)
            and (k == 0 or not rows[k - 1].lstrip().startswith("|"))  # the table's first row
            and k + 1 < len(rows)
            and rows[k + 1].lstrip().startswith("|")
            and not _RULE_ROW.match(rows[k + 1].strip())
        ):
            out.append("|" + "---|" * (row.count("|") - 1))
    return "\n".join(out)


def _html_text(body: bytes, content_type: str) -> str:
    import trafilatura
    from trafilatura.utils import load_html

    html = (
        decode_text(body, content_type)
        if _charset(content_type)
        else body.decode("utf-8", errors="replace")
    )
    tree = load_html(html)
    if tree is None:
        return ""
    _mark_cell_lines(tree)
    text = trafilatura.extract(
        tree,
        output_format="markdown",
        include_tables=True,
        include_comments=False,
        include_links=False,
        favor_recall=True,
    )
    return _header_rules(_cell_lines(text)) if text else ""


def main_text(body: bytes, content_type: str) -> tuple[str, str]:
    """(kind, main text) of a downloaded body."""
    kind = _kind(content_type, body)
    if kind == "pdf":
        return kind, _pdf_text(body)
    if kind == "html":
        return kind, _html_text(body, content_type)
    return kind, decode_text(body, content_type)


def _cache_paths(cache_dir: Path, url: str) -> tuple[Path, Path]:
    key = hashlib.sha256(url.encode()).hexdigest()[:32]
    return cache_dir / f"{key}.body", cache_dir / f"{key}.json"


def _from_cache(cache_dir: Path | None, url: str) -> tuple[str, str, bytes] | None:
    if cache_dir is None:
        return None
    body_path, meta_path = _cache_paths(cache_dir, url)
    try:
        meta = json.loads(meta_path.read_text("utf-8"))
        fetched = dt.datetime.fromisoformat(meta["fetched_at"])
        if dt.datetime.now(dt.UTC) - fetched > dt.timedelta(days=CACHE_DAYS):
            return None
        return str(meta["final_url"]), str(meta["content_type"]), body_path.read_bytes()
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no or unusable cache entry: fetch again


def _to_cache(cache_dir: Path, url: str, final: str, ctype: str, body: bytes) -> None:
    body_path, meta_path = _cache_paths(cache_dir, url)
    cache_dir.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(body_path, body)
    meta = {
        "url": url,
        "final_url": final,
        "content_type": ctype,
        "fetched_at": dt.datetime.now(dt.UTC).isoformat(),
    }
    write_bytes_atomic(meta_path, json.dumps(meta).encode())


MIN_POLICY_CHARS = 200


def policy_text(
    body: bytes, content_type: str, *, where: str, require_policy: bool = True
) -> tuple[str, str, bool]:
    """(kind, main text, looks like a policy) of a downloaded page or a local file.

    One gate for ``catalog fetch``/``draft`` and ``catalog import``: a binary file, a page with
    no text (empty, or only scripts and markup) and — unless ``require_policy`` is off — a page
    without data-protection vocabulary are refused with one line naming ``where``.
    """
    try:
        kind, text = main_text(body, content_type)
    except CatalogError as exc:
        raise CatalogError(f"{where}: {exc}") from None
    text = text.strip()
    if len(text) < MIN_POLICY_CHARS:
        raise CatalogError(f"{where}: no policy text found (empty, or only scripts/markup)")
    looks_like_policy = policy_score(text) >= 3
    if require_policy and not looks_like_policy:
        raise CatalogError(
            f"{where}: this does not look like a privacy policy "
            "(almost no data-protection vocabulary)"
        )
    return kind, text, looks_like_policy


def fetch_policy(
    url: str,
    *,
    ca_bundle: Path | None = None,
    cache_dir: Path | None = None,
    require_policy: bool = True,
    allow_private: bool = False,
) -> FetchedPolicy:
    """Download ``url`` (or take it from the cache) and return its main text."""
    _https_only(url)
    cached = _from_cache(cache_dir, url)
    if cached is None:
        verify: ssl.SSLContext | bool = (
            ssl.create_default_context(cafile=str(ca_bundle)) if ca_bundle else True
        )
        final, ctype, body = _download(url, verify, allow_private=allow_private)
    else:
        final, ctype, body = cached
    kind, text, looks_like_policy = policy_text(
        body, ctype, where=url, require_policy=require_policy
    )
    if cached is None and cache_dir is not None:
        _to_cache(cache_dir, url, final, ctype, body)
    return FetchedPolicy(
        url=url,
        final_url=final,
        content_type=kind,
        text=text,
        language=detect_language(text),
        looks_like_policy=looks_like_policy,
        from_cache=cached is not None,
    )
