"""A minimal PDF writer: plain text on A4 pages (Helvetica, WinAnsi), enough for pypdf to read.

The sandbox serves one vendor policy as PDF (as vendors do) and the catalog fetch tests build
their PDFs with it; no PDF library is needed at run time for that.
"""

from __future__ import annotations

LINES_PER_PAGE = 60
WRAP = 95


def _pdf(lines: list[str]) -> bytes:
    pages = [lines[i : i + LINES_PER_PAGE] for i in range(0, max(len(lines), 1), LINES_PER_PAGE)]
    objs: list[bytes] = [b"", b""]  # 1 catalog, 2 pages: filled below
    font = len(objs) + 1
    objs.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    kids = []
    for page in pages:
        ops = [b"BT /F1 9 Tf 40 800 Td 11 TL"]
        for line in page:
            esc = line.encode("cp1252", "replace").replace(b"\\", b"\\\\")
            ops.append(b"(" + esc.replace(b"(", b"\\(").replace(b")", b"\\)") + b") '")
        ops.append(b"ET")
        stream = b"\n".join(ops)
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objs.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (len(objs), font)
        )
        kids.append(len(objs))
    objs[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def make_pdf(text: str) -> bytes:
    """``text`` as a PDF, paragraphs wrapped at about 95 characters."""
    wrapped: list[str] = []
    for para in text.splitlines():
        while len(para) > WRAP:
            cut = para.rfind(" ", 0, WRAP)
            cut = cut if cut > 0 else WRAP
            wrapped.append(para[:cut])
            para = para[cut:].lstrip()
        wrapped.append(para)
    return _pdf(wrapped)


__all__ = ["make_pdf"]
