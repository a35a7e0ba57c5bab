"""Drive Debian's headless chromium: CLI flags for screenshots and DOM dumps, and the DevTools
protocol (over a websocket, with aiohttp) to collect console errors and CSP violations."""

from __future__ import annotations

import asyncio
import base64
import json
import re
import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path
from typing import Any

import aiohttp

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
TIMEOUT = 60


def run(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=True,
    )


def dump_dom(url: str) -> str:
    with tempfile.TemporaryDirectory() as profile:
        return run(["--dump-dom", url], Path(profile)).stdout


def screenshot(url: str, out: Path, size: str = "1280,1000") -> None:
    with tempfile.TemporaryDirectory() as profile:
        run([f"--window-size={size}", f"--screenshot={out}", url], Path(profile))


def png_stats(data: bytes) -> tuple[int, int, int, float]:
    """(width, height, distinct colours, share of non-white pixels) of an 8-bit RGB(A) PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    height = bpp = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    colours: set[bytes] = set()
    non_white = 0
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 0xFF
            elif ftype == 2:
                line[i] = (line[i] + b) & 0xFF
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 0xFF
        if y % 4 == 0:  # sample every 4th row: enough to judge, 4x faster
            for x in range(0, stride, bpp * 2):
                px = bytes(line[x : x + 3])
                colours.add(px)
                non_white += px != b"\xff\xff\xff"
        prev = line
    sampled = (height // 4 + 1) * (width // 2 + 1)
    return width, height, len(colours), non_white / sampled


class DevTools:
    """A minimal CDP client: one browser, one page session, every event recorded."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    async def call(self, method: str, session: str | None = None, **params: Any) -> Any:
        self.next_id += 1
        msg: dict[str, Any] = {"id": self.next_id, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        await self.ws.send_str(json.dumps(msg))
        while True:
            reply = json.loads((await self.ws.receive(timeout=TIMEOUT)).data)
            if reply.get("id") == self.next_id:
                assert "error" not in reply, reply
                return reply.get("result", {})
            self.events.append(reply)

    async def wait_event(self, method: str) -> dict[str, Any]:
        for ev in self.events:
            if ev.get("method") == method:
                return ev
        while True:
            ev = json.loads((await self.ws.receive(timeout=TIMEOUT)).data)
            self.events.append(ev)
            if ev.get("method") == method:
                return ev


def _errors(events: list[dict[str, Any]]) -> list[str]:
    out = []
    for ev in events:
        method, params = ev.get("method"), ev.get("params", {})
        if method == "Runtime.exceptionThrown":
            out.append(str(params.get("exceptionDetails", {}).get("text")))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            out.append(json.dumps(params.get("args")))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            out.append(params["entry"]["text"])
    return out


async def _inspect(
    url: str, expression: str, width: int | None, shot: tuple[str, Path] | None = None
) -> tuple[list[str], Any]:
    assert CHROMIUM
    with tempfile.TemporaryDirectory() as profile:
        proc = await asyncio.create_subprocess_exec(
            CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0",
            "--remote-debugging-address=127.0.0.1", "about:blank",
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        try:
            ws_url = await asyncio.wait_for(_ws_url(proc), TIMEOUT)
            async with aiohttp.ClientSession() as http, http.ws_connect(ws_url) as ws:
                cdp = DevTools(ws)
                target = await cdp.call("Target.createTarget", url="about:blank")
                att = await cdp.call(
                    "Target.attachToTarget", targetId=target["targetId"], flatten=True
                )
                sid = att["sessionId"]
                for domain in ("Runtime.enable", "Log.enable", "Page.enable"):
                    await cdp.call(domain, sid)
                if width is not None:  # a desktop viewport, not headless' 800 px default
                    await cdp.call("Emulation.setDeviceMetricsOverride", sid, width=width,
                                   height=900, deviceScaleFactor=1, mobile=False)  # fmt: skip
                await cdp.call("Page.navigate", sid, url=url)
                await asyncio.wait_for(cdp.wait_event("Page.loadEventFired"), TIMEOUT)
                res = await cdp.call("Runtime.evaluate", sid, expression=expression,
                                     returnByValue=True)  # fmt: skip
                if shot is not None:
                    await _capture(cdp, sid, *shot)
                await asyncio.sleep(0.3)  # let late console / CSP reports arrive
                await cdp.call("Runtime.evaluate", sid, expression="1")
                return _errors(cdp.events), res["result"].get("value")
        finally:
            proc.kill()
            await proc.wait()


async def _capture(cdp: DevTools, sid: str, selector: str, out: Path) -> None:
    """A PNG of the element ``selector`` (scrolled into place), beyond the viewport if need be."""
    box = await cdp.call(
        "Runtime.evaluate", sid, returnByValue=True,
        expression=f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
        ".getBoundingClientRect(); return [r.x, r.y + window.scrollY, r.width, r.height]; })()",
    )  # fmt: skip
    x, y, w, h = box["result"]["value"]
    img = await cdp.call(
        "Page.captureScreenshot", sid, format="png", captureBeyondViewport=True,
        clip={"x": x, "y": y, "width": w, "height": min(h, 4000), "scale": 1},
    )  # fmt: skip
    out.write_bytes(base64.b64decode(img["data"]))


async def _ws_url(proc: asyncio.subprocess.Process) -> str:
    assert proc.stderr
    while True:
        line = (await proc.stderr.readline()).decode(errors="replace")
        if not line:
            raise RuntimeError("chromium exited before DevTools came up")
        m = re.search(r"DevTools listening on (ws://\S+)", line)
        if m:
            return m.group(1)


def inspect(
    url: str, expression: str = "document.title", *, width: int | None = None
) -> tuple[list[str], Any]:
    """Load ``url`` (at ``width`` CSS pixels when given); return (console errors incl. CSP
    violations, value of ``expression``)."""
    return asyncio.run(_inspect(url, expression, width))


def element_screenshot(url: str, selector: str, out: Path, *, width: int = 1366) -> list[str]:
    """Save a PNG of one element at a desktop ``width``; return the console errors."""
    errors, _ = asyncio.run(_inspect(url, "1", width, (selector, out)))
    return errors
