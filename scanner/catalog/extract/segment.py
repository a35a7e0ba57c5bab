"""Cut policy text into the units the rules work on: lines, headings, bullets and sentences.

Real policies arrive as Markdown, as text taken from HTML (trafilatura) or from PDF (pypdf):
bullets wrap onto a second line, tables come as ``| a | b |`` rows, headings are numbered
(``3.1 Basisdaten``) or bold (``**Identity Data:**``). Everything here is plain string work so
that a 30-page policy is cut in milliseconds.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from typing import Literal

import msgspec

from m365inv.catalog.extract.needles import Needles

LineKind = Literal["heading", "bullet", "text"]

# (a second glyph after the marker is the page's own: "<li><span>•</span> Reviews: …")
_BULLET = re.compile(
    r"^\s*(?:[•\-*·–▪◦●✓✔❌✗]|\d{1,2}[.)](?!\d)|[a-zA-Z][.)]\s)\s*(?:[•·▪◦●]\s*)?(.+)$"
)
_NUMBERED_HEADING = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[IVX]+\.|§\s?\d{1,2})\s+(\S.{0,90})$"
)
_MD_HEADING = re.compile(r"^\s*#{1,6}(?:\s+|(?=[A-ZÄÖÜ]))(.+)$")  # "#Log Data" too
_BOLD = re.compile(r"\*\*|__")
# an entry's own field on an indented line below it ("  a) Konto- und Kontaktdaten (Name, …)" /
# "     Zweck: Registrierung, …"): a line of its own, not the entry wrapped
_FIELD_LINE = re.compile(r"^[A-ZÄÖÜ][\w/-]*(?: [\w/-]+){0,2}: \S")
_BOLD_LETTERED = re.compile(r"^[ \t]*\*\*[A-Z][.)][ \t]+([^*\n]{2,80}?)[ \t]*\*\*[ \t]*$", re.M)
# a table's rule row: "|---|", "---|---", or GitHub's shortest "|:-|-:|"
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}|^\s*\|(?:\s*:?-+:?\s*\|)+\s*$")
# (also after a closing quote: '… referred to herein as "Payment Data."  When you register …')
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"„“(]?[A-ZÄÖÜ0-9])")
_ABBREV_END = re.compile(
    r"(?:\bz\.\s?B|\bu\.\s?a|\bbzw|\bggf|\bsog|\bvgl|\binsb|\bi\.\s?V\.\s?m|\bAbs|\bArt|\bNr|\blit"
    r"|\be\.\s?g|\bi\.\s?e|\betc|\bInc|\bLtd|\bCorp|\bNo|\bca|\bd\.\s?h|\bS|\bst|\bDr|\bMr|\bMs"
    r"|\bvs|\bpara|\bSec|\b[A-Za-z]|\w*str|\bTel|\bFax|\bCo|\bevtl|\binkl|\bzzgl|\bbspw|\bgem"
    r"|\bmax|\bmin|\bZiff|\bff|\bHrsg|\bAufl|\bgeb|\bUSt|\bIdNr|\bRdNr|\bFa)\.$",
    re.IGNORECASE,
)


class Line(msgspec.Struct, frozen=True):
    """One logical line: a heading, a bullet (wrapped continuation lines joined) or text."""

    kind: LineKind
    text: str
    number: int  # index of the first physical line, for the review view
    numbered: bool = False  # a heading with a section number ("3.1 Basisdaten")
    table_data: bool = False  # the data column's cell of a table row ("Data element | …")
    row_rest: str = ""  # "cell: the row's other cells" ("Name: Sign-in; Contract; 2 years"), for
    # the rules other than items: a basis or a period stated beside the data it applies to
    row: str = ""  # a table row as the policy writes it: what a finding from it quotes


# a JSX page's own block components, by the end of their names: "<ListItem>", "<PolicyListItem>",
# "<SectionTitle>", "<Paragraph>" (a prefix of up to 31 characters before it)
_PREFIX = r"(?:[A-Z]\w{0,30})?"
_ITEM_COMPONENTS = "ListItem|BulletItem|ListEntry"
_TITLE_COMPONENTS = "SectionTitle|SubTitle|Subtitle|Heading|Title|Headline"
_HTML_BLOCK = re.compile(
    r"<(?:li|p|ul|ol|br|h[1-6]|tr|table|div|section|dt|dd|img|a\s+(?:name|id|href)=)\b"
    rf"|<(?-i:{_PREFIX}(?:{_ITEM_COMPONENTS}|{_TITLE_COMPONENTS}|Paragraph))\b",
    re.I,
)
_HTML_TAG = re.compile(r"</?[A-Za-z][\w.-]*(?:\s[^<>]*)?/?>")
_BODY_TAG = re.compile(r"<body\b[^<>]*>", re.I)
# where a page's head, style, script or comment opens, and what closes each
# (and its navigation: a site's menu lists pages and products, "Preise", "Hostels", no data)
_NO_TEXT_OPEN = re.compile(r"<(head|style|script|nav)\b[^<>]{0,2000}>|<!--", re.I)
_NO_TEXT_CLOSE = {
    kind: re.compile(rf"</{kind}\s*>", re.I) for kind in ("head", "style", "script", "nav")
} | {"": re.compile(r"-->")}


def _without_non_text(text: str) -> str:
    """``text`` without its head, styles, scripts and comments, in one pass: each closing tag
    is searched once from where its opening stands, and an unclosed one ends the search (a
    hostile page of a thousand unclosed "<script>" stays linear)."""
    out: list[str] = []
    pos = 0
    while (opened := _NO_TEXT_OPEN.search(text, pos)) is not None:
        closed = _NO_TEXT_CLOSE[(opened.group(1) or "").lower()].search(text, opened.end())
        if closed is None:
            break
        out.append(text[pos : opened.start()])
        out.append("\n")
        pos = closed.end()
    out.append(text[pos:])
    return "".join(out)


_FOOTER_OPEN = re.compile(r"<footer\b[^<>]{0,2000}>", re.I)
_FOOTER_CLOSE = re.compile(r"</footer\s*>", re.I)
_LINK = re.compile(r"<a\b[^<>]{0,2000}>[^<>]{0,120}</a\s*>", re.I)


def _footer_without_links(text: str) -> str:
    """``text`` with its footers' links taken out: a site's footer lists its pages ("Channel-
    Manager", "Hotels", "Sitemap"), not data, while its address lines stay for the vendor's
    country. One pass, as for the non-text parts: an unclosed footer ends the search."""
    out: list[str] = []
    pos = 0
    while (opened := _FOOTER_OPEN.search(text, pos)) is not None:
        closed = _FOOTER_CLOSE.search(text, opened.end())
        if closed is None:
            break
        out.append(text[pos : opened.end()])
        out.append(_LINK.sub("", text[opened.end() : closed.start()]))
        pos = closed.start()
    out.append(text[pos:])
    return "".join(out)


_TABLE_ROW = re.compile(r"<tr\b(?:(?!</tr>).){0,4000}?</tr>", re.I | re.S)


def _one_line_row(row: re.Match[str]) -> str:
    """A row on one line; a header row (``<th>``) followed by a Markdown rule, so the columns
    are named as in a Markdown table."""
    flat = " ".join(row.group(0).split())
    return f"\n{flat}|---|" if re.search(r"<th\b", flat, re.I) else f"\n{flat}"  # "</tr>": "\n"


# a list entry without a list inside it, its text spread over the source's lines
_LIST_ENTRY = re.compile(
    r"<(li|p)\b[^>]*>((?:(?!</?(?:li|ul|ol|p|div|table|h[1-6])\b).){1,3000}?)</\1>", re.I | re.S
)


def _one_line_entry(entry: re.Match[str]) -> str:
    """An entry on one line: a JSX page wraps "<li>der Aufbau der … und der" / "Metropolregion"
    by its code's width, not the text's."""
    joined = " ".join(entry.group(2).split())
    return f"\n- {joined}\n" if entry.group(1).lower() == "li" else f"\n{joined}\n"


_COMPONENT_ITEM = re.compile(rf"<{_PREFIX}(?:{_ITEM_COMPONENTS}|Bullet)\b[^>]{{0,300}}>\s*")
_COMPONENT_TITLE = re.compile(rf"<{_PREFIX}(?:{_TITLE_COMPONENTS})\b[^>]{{0,300}}>\s*")
_COMPONENT_CLOSE = re.compile(
    rf"</{_PREFIX}(?:{_ITEM_COMPONENTS}|Bullet|{_TITLE_COMPONENTS}|Paragraph)>"
)


def _untag(text: str) -> str:
    """Inline HTML (a PRIVACY.md with ``<ul><li>``, a page saved as text) as plain lines: list
    entries become bullets, headings Markdown headings, cells ``|``-separated, other tags go."""
    # a page's head, styles, scripts and comments hold no text of the page (a page saved by
    # Word carries hundreds of kilobytes of them before its body)
    if "<" in text:
        text = _without_non_text(text)
        text = _footer_without_links(text)
    if "<tr" in text or "<TR" in text:  # a table row whose cells the markup spread over lines
        text = _TABLE_ROW.sub(_one_line_row, text)
    # (with the line break after the tag: "<li>" on a line of its own is one entry with the
    # text below it, not an empty bullet)
    text = _LIST_ENTRY.sub(_one_line_entry, text)
    text = re.sub(r"<li\b[^>]*>\s*", "\n- ", text, flags=re.I)
    text = re.sub(r"<h[1-6]\b[^>]*>\s*", "\n## ", text, flags=re.I)
    if "Item" in text or "Title" in text or "Heading" in text:  # a JSX page's own components:
        text = _COMPONENT_ITEM.sub("\n- ", text)  # "<ListItem>", "<BulletItem>" are entries,
        text = _COMPONENT_TITLE.sub("\n## ", text)  # "<SubSectionTitle>", "<Heading>" titles
        text = _COMPONENT_CLOSE.sub("\n", text)
    text = re.sub(
        r"</(?:h[1-6]|li|p|div|tr|ul|ol|section|dt|dd)>|<br\s*/?>", "\n", text, flags=re.I
    )
    text = re.sub(r"<t[dh]\b[^>]*>", " | ", text, flags=re.I)
    text = _HTML_TAG.sub("", text)
    text = re.sub(r"\{\s*[\"']\s*[\"']\s*\}", " ", text)  # JSX {" "}
    return html.unescape(text)


# a docs site's Markdown: ":::"-fenced zones, "[!INCLUDE …]" / "[!NOTE]" and a blockquote's ">"
_DOCS_MARKUP = re.compile(
    r"^:::.*$|\[!(?:INCLUDE|NOTE|TIP|IMPORTANT|WARNING)\b[^\n]*|^>[ \t]?", re.M
)

# a template engine's tag ("{% trans %}", "{% url 'privacy' %}"), bounded to one line
_TEMPLATE_TAG = re.compile(r"\{%[^%\n]{0,200}%\}")
# ("appliesto:" over "- Microsoft Teams": a YAML list inside it too)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:[\w.-]+:.*\n|[ \t].*\n|-[ \t].*\n)*?---[ \t]*\r?\n")

_SPACE_RUN = re.compile(r"[ \t]{2,}(?=\S)")
_RST_ROLE = re.compile(r":[a-z]{2,12}:`(?:([^`<\n]{1,200}?)\s*<[^>`\n]{0,200}>|([^`\n]{1,200}))`")
_CONTENTS_ENTRY = re.compile(
    r"^[ \t]*(?:[-*+•]|\d{1,2}\.)[ \t]+\[[^\]\n]{1,200}\]\(#[^)\n]{0,200}\)[ \t]*$", re.M
)
# a list entry that is nothing but a link to a page, and the host of that page
_LINK_ENTRY = re.compile(
    r"[ \t]*(?:[-*+•]|\d{1,2}\.)[ \t]+\[[^\]\n]{1,200}\]\(https?://([^/)\s]{1,200})[^)\n]{0,1000}\)"
    r"[ \t]*"
)
#: a run of this many link entries to one site is the site's menu
_MENU_RUN = 5


def _without_menus(text: str) -> str:
    """``text`` without its site menus: a page saved as Markdown opens with its navigation, runs
    of list entries that only link to the site's own pages ("[AccountingAI](https://…/business/
    accountingai/)"), which name sections, not data. A list of processors links each name to
    its own company's site, so a run is a menu only when its links stay on one host."""
    lines = text.split("\n")
    drop: list[int] = []
    run: list[int] = []
    host = ""

    def close() -> None:
        if len(run) >= _MENU_RUN:
            drop.extend(run)
        run.clear()

    for at, line in enumerate(lines):
        entry = _LINK_ENTRY.fullmatch(line)
        if entry is None:
            if line.strip():
                close()
            continue
        this = entry.group(1).casefold().removeprefix("www.")
        if run and this != host:
            close()
        host = this
        run.append(at)
    close()
    if not drop:
        return text
    gone = set(drop)
    return "\n".join(line for at, line in enumerate(lines) if at not in gone)


def _one_space(run: re.Match[str]) -> str:
    """A run of spaces after a word is one space; indentation (after a line break) stays."""
    at = run.start()
    return " " if at and not run.string[at - 1].isspace() else run.group(0)


# a policy kept as source code (a Next.js page, a TypeScript content object): statements and
# brackets are no text; a string literal on its own line is, a "heading:"/"title:" one a heading
_CODE_HINT = re.compile(r"^[ \t]*(?:import|export|const|module\.exports)\b", re.M)
_LITERAL_LINE = re.compile(  # (a translation file quotes its dotted keys: "page.intro": "…")
    r"""^[ \t]*(?:(?P<quoted>["']?)(?P<key>[a-z_$][\w$]*(?:\.[\w$]+)*)(?P=quoted)[ \t]*:[ \t]*)?"""
    r"""(?P<quote>['"`])(?P<body>.*)(?P=quote)[ \t]*[,;]?[ \t]*$""",
    re.M,
)
_CODE_LINE = re.compile(
    r"^[ \t]*(?:import\b.*|export\b[^'\"`\n]*|(?:const|let|var)\b[^'\"`\n]*[=({[][ \t]*"
    r"|[a-z_$][\w$]*[ \t]*:[ \t]*[\[{(]?[ \t]*|[\]})]+[ \t]*[,;)\]}]*[ \t]*|[{[(][ \t]*"
    r"|([\"'])[a-z_$][\w$]*(?:\.[\w$]+)*\1[ \t]*:[ \t]*[\[{(]?[ \t]*)$",
    re.M,
)
_HEAD_KEYS = frozenset("title heading header subtitle name label question".split())
_QUIET_KEYS = frozenset("path href url slug id key icon image src locale lang date".split())


def _literal(m: re.Match[str], *, listing: bool = False) -> str:
    """The line a string literal says: a heading for "title:", nothing for a path, a list entry
    for a bare string inside a list (``listing``); the code's indentation is no nesting."""
    key, body = (m.group("key") or "").rpartition(".")[2].casefold(), m.group("body")
    body = body.replace("\\'", "'").replace('\\"', '"')
    if key in _QUIET_KEYS:
        return ""
    if key in _HEAD_KEYS:
        return f"## {body}"
    return f"- {body}" if listing and body and not key else body


# a JSX component given its list as an array: "<List items={[" / "'Name, Telefonnummer'," / "]} />"
_ARRAY_OPEN = re.compile(r"=\{\[[ \t]*$", re.M)
_ARRAY_CLOSE = re.compile(r"^[ \t]*\]\}[ \t]*/?>?[ \t]*$", re.M)


# a table given as arrays in code: 'head: ["Kategorie", "Beispiele"],' over rows of
# '["Kontaktdaten", "Name, E-Mail", "Kunde"],'
_QUOTED = r"""(?:"(?:[^"\\\n]|\\.){0,600}"|'(?:[^'\\\n]|\\.){0,600}')"""
_STRING_ARRAY = rf"\[[ \t]*(?P<cells>{_QUOTED}(?:[ \t]*,[ \t]*{_QUOTED}){{1,9}})[ \t]*,?[ \t]*\]"
_HEAD_ARRAY = re.compile(
    rf"^[ \t]*(?:head|headers?|columns|cols)[ \t]*(?:=[ \t]*\{{|:)[ \t]*{_STRING_ARRAY}[ \t]*\}}?"
    r"[ \t]*,?[ \t]*"  # and the line opening the rows, so no blank line parts them
    r"(?:\n[ \t]*(?:rows|data|body|items)[ \t]*(?:=[ \t]*\{|:)[ \t]*\[[ \t]*)?$",
    re.M,
)
_ROW_ARRAY = re.compile(rf"^[ \t]*{_STRING_ARRAY}[ \t]*,?[ \t]*$", re.M)
_CELL = re.compile(_QUOTED)


def _cells(m: re.Match[str]) -> list[str]:
    return [c.group(0)[1:-1].replace("|", "/") for c in _CELL.finditer(m.group("cells"))]


def _code_tables(text: str, *, in_markup: bool) -> str:
    """A table given as string arrays as a Markdown table: the "head" array its header (inside
    a JSX tag, the tag is closed before it; the line opening the rows goes with it), each row
    array a row."""
    if "[" not in text:
        return text

    def head(m: re.Match[str]) -> str:
        cells = _cells(m)
        table = f"| {' | '.join(cells)} |\n|{'---|' * len(cells)}"
        return f">\n{table}" if in_markup else table

    text = _HEAD_ARRAY.sub(head, text)
    return _ROW_ARRAY.sub(lambda m: f"| {' | '.join(_cells(m))} |", text)


# a section given as a one-line object of a short title and its text: '{ t: "Welche Daten",
# i: "Konto- und Anmeldedaten (E-Mail, Name), …" },'
_INLINE_OBJECT = re.compile(
    r"""^[ \t]*\{[ \t]*(?P<key>[a-z_$][\w$]*)[ \t]*:[ \t]*(["'`])(?P<title>[^"'`\n]{2,100})\2"""
    r"""[ \t]*,[ \t]*[a-z_$][\w$]*[ \t]*:[ \t]*(["'`])(?P<body>(?:(?!\4)[^\\\n]|\\.){2,4000})\4"""
    r"""[ \t]*,?[ \t]*\}[ \t]*,?[ \t]*$""",
    re.IGNORECASE | re.MULTILINE,
)
_TITLE_KEYS = frozenset("t title heading h head q question titel ueberschrift section".split())


def _object_lines(m: re.Match[str]) -> str:
    """Such an object as its heading and its paragraph — or, keyed otherwise ('{ name:
    "Google Maps", desc: "Address verification" }'), as one list entry "name: text"."""
    body = m["body"].replace("\\'", "'").replace('\\"', '"')
    if m["key"].casefold() not in _TITLE_KEYS:
        return f"- {m['title'].strip()}: {body}"
    return f"\n## {m['title'].strip()}\n\n{body}\n"


def _jsx_literals(text: str) -> str:
    """A JSX page's string literals as text: an array's entries as bullets (the component that
    takes them is a list), a metadata "title:" as a heading."""
    if "{" in text:
        text = _INLINE_OBJECT.sub(_object_lines, text)
    text = _code_tables(text, in_markup=True)
    text = _ARRAY_CLOSE.sub("", _ARRAY_OPEN.sub(">", text))
    if "{/*" in text:  # "{/* Zutrittskontrolle */}": a comment in the markup, no heading
        text = _JSX_COMMENT.sub("", text)
    if "title=" in text or "heading=" in text:  # '<Section title="10. TOM">' titles a section
        text = _TITLED_TAG.sub(lambda m: f"\n## {m.group(2)}\n", text)
    if "={[" in text:  # "<Ul items={["Name and title", "Email address"]} />" on one line
        text = _INLINE_ARRAY.sub(_inline_entries, text)
    if "].map(" in text:  # "{['Browsertyp', 'IP-Adresse'].map(item => (<li>{item}</li>))}"
        text = _MAPPED_ARRAY.sub(_mapped_entries, text)
    text = _LITERAL_LINE.sub(lambda m: _literal(m, listing=True), text)
    # the page's code around the markup: "export const metadata: Metadata = {", "title: TITLE,"
    for code in (_CODE_LINE, _CODE_PROPERTY, _CODE_STATEMENT):
        text = code.sub("", text)
    return text


# an object property whose value is code, not text: "title: TITLE,", "siteName: SEO.name,",
# "url: ogImageUrl(TITLE),", "width: 1200," (not "email: required", which may be text)
_CODE_PROPERTY = re.compile(
    r"^[ \t]*[a-z_$][\w$]*[ \t]*:[ \t]*(?:[A-Z_$][\w$]*(?:\.[\w$]+)*|[a-z_$][\w$]*(?:\.[\w$]+)+"
    r"|[\w$.]+\([^()\n]*\)|\d+|true|false|null|\[[^\]\n]*\])[ \t]*,?[ \t]*$",
    re.M,
)

# a statement of the page's code: "const isLoggedIn = Boolean(…);", "return ("
_CODE_STATEMENT = re.compile(r"^[ \t]*(?:(?:const|let|var)\s[^\n]*;|return[ \t]*\()[ \t]*$", re.M)


_TITLED_TAG = re.compile(
    r"""<[A-Z][\w.]*[^<>]{0,200}?\b(?:title|heading)=(["'])([^"'<>{}\n]{2,200})\1[^<>]{0,200}>"""
)
_JSX_COMMENT = re.compile(r"\{[ \t]*/\*(?:(?!\*/)[^\n]){0,500}\*/[ \t]*\}")
# a JSX attribute given an array of string literals on one line
_INLINE_ARRAY = re.compile(
    r"""=\{\[[ \t]*((?:(["'`])(?:(?!\2)[^\\\n]|\\.){0,400}\2[ \t]*,?[ \t]*){1,60})"""
    r"""\][ \t]*\}[^<>\n]{0,200}?/?>"""
)
# an array of string literals on one line whose entries the markup maps onto list entries
_MAPPED_ARRAY = re.compile(
    r"""\{[ \t]*\[[ \t]*((?:(["'`])(?:(?!\2)[^\\\n]|\\.){0,400}\2[ \t]*,?[ \t]*){1,60})"""
    r"""\][ \t]*\.map\((?:[\s\S]{0,800}?\)[ \t]*\)[ \t]*\}|[^\n]{0,200})"""
)
_STRING = re.compile(r"""(["'`])((?:(?!\1)[^\\\n]|\\.){0,400})\1""")


def _inline_entries(array: re.Match[str]) -> str:
    """The entries of an inline string array as bullets, in place of the rest of the tag."""
    entries = [m.group(2) for m in _STRING.finditer(array.group(1))]
    return ">" + "".join(f"\n- {e}" for e in entries if e.strip()) + "\n"


def _mapped_entries(array: re.Match[str]) -> str:
    """The entries of a mapped string array as bullets, in place of the array and the markup
    it is mapped onto (which only repeats "{item}")."""
    entries = [m.group(2) for m in _STRING.finditer(array.group(1))]
    return "".join(f"\n- {e}" for e in entries if e.strip()) + "\n"


_LINE_COMMENT = re.compile(r"^[ \t]*//[^\n]*", re.M)


def _without_block_comments(text: str) -> str:
    """``text`` without its ``/* … */`` comments, in one pass (a regex's lazy match would scan
    to the end again for every unclosed "/*" of a hostile text)."""
    out: list[str] = []
    at = 0
    while (start := text.find("/*", at)) >= 0:
        end = text.find("*/", start + 2)
        if end < 0:
            break
        out.append(text[at:start])
        at = end + 2
    out.append(text[at:])
    return "".join(out)


def _unquote_code(text: str) -> str:
    """A policy written as a source file's string literals, as the lines they say (comments,
    statements and brackets go; the markup of a JSX page is left to :func:`_untag`)."""
    text = _LINE_COMMENT.sub("", _without_block_comments(text))
    text = _IMPORT_BLOCK.sub("", text)  # "import {\n  APP_NAME, VENDOR,\n} from '../brand.js';"
    text = _INLINE_OBJECT.sub(_object_lines, text)  # '{ t: "Hosting", i: "Server in …" },'
    text = _code_tables(text, in_markup=False)
    out: list[str] = []
    listing = False  # inside "bullets: [" / "items: [": its bare strings are list entries
    for line in text.split("\n"):
        if opened := _LIST_ARRAY.match(line) or _LIST_CALL.match(line):
            listing = opened.group(1).casefold() in _LIST_KEYS
            if _LIST_CALL.match(line):
                continue  # "liste(": the call's name is no text
        elif re.match(r"^[ \t]*[\])]", line):
            listing = False
        m = _LITERAL_LINE.match(line) or _LAST_ARGUMENT.match(line)
        if m is None and (call := _HYPERSCRIPT.match(line)):
            out.append(_hyperscript(call))
            continue
        if m is None and _CODE_OPENER.match(line):
            continue  # "render() {", "return h('ul', [": structure, no text
        out.append(_literal(m, listing=listing) if m else line)
        if m is not None and m.re is _LAST_ARGUMENT:
            listing = False  # "'… Browser).')," closes the call
    return _CODE_LINE.sub("", "\n".join(out))


_IMPORT_BLOCK = re.compile(
    r"""^[ \t]*(?:import|export)[ \t]*(?:type[ \t]+)?\{[^{}]{0,4000}\}[ \t]*"""
    r"""from[ \t]*['"][^'"\n]*['"];?""",
    re.M,
)
# a call whose arguments follow one per line: "liste(" over "'Name, E-Mail',"
_LIST_CALL = re.compile(r"^[ \t]*([a-z_$][\w$]*)\([ \t]*$", re.IGNORECASE)
# a string literal that closes such a call: "'Server-Logfiles (IP-Adresse, …).'),"
_LAST_ARGUMENT = re.compile(
    r"""^[ \t]*(?P<key>)(?P<quote>['"`])(?P<body>.*)(?P=quote)[ \t]*\)[ \t]*[,;]?[ \t]*$"""
)


# a call that builds an element (Vue render functions, Preact, Mithril, React)
_ELEMENT_CALL = r"(?:h|m|React\.createElement|createElement)\("
# such an element with its text as a literal: "h('h2', '2. Welche Daten …')",
# "React.createElement('li', null, 'Name')"
_HYPERSCRIPT = re.compile(
    r"^[ \t]*" + _ELEMENT_CALL + r"""[ \t]*(['"])(?P<tag>h[1-6]|p|li|dt|dd"""
    r"""|td|th|strong|b|span|div)\1[ \t]*,[ \t]*"""
    r"""(?:(?:null|undefined|\{[^{}\n]{0,200}\})[ \t]*,[ \t]*)?"""
    r"""(['"`])(?P<body>(?:(?!\3)[^\\\n]|\\.){1,2000})\3[ \t]*\)?[ \t]*[,;)]*[ \t]*$"""
)


# a line that only opens code: a method's head ("render() {") or an element call whose children
# follow ("return h('ul', [", "React.createElement('div', null,")
_CODE_OPENER = re.compile(
    r"""^[ \t]*(?:[a-z_$][\w$]*[ \t]*\([^()'"`\n]{0,80}\)[ \t]*\{"""
    r"|(?:return[ \t]+)?" + _ELEMENT_CALL + r"""[ \t]*(['"])[\w.-]{1,40}\1"""
    r"""[ \t]*(?:,[ \t]*(?:null|undefined|\{[^{}\n]{0,200}\}))?[ \t]*,?[ \t]*[\[(]?)[ \t]*$""",
    re.IGNORECASE,
)


def _hyperscript(call: re.Match[str]) -> str:
    """The line such a call says: a heading for h1–h6, a list entry for li, else the text."""
    body = call["body"].replace("\\'", "'").replace('\\"', '"')
    tag = call["tag"]
    return f"## {body}" if tag[0] == "h" else f"- {body}" if tag == "li" else body


_LIST_ARRAY = re.compile(r"^[ \t]*([a-z_$][\w$]*)[ \t]*:[ \t]*\[[ \t]*$")
_LIST_KEYS = frozenset(
    "bullets items list points entries options examples liste ul ol punkte aufzaehlung".split()
)


# a character reference with its closing semicolon ("&shy;", "&#x27;", "&#8211;"); "R&D",
# "Q&A" and "AT&T" are none
_CHAR_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def normalise(text: str) -> str:
    """NFC, unified dashes/spaces/quotes and no Markdown emphasis — so patterns stay simple."""
    markup = len(_HTML_BLOCK.findall(text, 0, 200_000)) >= 3
    if not markup and (body := _BODY_TAG.search(text)) is not None:
        # a page saved by Word ("Save as Web Page") opens with hundreds of kilobytes of
        # styles and XML before its <body>: the blocks are counted where the body begins
        markup = len(_HTML_BLOCK.findall(text, body.end(), body.end() + 200_000)) >= 3
    if "{%" in text:  # a Django/Jinja template: "{% blocktranslate %}…{% endblocktranslate %}"
        text = _TEMPLATE_TAG.sub("", text)  # wraps the text it translates; the tags are code
    if _CODE_HINT.search(text, 0, 5_000):
        # a JSX page keeps its code lines: the markup carries the text, and the lines' widths
        # tell how the source was wrapped; only its string literals (title, description) are read
        text = _jsx_literals(text) if markup else _unquote_code(text)
    if markup:
        text = _untag(text)
    if text.startswith("---"):  # a Markdown page's front matter (title, author, dates)
        text = _FRONT_MATTER.sub("", text, count=1)
    if not markup and "&" in text:  # Markdown renders character references too: a table's
        # "Push-Benach&shy;richtigungen", "user&#x27;s name &amp; email" read as written
        text = _CHAR_REFERENCE.sub(lambda m: html.unescape(m.group()), text)
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00a0", " ").replace("\u2011", "-").replace("\u00ad", "")
    text = re.sub(r"[\u2010\u2012]", "-", text)
    if "**" in text:  # "**A. Account Information**" on its own line titles a section (the
        text = _BOLD_LETTERED.sub(r"### \1", text)  # letter would make it a list entry)
    text = _BOLD.sub("", text)
    if ":::" in text or "[!" in text or "\n>" in text:  # Markdown of a docs site (Microsoft Learn)
        text = _DOCS_MARKUP.sub("", text)
    text = re.sub(r"(?<!\w)\*(\S[^*\n]*\S)\*(?!\w)", r"\1", text)  # *italics*
    if ":`" in text:  # reStructuredText roles: ":doc:`the ad details <advertising/…>`" → its label
        text = _RST_ROLE.sub(lambda m: m.group(1) or m.group(2), text)
    if "](#" in text:  # a table of contents: entries that only link to the page's sections
        text = _CONTENTS_ENTRY.sub("", text)
    if "](http" in text:  # a site's menu saved with the page
        text = _without_menus(text)
    # [label](url) → label; bounded, so a text of many "[" and no "]" stays linear
    text = re.sub(r"\[([^\]]{1,400})\]\([^)]{0,1000}\)", r"\1", text)
    # "Informationen wie  Firmenname": a run of spaces inside a line (HTML and PDF text) is one
    # space, so patterns need not allow for it; indentation stays (it nests bullets)
    text = _SPACE_RUN.sub(_one_space, text)
    # "Classification Data:We store …", "What we do NOT store:- The full body": a space or a
    # line break lost where the page's markup ended a label or began a list
    # (each pattern opens with its literal, so the engine skips ahead to it)
    text = re.sub(r":(?<=[a-zäöüß)]:)(?=[A-ZÄÖÜ][a-zäöüß])", ": ", text)
    text = re.sub(r":- (?<=\w:- )(?=[A-ZÄÖÜ])", ":\n- ", text)
    if text.count("•") >= 2:  # a list flattened onto one line: "• Zeitpunkt • Art des Ereignisses"
        text = "\n".join(map(_inline_bullets, text.split("\n")))
    if _PIPELESS_RULE.search(text):
        text = _outer_pipes(text)
    return text


# the rule row of a GitHub table written without outer pipes ("Company | Purpose" over
# "---|---"): GitHub renders it as a table, so its rows are read as one
_PIPELESS_RULE = re.compile(r"^[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", re.M)


def _outer_pipes(text: str) -> str:
    """``text`` with each pipe-less table's header, rule and rows in the ``| a | b |`` form the
    table readers know: from the line above a pipe-less rule row to the first line without a
    pipe (or a blank one), as GitHub Flavored Markdown ends a table."""
    rows = text.split("\n")
    i = 1
    while i < len(rows):
        head = rows[i - 1]
        if "|" in head and not head.lstrip().startswith("|") and _PIPELESS_RULE.match(rows[i]):
            rows[i - 1], rows[i] = _piped(head), _piped(rows[i])
            j = i + 1
            while j < len(rows) and "|" in rows[j] and rows[j].strip():
                rows[j] = _piped(rows[j])
                j += 1
            i = j
        i += 1
    return "\n".join(rows)


def _piped(row: str) -> str:
    cells = row.strip()
    return f"{'' if cells.startswith('|') else '| '}{cells}{'' if cells.endswith('|') else ' |'}"


_INNER_BULLET = re.compile(r"[ \t]+•[ \t]+(?=\S)")


def _inline_bullets(line: str) -> str:
    """One line per entry when a line holds two or more " • " separators, or opens with a
    bullet and holds one more; "Ein • allein" stays."""
    if line.count("•") < 2:
        return line
    inner = len(_INNER_BULLET.findall(line))
    opens = re.match(r"[ \t]*•[ \t]", line) is not None
    if inner >= 2 or (opens and inner >= 1):
        return _INNER_BULLET.sub("\n• ", line)
    return line


_YES_CELL = re.compile(r"^(?:yes|ja|y|x|✓|✔|✅)$", re.IGNORECASE)
_NO_CELL = re.compile(r"^(?:no|nein|n|—|–|-|✗|❌)$", re.IGNORECASE)


def _table_cells(line: str) -> list[str] | None:
    if line.count("|") < 2 or _TABLE_RULE.match(line) or _PIPED_BULLET.match(line):
        return None
    cells = [re.sub(r"^[A-Z][.)]\s+", "", c.strip()) for c in line.strip().strip("|").split("|")]
    # a "Collected" column: yes-cells add nothing, no-cells negate the row
    cells = ["❌" if _NO_CELL.match(c) else c for c in cells if c and not _YES_CELL.match(c)]
    if "❌" in cells:  # "| Sensory data | N/A | No | N/A |": not-applicable cells of a row
        # that says "not collected" add nothing, so its denial follows the row's label
        cells = [c for c in cells if not _NOT_APPLICABLE.match(c)]
    return cells


# a list entry whose fields are piped, "*   Discourse | Forum | United States": a bullet (a
# table row never opens with a bullet mark)
_PIPED_BULLET = re.compile(r"^[ \t]*[*•-][ \t]+[^|\s]")

_NOT_APPLICABLE = re.compile(r"^(?:n/?a|none|keine|entfällt|not applicable)$", re.IGNORECASE)


# A table column that lists the data itself: "Data element", "Type of data", "Datenkategorie" …
# a column of the fields themselves ("Inhalt", "Fields", "What exactly", "Data sent"), preferred
# over a category column beside it
_FIELDS = (
    r"^(?:inhalte?|contents?|(?:data )?fields?|(?:daten)?feld(?:er|name)?|field names?|attributes?"
    r"|attribute|attribut|data sent|what|was"
    r"|what exactly|details|examples?(?: (?:for|of|in|from) .{1,40})?"
    r"|(?:specific|exact|actual) (?:data|information|fields|pieces of (?:personal )?information)"
    r"|konkrete (?:daten|angaben|datenfelder)"
    r"|beispiele(?: (?:für|bei|in|aus) .{1,40})?"
    r"|(?:übermittelte|gelesene) daten"
    r"|data (?:shared|read|received))$"
    r"|^what (?:we|is|gets|the app) (?:reads?|access(?:es|ed)?|collect(?:s|ed)?|stores?|stored)"
    r"(?: with it)?$"
    # a sub-processor list's column of what each one is sent: "What it (will) receive"
    r"|^what (?:it|they|each one) (?:will )?(?:receives?|gets?)$"
)
_FIELDS_COLUMN = re.compile(_FIELDS, re.IGNORECASE)
_DATA_COLUMN = re.compile(
    r"^(?:personal )?(?:data|information|pii)(?:[ -](?:elements?|items?|types?|categor(?:y|ies)"
    r"|fields?|points?|collected|processed|accessed|stored|held|kept|retained|disclosed"
    r"|transferred|transmitted))?$"
    r"|^(?:types?|kinds?|categor(?:y|ies)) of "
    r"(?:personal )?(?:data|information)$|^what we collect$|^(?:personenbezogene )?(?:daten"
    r"|datenkategorien?|datenarten?|datentypen?|datenfelder?|datenpunkte?|datenelemente?|angaben"
    r"|informationen)$"
    r"|^(?:kategorie|art) der "
    r"daten$|^verarbeitete daten$|^(?:inhalte?|contents?|gespeicherte daten|stored data"
    r"|what (?:is|we) stored?|was gespeichert wird)$|^(?:data )?(?:fields?|attributes?)$"
    r"|" + _FIELDS,
    re.IGNORECASE,
)


_DESCRIBED_BY = re.compile(r"^(?:descriptions?|beschreibung|(?:what it )?includes|umfasst)$", re.I)
# the last header cell of a category table flattened to one cell per line, and the most cells
# a row of it has before its answer
_FLAT_COLLECTED = re.compile(r"collected|erhoben|gesammelt|erfasst", re.IGNORECASE)
_FLAT_ROW_CELLS = 3
# a yes/no column saying whether the row's data is processed at all
_COLLECTED_HEADER = re.compile(
    r"collected|processed|stored|accessed|used|erhoben|verarbeitet|gespeichert|genutzt|gelesen",
    re.I,
)


# a field of a record of processing whose content is no data item
_KEY_NOT_DATA = re.compile(
    r"^(?:bezeichnung|name der verarbeitung|zweck\w*|purposes?|betroffene\w*|data subjects"
    r"|empfänger\w*|recipients?|aufbewahrung\w*|speicherdauer|löschfrist\w*|retention"
    r"|rechtsgrundlage\w*|legal bas[ie]s|verantwortliche\w*|controller|title|titel"
    # an Art. 28 annex's other fields: what is done, for how long, to whom it applies
    r"|processing operations|nature (?:and purpose )?of (?:the )?processing|art der verarbeitung"
    r"|verarbeitungs(?:tätigkeiten|vorgänge)|subject[- ]matter|gegenstand|duration|dauer"
    r"|categories of data subjects|kategorien (?:der )?betroffene\w*)$",
    re.IGNORECASE,
)


# "What" is the data column of a table that says why or on what basis ("Category | What | Why |
# Legal basis"), not of one that says who hosts what where
_WHAT = re.compile(r"^(?:what|was)$", re.IGNORECASE)
_WHY_COLUMN = re.compile(
    r"^(?:why|warum|wofür|purposes?|zwecke?|legal bas[ie]s|lawful bas[ie]s|rechtsgrundlagen?"
    r"|retention(?: period)?|speicherdauer|aufbewahrung\w*"
    # or where the data comes from and whether it is personal: "Was | Woher | Personenbezug"
    r"|woher|herkunft|quelle|sources?|where from|personenbezug|personal data\??)$",
    re.IGNORECASE,
)


def _header_column(cells: list[str]) -> int | None:
    """Index of the header cell naming the data column, if any; of a category column and a
    column of its fields ("Datenkategorie | Inhalt", "Category | Fields"), the fields."""
    named = [i for i, cell in enumerate(cells) if _DATA_COLUMN.match(cell.strip(" *"))]
    if not any(_WHY_COLUMN.match(c.strip(" *")) for c in cells):  # "What | Provider | Location"
        named = [i for i in named if not _WHAT.match(cells[i].strip(" *"))]  # names services
    fields = [i for i in named if _FIELDS_COLUMN.match(cells[i].strip(" *"))]
    # ("Feld | Inhalt": a record's key and its content — the content holds the data)
    return fields[-1] if fields else (named[0] if named else None)


# a lead-in saying the table below lists data: its first column names the data
_TABLE_OF_DATA = re.compile(
    r"\b(?:following|folgende|below|unten|this)\s+table\b[^.]{0,60}\b(?:lists?|shows?|contains?"
    r"|zeigt|enthält|listet)\b[^.]{0,60}\b(?:attributes|fields|properties|data|information"
    r"|Attribute|Felder|Daten|Informationen)\b|\b(?:folgende|nachstehende)\s+Tabelle\b[^.]{0,60}"
    r"\b(?:Attribute|Felder|Daten)\b",
    re.IGNORECASE,
)
# a table column or a line's label whose content is no data: a purpose, a legal basis, a right,
# a period, a recipient, a note ("Purpose | Legal Basis", "Zweck: Erstellung von Rechnungen")
NO_DATA_FIELD = re.compile(
    r"^(?:(?:processing )?purposes?(?: of processing)?|(?:verarbeitungs)?zwecke?|legal bas[ie]s"
    r"|lawful bas[ie]s|rechtsgrundlagen?|rights?|(?:ihre )?rechte?|descriptions?|beschreibung"
    r"|how to exercise|what (?:it|this) means|bedeutung|retention(?: period)?|speicherdauer"
    r"|aufbewahrung(?:sdauer|sfrist)?|löschfrist|why|warum|wofür|empfänger|recipients?|hinweis"
    r"|note|#|nr\.?)$",
    re.IGNORECASE,
)
# A questionnaire's header ("Information | Response", "Frage | Antwort"), the answers that say
# "no" or nothing, the questions that ask for the data, and an unfilled form field
_QA_HEADER = re.compile(
    r"^(?:information|informationen|questions?|fragen?|requirements?|anforderung(?:en)?"
    r"|responses?|answers?|antwort(?:en)?|reply)$",
    re.IGNORECASE,
)
_NO_ANSWER = re.compile(
    r"^(?:no|nein|n/?a|none|keine|false|falsch|nicht zutreffend|not applicable|unknown"
    r"|unbekannt|—|–|-)?\.?$",
    re.IGNORECASE,
)
_DATA_QUESTION = re.compile(
    r"\b(?:welche|what|which)\b[^?]{0,40}\b(?:daten|data|informationen|information|felder"
    r"|fields)\b(?![^?]{0,60}\b(?:geografisch|geographically|wo|where)\b)",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(r"^\w+(?:\.\w+){3,}$")  # "Microsoft.Ingestion.….DataProcess"


def _qa_row(line: str, n: int, qa_table: bool) -> list[Line] | None:
    """The lines a questionnaire's row stands for: a row of a "Question | Answer" table, or any
    two-cell row whose first cell asks a question. "No", "n/a" or no answer say nothing (the
    question's words are no disclosure); "Yes" makes the question a statement; an answer to
    "Which data …?" lists data; any other answer reads with its question ("… aufbewahrt? |
    Weniger als 30 Tage"). Only the data answer is read for items: a question's own words
    ("Wo werden diese Daten geografisch gespeichert?") name none. ``None``: no such row."""
    if line.count("|") < 2:
        return None
    cells = [c.strip(" *") for c in line.strip().strip("|").split("|")]
    if len(cells) != 2 or not (qa_table or cells[0].endswith("?")):
        return None
    question, answer = cells
    if _NO_ANSWER.match(answer) or _PLACEHOLDER.match(answer):
        return []
    if _DATA_QUESTION.search(question) and not _YES_CELL.match(answer):
        return [Line("bullet", answer, n, table_data=True, row=line.strip())]
    # read by the rules other than items (a claim, a period, a provider), quoted as the row
    said = (  # ("… durch?" answered "Ja" is a statement, no longer a question)
        question.rstrip(" ?") + "."
        if _YES_CELL.match(answer)
        else f"{question.rstrip(':')}: {answer}"
    )
    return [Line("text", "", n, row_rest=said, row=line.strip())]


def _is_heading(line: str, nxt: str) -> bool:
    if _MD_HEADING.match(line):
        return True
    stripped = line.strip()
    if not stripped or len(stripped) > 90 or stripped.endswith((".", ",", ";")):
        return False
    if stripped.count(",") >= 2 or ":" in stripped[:-1]:  # an enumeration or "Label: value"
        return False
    if _NUMBERED_HEADING.match(stripped):
        return True
    if stripped.endswith((":", "?")):
        return True
    words = stripped.split()
    return len(words) <= 8 and not nxt.strip().startswith(("-", "•", "*")) and nxt == ""


_LETTERED = re.compile(r"^\s*[a-zA-Z][.)]\s+(\S.{0,70})$")


def _lettered_title(line: str, raw: list[str], n: int) -> bool:
    """ "a. Account Information" followed by a paragraph is a sub-heading, not a list entry (a
    lettered list goes on with "b. …" or is followed by more entries)."""
    m = _LETTERED.match(line)
    if not m or m.group(1).rstrip().endswith((".", ",", ";", ":")) or len(m.group(1).split()) > 8:
        return False
    nxt = next((r for r in raw[n + 1 :] if r.strip()), "")
    return bool(nxt) and not _BULLET.match(nxt) and len(nxt.split()) >= 8


# capitalised words that cannot end a sentence or a table cell (German "Sie"/"Ihr", articles)
# a line that ends on one of these was cut mid-sentence, whatever the next line starts with
_FUNCTION_WORDS = frozenset(
    "the a an and or of to for in on at by with from as via into than that which who is are be"
    " your our their its this these such der die das den dem des ein eine einen einem einer und"
    " oder sowie von zu zur zum für mit bei auf aus im in an über unter durch als wie ist sind"
    " wird werden ihre ihr ihren ihrem ihrer unsere unser dieser diese dieses".split()
)
_CAPITALISED_FUNCTION_WORDS = frozenset(
    "Ihr Ihre Ihren Ihrem Ihrer Ihres Sie Der Die Das Den Dem Des Ein Eine Einen The A An Your Our"
    " We".split()
)


def _rejoin(before: str, after: str) -> str:
    """Two parts of a hard-wrapped line; a word hyphenated at the break is one word again
    ("Daten-" / "satz-IDs" → "Datensatz-IDs", "E-Mail-" / "Adresse" → "E-Mail-Adresse"), a
    suspended compound stays ("Vor-" / "und Nachname")."""
    # (its last two characters only: "before" grows as a run of wrapped lines is joined, and a
    # search of the whole of it each time made a long run quadratic)
    if re.fullmatch(r"[A-Za-zÄÖÜäöüß]-", before[-2:]) and re.match(r"[A-Za-zÄÖÜäöüß]", after):
        if not re.match(r"(?:und|oder|bzw\.|sowie|and|or)\b", after):
            return before[:-1] + after if after[:1].islower() else before + after
    return f"{before} {after}"


_TERMINAL = (".", ":", "!", "?", ";", "|")  # a line ending so was not cut mid-sentence
# an abbreviation no sentence ends on: a line ending "(z.B." or "bzw." was cut mid-sentence
_GOES_ON = re.compile(
    r"(?:\bz\.\s?B|\bu\.\s?a|\bbzw|\bggf|\bsog|\bvgl|\binsb|\be\.\s?g|\bi\.\s?e|\bd\.\s?h"
    r"|\bevtl|\binkl|\bzzgl|\bbspw|\bgem|\bAbs|\bArt|\bNr|\blit|\bZiff)\.$",
    re.IGNORECASE,
)


def _ends_sentence(stripped: str) -> bool:
    """Whether a physical line ends as a sentence, a label or a row does."""
    return stripped.endswith(_TERMINAL) and not _GOES_ON.search(stripped[-8:])


def _wrapped(previous: str, current: str) -> bool:
    """``previous`` is a nearly full line cut mid-sentence (PDF text wraps at ~70–100 chars).

    A table row flattened to a line is long too, but ends on a capitalised cell and the next row
    starts capitalised; a wrapped sentence ends on a lowercase word or comma, or goes on in
    lowercase.
    """
    stripped = previous.strip()
    if _GOES_ON.search(stripped[-8:]):
        return True  # "… Kontaktdaten (z.B." / "Name, Kontaktinformationen), …"
    if stripped.endswith(_TERMINAL):
        return False
    if re.search(r"\w[a-zäöüß]-$", stripped) and re.match(r"\s*[a-zäöüß]", current):
        return True  # "Daten-" / "satz-IDs": a word hyphenated at the break
    if re.search(r"\w-\w*[a-zäöüß]-$", stripped) and re.match(r"\s*[A-ZÄÖÜ][a-zäöüß]", current):
        return True  # "E-Mail-" / "Adresse": a compound going on
    if len(stripped) < 70:  # a Markdown source wrapped short: the sentence goes on in lowercase
        return len(stripped) >= 30 and current.strip()[:1].islower()
    last = stripped.split()[-1]
    return (
        current.strip()[:1].islower()
        or last.casefold() in _FUNCTION_WORDS  # "… processed by" / "Microsoft …"
        or last.endswith((",", "-", "("))
        or last in _CAPITALISED_FUNCTION_WORDS
    )  # "… for analysis and insight generation" / "Sender and recipient …": two list entries


# a title: two to seven capitalised words ("How We Use Your Information", "Service Provision")
_TITLE_LINE = re.compile(
    r"^[A-ZÄÖÜ][\w&'’-]*(?:\s+(?:[A-ZÄÖÜ0-9][\w&'’-]*|and|of|the|for|to|in|a|an|with|or|on|&)){1,6}$"
)


def wrap_width(raw: list[str]) -> int:
    """The width a hard-wrapped text (PDF, a Markdown file wrapped at 80–100) was cut at, or 0.

    Such a text has most of its long lines within a few characters of one width; a text with
    a paragraph per line (HTML, most Markdown) has long lines of every length.
    """
    lengths = sorted(len(r.rstrip()) for r in raw if r.strip() and "|" not in r)
    longish = [x for x in lengths if x >= 40]
    if len(longish) < 8:
        return 0
    width = lengths[int(0.95 * (len(lengths) - 1))]
    near = sum(1 for x in longish if 0.75 * width <= x <= width + 5)
    return width if width <= 130 and near >= 0.6 * len(longish) else 0


def _full(physical: str, width: int) -> bool:
    """A line of a hard-wrapped text cut mid-sentence: nearly full and no sentence end."""
    stripped = physical.rstrip()
    return bool(width) and len(stripped) >= 0.66 * width and not _ends_sentence(stripped)


# what a list lead-in says: "die folgenden Informationen:", "This includes:", "such as:"
_LIST_LEAD = re.compile(
    r"\b(?:folgende\w*|nachstehende\w*|following|below|include[sd]?|including|umfass\w*"
    r"|such as|wie folgt|as follows)\b",
    re.I,
)
_CONTACT_DETAIL = re.compile(
    r"@|://|\bwww\.|\d{4,5}\s+\w|\b(?:GmbH|Inc|Ltd|LLC|SARL|AG|e\.\s?V)\b\.?"
    r"|^(?:E-?Mail|Tel|Telefon|Phone|Fax|Betreff|Subject|Web(?:site)?)\.?\s*:",
    re.I,
)


_NUMBERED_ENTRY = re.compile(r"^\s*(\d{1,2})[.)]\s+\S")  # (its number, for _counts_up)


def _counts_up(line: str, nxt: str) -> bool:
    """Whether ``line`` is entry 1 and ``nxt`` entry 2 of one numbered list: under a lead-in
    sentence ending in a colon ("Information That Our Customers Give is:"), a count that starts
    at one and goes on at the next line is a list, where section headings have prose between
    them."""
    first, second = _NUMBERED_ENTRY.match(line), _NUMBERED_ENTRY.match(nxt)
    return bool(first and second and first.group(1) == "1" and second.group(1) == "2")


def _opens_list(text: str) -> bool:
    """Whether a line leads in to a list: "… die folgenden Informationen sammeln:", or, with
    its colon lost, "The following information we do collect is"."""
    last = _sentences(text)[-1] if text else ""
    return _LIST_LEAD.search(last) is not None and (
        last.endswith(":") or not last.endswith((".", "!", "?", ")", ";", ","))
    )


def _previous_filled(raw: list[str], n: int) -> int:
    """The index of the last non-empty physical line before line ``n`` (-1 when none)."""
    return next((i for i in range(n - 1, -1, -1) if raw[i].strip()), -1)


def _next_filled(raw: list[str], n: int) -> int:
    """The index of the first non-empty physical line after line ``n`` (-1 when none)."""
    return next((i for i in range(n + 1, len(raw)) if raw[i].strip()), -1)


def _bare_entry(physical: str, width: int) -> bool:
    """A line that can be one entry of a list without bullet marks: short, one phrase."""
    stripped = physical.strip()
    return (
        bool(stripped)
        and len(stripped) <= 160
        and len(stripped.split()) <= 20
        and not stripped.endswith(":")  # (the lead-in of a list of its own)
        and not _full(physical, width)  # (a hard-wrapped paragraph's line)
        and not _NUMBERED_HEADING.match(stripped)
        and len(_sentences(stripped)) == 1  # (two sentences: prose)
        and "|" not in stripped
        and stripped[0].isalpha()  # (not code: "{", "//", "```", "[_android.permission…]")
        and not _CONTACT_DETAIL.search(stripped)  # (an address block under "Verantwortlicher:")
    )


def blank_header(cells: list[str]) -> bool:
    """Whether a table's header row is a converter's blank one over three or more columns, so
    its first row names the columns (Open Terms Archive's Google-Docs tables); a blank header
    over two columns heads a key-value table ("| Name | _cf_bm |", "| Type | Persistent |")."""
    return len(cells) >= 3 and not any(c.strip(" *") for c in cells)


# a table row of titles, each short: "| Party name | Purpose | Hosting Location |"
_TITLE_ROW = re.compile(r"^\|(?:[ \t]*[^\W\d_][^|.,;:]{0,40}\|){3,}$")


def lines(text: str) -> list[Line]:
    """Logical lines of ``text``; a bullet's wrapped continuation is joined to it."""
    raw = normalise(text).splitlines()
    width = wrap_width(raw)  # of a hard-wrapped text, else 0
    out: list[Line] = []
    data_column: int | None = None  # of the table being read
    qa_table = False  # whether it is a questionnaire ("Information | Response")
    quiet = False  # whether its columns hold no data ("Purpose | Legal Basis", "Right | …")
    described = False  # whether a description column follows the data column
    columns = 0  # its number of columns
    header: list[str] = []  # its header cells
    blank = False  # whether the table's header row is a blank one (see blank_header)
    pending: list[str] = []  # cells of a row broken over several lines ("cell |" per line)
    unbulleted = -2  # the physical line of the last entry of a list without bullets
    numbered_run = -2  # the physical line of the last entry of a numbered list under a lead-in
    answered = -1  # in a flattened "Collected" table: where the row being read starts in out
    for n, physical in enumerate(raw):
        line = physical.rstrip()
        if not line.strip() or _TABLE_RULE.match(line):
            continue
        nxt = raw[n + 1].rstrip() if n + 1 < len(raw) else ""
        if data_column is not None and line.count("|") == 1 and line.endswith("|"):
            pending.append(line.strip().strip("|").strip())  # one cell of a broken row
            if len(pending) >= columns:
                if data_column < len(pending) and pending[data_column]:
                    out.append(Line("bullet", pending[data_column], n, table_data=True))
                pending = []
            continue
        pending = []
        if line.count("|") < 2:
            data_column, qa_table, quiet = None, False, False  # the table (if any) ended
            blank = False
        elif _TABLE_RULE.match(nxt) or (  # a header row: names the columns, holds no data
            blank and _TITLE_ROW.match(line.strip())
        ):  # (a converter's blank header over a rule: the first row, of short cells, is the
            # header, "| **Party name** | **Personal data disclosed** | … |")
            header = [c.strip(" *") for c in line.strip().strip("|").split("|")]
            blank = blank_header(header) and _TABLE_RULE.match(nxt) is not None
            data_column, columns = _header_column(header), len(header)
            described = (  # "Data Type | Description": a category and what it holds
                data_column is not None
                and data_column + 1 < len(header)
                and bool(_DESCRIBED_BY.match(header[data_column + 1]))
            )
            if data_column is None and any(_TABLE_OF_DATA.search(x.text) for x in out[-4:]):
                data_column = 0  # "The following table lists the … attributes that can sync"
            qa_table = len(header) == 2 and all(map(_QA_HEADER.match, header))
            if qa_table:  # "Information | Response": the rows are questions, not data
                data_column = None
            quiet = data_column is None and all(NO_DATA_FIELD.match(c) for c in header if c)
            continue
        elif data_column is not None:  # the cell of the data column is the list entry
            row = [c.strip() for c in line.strip().strip("|").split("|")]
            if any(_KEY_NOT_DATA.match(c.strip(" *")) for c in row[:data_column]):
                # "| Betroffene | Kunden … |" in a record's field/content table names no data;
                # its "| Rechtsgrundlagen | Art. 6 … |" and "| Löschfristen | … |" rows still
                # state bases and periods (read by the rules other than items, as the row)
                said_cells = [c.strip(" *") for c in row if c.strip(" *")]
                said = ": ".join(said_cells[:2]) + "".join(f"; {c}" for c in said_cells[2:])
                out.append(Line("text", "", n, row_rest=said, row=line.strip()))
                continue
            flags = [c for i, c in enumerate(row) if i != data_column]
            if flags and all(_NO_CELL.match(c) for c in flags):
                continue  # "| Email subjects | No | No |": neither accessed nor stored
            if any(
                _NO_CELL.match(c) and i < len(header) and _COLLECTED_HEADER.search(header[i])
                for i, c in enumerate(row)
            ):
                continue  # "| Biometric information | Fingerprints | NO |" under "Collected"
            if data_column < len(row) and row[data_column]:
                entry = row[data_column]
                if described and data_column + 1 < len(row) and row[data_column + 1]:
                    entry = f"{entry.strip(' *')}: {row[data_column + 1]}"  # "Label: a, b, c"
                rest = "; ".join(  # "Retention: 13 months": the header says what a cell is
                    f"{header[i]}: {c}" if i < len(header) and header[i] else c
                    for i, c in enumerate(row)
                    if i != data_column and c
                )
                row_rest = f"{row[data_column]}: {rest}" if rest else ""  # the period's own item
                out.append(
                    Line("bullet", entry, n, table_data=True, row_rest=row_rest, row=line.strip())
                )
            continue
        if quiet and line.count("|") >= 2:  # read by the rules other than items, as the row
            said_cells = [c.strip(" *") for c in line.strip().strip("|").split("|") if c.strip()]
            said = ": ".join(said_cells[:2]) + "".join(f"; {c}" for c in said_cells[2:])
            out.append(Line("text", "", n, row_rest=said, row=line.strip()))
            continue
        answer = line.strip().strip("*_ ")
        if _FLAT_COLLECTED.fullmatch(answer):  # "Category" / "Examples" / "Collected": a table
            answered = len(out)  # flattened to one cell per line; each row ends in its answer
            continue
        if answered >= 0 and (_YES_CELL.match(answer) or _NO_CELL.match(answer)):
            if _NO_CELL.match(answer) and len(out) - answered <= _FLAT_ROW_CELLS:
                del out[answered:]  # "A. Identifiers" / "Contact details, such as …" / "NO"
            answered = len(out)
            continue
        if (_YES_CELL.match(line.strip()) or _NO_CELL.match(line.strip())) and (
            out and out[-1].kind == "bullet" and len(line.strip()) > 1
        ):  # "- **B. Personal information …:** Name, …" / "NO": a category table flattened
            if _NO_CELL.match(line.strip()):  # into entries and answers; NO: not collected
                out.pop()
            continue
        qa = _qa_row(line, n, qa_table)
        if qa is not None:  # a questionnaire's row: the answer says what the question means
            out.extend(qa)
            continue
        cells = _table_cells(line)
        if cells is not None:  # a table row: its cells read as one bullet "a: b; c"
            out.append(
                Line(
                    "bullet",
                    ": ".join(cells[:2]) + ("; " + "; ".join(cells[2:]) if len(cells) > 2 else ""),
                    n,
                    row=line.strip(),
                )
            )
            continue
        m_head = _MD_HEADING.match(line)
        m_bullet = _BULLET.match(line)
        above = _previous_filled(raw, n) if m_bullet and line.strip()[:1].isdigit() else -1
        if (
            m_bullet is not None
            and above >= 0
            and not _full(line, width)
            and (
                numbered_run == above  # the list goes on
                or (
                    out
                    and out[-1].kind in ("text", "heading")
                    and out[-1].text.endswith(":")
                    and above == out[-1].number  # right under its lead-in
                    and (
                        (
                            _LIST_LEAD.search(out[-1].text) is not None
                            and _NUMBERED_ENTRY.match(raw[max(_next_filled(raw, n), n)]) is not None
                        )
                        or (  # (not the steps under a one-word label: "Prozess:")
                            len(out[-1].text.split()) >= 3
                            and _counts_up(line, raw[max(_next_filled(raw, n), n)])
                        )
                    )
                )
            )
        ):  # "Folgende Angaben werden verarbeitet:" / "1. Name" / "2. Anschrift": entries of a
            out.append(Line("bullet", m_bullet.group(1).strip(), n))  # list, not headings
            numbered_run = n
            continue
        if (
            not (m_head or m_bullet)
            and _bare_entry(line, width)
            and (
                unbulleted == n - 1  # the run goes on (no empty line between)
                or (
                    out
                    and out[-1].kind in ("text", "heading")
                    and _opens_list(out[-1].text)
                    and raw[n - 1].strip()  # right under its lead-in
                    and not _full(raw[n - 1], width)  # (not a hard-wrapped sentence going on)
                    and (out[-1].text.endswith(":") or line.strip()[:1].isupper())
                    and _bare_entry(nxt, width)  # and one more such line: two make a list
                    and not _BULLET.match(nxt)
                )
            )
        ):  # "…folgende Informationen:" / "Name" / "E-Mail-Adresse": a list that lost its
            out.append(Line("bullet", line.strip(), n))  # bullets (copied from a web page)
            unbulleted = n
            continue
        if (
            out
            and out[-1].kind in ("text", "bullet")
            and _full(raw[n - 1], width)
            and not (m_head or m_bullet)
            and not (_TITLE_LINE.match(line.strip()) and _BULLET.match(nxt) is not None)
        ):  # a hard-wrapped text: the line above was cut mid-sentence, this one goes on
            # (not a title over the next list: "How We Use Your Information" / "- Analyze …")
            prev = out.pop()
            out.append(Line(prev.kind, _rejoin(prev.text, line.strip()), prev.number))
        elif m_bullet and _full(line, width) and nxt.strip() and not _BULLET.match(nxt):
            out.append(Line("bullet", m_bullet.group(1).strip(), n))  # "1. Bei der … personen-"
        elif _full(line, width) and nxt.strip() and not (m_head or _BULLET.match(nxt)):
            out.append(Line("text", line.strip(), n))  # a wrapped paragraph, not a heading
        elif m_bullet and _lettered_title(line, raw, n):  # "b. Booking Information" over prose
            out.append(Line("heading", m_bullet.group(1).strip(), n, True))
        elif m_head:
            out.append(Line("heading", m_head.group(1).strip(), n))
        elif (m_bullet and not _NUMBERED_HEADING.match(line.strip())) or (
            m_bullet and line.strip()[0] in "•-*·–▪◦●✓✔❌✗"
        ):
            assert m_bullet is not None
            out.append(Line("bullet", m_bullet.group(1).strip(), n))
        elif (
            out
            and out[-1].kind in ("text", "bullet")
            and physical[:1].isspace()
            and line.strip()[:1].islower()
            and not out[-1].text.endswith((".", ":", "!", "?"))
        ):  # an indented lower-case line goes on with the entry above ("Markdown" wrapping)
            prev = out.pop()
            out.append(Line(prev.kind, f"{prev.text} {line.strip()}", prev.number))
        elif _is_heading(line, nxt):
            m_num = _NUMBERED_HEADING.match(line.strip())
            out.append(Line("heading", (m_num.group(1) if m_num else line).strip(), n, bool(m_num)))
        elif (
            out
            and out[-1].kind == "bullet"
            and physical[:1].isspace()
            and not out[-1].text.endswith((".", ":"))
            and n
            and raw[n - 1].strip()  # (after an empty line a new paragraph begins)
            and not _FIELD_LINE.match(line.strip())
        ):  # a bullet wrapped onto an indented second line
            prev = out.pop()
            out.append(Line("bullet", f"{prev.text} {line.strip()}", prev.number))
        elif out and out[-1].kind == "text" and n and _wrapped(raw[n - 1], line):
            prev = out.pop()  # a hard-wrapped paragraph (text taken from PDF): one line again
            out.append(Line("text", _rejoin(prev.text, line.strip()), prev.number))
        else:
            out.append(Line("text", line.strip(), n))
    return out


def sentences(text: str) -> list[str]:
    """Sentences of one line (abbreviations such as "z. B.", "Art.", "e.g." do not end one).

    Several rules ask for the sentences of the same line; they are cut once (cached).
    """
    return list(_sentences(text))


@lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[str, ...]:
    parts = _SENTENCE_END.split(text)
    out: list[str] = []
    for part in parts:
        if out and _ABBREV_END.search(out[-1][-16:]):  # the tail: the same answer, far
            # cheaper (no abbreviation is longer than 10 characters, so no false word start)
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return tuple(s.strip() for s in out if s.strip())


def strip_parentheses(text: str) -> str:
    """``text`` without (…) and […] groups, nested ones included."""
    if "(" not in text and "[" not in text:
        return text.strip()  # most sentences: nothing to strip, no pattern to run
    prev = None
    while prev != text:
        prev = text
        text = re.sub(r"\s*[(\[][^()\[\]]*[)\]]", "", text)
    return re.sub(r"\s*[(\[][^()\[\]]*$", "", text).strip()  # an unclosed "(" ends the line


def mentions_any(text: str, words: Needles) -> bool:
    """Whether ``text`` contains one of ``words`` (casefolded substrings): the cheap first pass
    of a rule whose patterns are costly, since most sentences mention none of its words."""
    return words.any_in(text.casefold())
