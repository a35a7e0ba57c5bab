"""Re-create the corpus texts that come from GitHub files, byte-exact, from local git mirrors.

The texts are third parties' material and are not committed (``bench/corpus/README.md``); a new
machine has none. A text whose ``source`` is ``github:owner/repo path[@commit]`` can be read
again from a clone of that repository: this script looks for ``<mirror>/owner+repo/repo`` (a
bare git directory or a clone, as the research tools' ``fetch`` leaves them), tries the named
commit, ``HEAD`` and every commit that touched the path, and writes ``texts/<id>.txt`` only when
its SHA-256 is the one in ``texts.sha256`` — so a figure measured on it is the figure published.
A text that was an excerpt ("the beginning of the file (N of M characters)") is the file's first
N characters; every prefix is hashed (incrementally) when the note gives no N.

    python -m bench.recreate_texts [--corpus DIR] [--mirror /work/.mirror]

Reads local files and runs ``git``; nothing is downloaded.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
from pathlib import Path
from typing import Any

import yaml

from bench.extraction import _hashes

#: A trailing note in parentheses after a space ("… page.tsx (commit 0123abc as stored by …)");
#: parentheses inside a path ("src/app/(Public)/privacy") have no space before them.
_NOTE = re.compile(r"\s+\((?P<note>[^()]*(?:\([^()]*\)[^()]*)*)\)\s*$")
_NOTE_COMMIT = re.compile(r"\bcommit (?P<commit>[0-9a-f]{7,40})\b")
_AT = re.compile(r"@(?P<at>[0-9a-f]{7,40})$")
_REPO = re.compile(r"^[\w.-]+/[\w.-]+$")
_EXCERPT = re.compile(r"\(([\d,.]+) of ([\d,.]+) characters\)")
_MAX_PREFIX_SCAN = 200_000  # characters; a longer file's excerpt needs its length in the note


def _git_dir(mirror: Path, repo: str) -> Path | None:
    base = mirror / repo.replace("/", "+") / "repo"
    for candidate in (base / ".git", base):
        if (candidate / "HEAD").is_file():
            return candidate
    return None


def _show(git_dir: Path, rev: str, path: str) -> bytes | None:
    done = subprocess.run(
        ["git", f"--git-dir={git_dir}", "show", f"{rev}:{path}"],
        capture_output=True,
        check=False,
        timeout=60,
    )
    return done.stdout if done.returncode == 0 else None


def _revisions(git_dir: Path, path: str, named: str | None) -> list[str]:
    done = subprocess.run(
        ["git", f"--git-dir={git_dir}", "log", "--all", "--format=%H", "--", path],
        capture_output=True,
        check=False,
        timeout=60,
    )
    touched = done.stdout.decode().split() if done.returncode == 0 else []
    return list(dict.fromkeys([*([named] if named else []), "HEAD", *touched]))


def matching_prefix(body: bytes, digest: str, chars: int | None) -> bytes | None:
    """The prefix of ``body`` (cut at a character) whose SHA-256 is ``digest``: the one of
    ``chars`` characters when the licence note gives it, else the first of any length."""
    text = body.decode("utf-8", errors="strict")
    if chars is not None:
        cut = text[:chars].encode()
        return cut if hashlib.sha256(cut).hexdigest() == digest else None
    if len(text) > _MAX_PREFIX_SCAN:
        return None
    running = hashlib.sha256()
    for n, ch in enumerate(text):
        running.update(ch.encode())
        if running.copy().hexdigest() == digest:
            return text[: n + 1].encode()
    return None


def parse_source(source: str) -> tuple[str, str, str | None] | None:
    """(``owner/repo``, path, commit or None) of a ``github:`` source, or None.

    The labels write ``github:owner/repo path[@commit]`` or ``github:owner/repo/path[@commit]``,
    sometimes with a note in parentheses; a path may hold spaces, parentheses and ``@``
    ("Privacy Policy.md", "src/app/(Public)/page.tsx", "assistant-@-zoomai.md"), so only a
    trailing ``@`` plus hex digits is a commit.
    """
    if not source.startswith("github:"):
        return None
    body, commit = source[len("github:") :].strip(), None
    if note := _NOTE.search(body):
        body = body[: note.start()]
        if named := _NOTE_COMMIT.search(note.group("note")):
            commit = named.group("commit")
    if at := _AT.search(body):
        body, commit = body[: at.start()], at.group("at")
    head, _, path = body.partition(" ")
    if not path:
        owner, _, rest = head.partition("/")
        name, _, path = rest.partition("/")
        head = f"{owner}/{name}"
    path = path.strip()
    if not _REPO.match(head) or not path:
        return None
    return head, path, commit


def recreate(doc: dict[str, Any], digest: str, mirror: Path) -> tuple[bytes | None, str]:
    """(the text's bytes, state): ``ok``, or why not (``no-path``, ``no-mirror``,
    ``hash-mismatch``)."""
    parsed = parse_source(str(doc.get("source", "")))
    if parsed is None:
        return None, "no-path"
    repo, path, commit = parsed
    git_dir = _git_dir(mirror, repo)
    if git_dir is None:
        return None, "no-mirror"
    excerpt = _EXCERPT.search(str(doc.get("licence", "")))
    chars = int(re.sub(r"\D", "", excerpt.group(1))) if excerpt else None
    for rev in _revisions(git_dir, path, commit):
        body = _show(git_dir, rev, path)
        if body is None:
            continue
        if hashlib.sha256(body).hexdigest() == digest:
            return body, "ok"
        try:
            cut = matching_prefix(body, digest, chars)
        except UnicodeDecodeError:
            continue
        if cut is not None:
            return cut, "ok"
    return None, "hash-mismatch"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path(__file__).parent / "corpus")
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    args = parser.parse_args()
    hashes = _hashes(args.corpus)
    docs = yaml.safe_load((args.corpus / "labels.yaml").read_text("utf-8"))
    out = args.corpus / "texts"
    out.mkdir(exist_ok=True)
    states: dict[str, list[str]] = {}
    for doc in docs:
        name = f"{doc['id']}.txt"
        if (out / name).exists() or name not in hashes:
            continue
        body, state = recreate(doc, hashes[name], args.mirror)
        if body is not None:
            (out / name).write_bytes(body)
        states.setdefault(state, []).append(doc["id"])
    for state, ids in sorted(states.items()):
        print(f"{state:14} {len(ids):4}  {' '.join(ids) if state != 'no-path' else ''}".rstrip())


if __name__ == "__main__":
    main()
