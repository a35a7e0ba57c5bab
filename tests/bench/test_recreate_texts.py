"""``python -m bench.recreate_texts``: a text comes back from a local git mirror only when its
bytes are the ones the figures were measured on."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bench import recreate_texts

POLICY = "# Privacy\n\nWe store your name and e-mail address (Ü).\n\nMore text follows here.\n"


def _mirror(tmp_path: Path) -> tuple[Path, str]:
    """A clone laid out as the research tools' fetch leaves it: <mirror>/owner+repo/repo."""
    repo = tmp_path / "mirror" / "acme+policies" / "repo"
    repo.mkdir(parents=True)
    run = {"cwd": repo, "check": True, "capture_output": True}
    subprocess.run(["git", "init", "-q"], **run)
    (repo / "PRIVACY.md").write_text(POLICY, "utf-8")
    subprocess.run(["git", "add", "PRIVACY.md"], **run)
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "p"], **run
    )
    (repo / "PRIVACY.md").write_text(POLICY + "A later edit.\n", "utf-8")
    subprocess.run(["git", "add", "PRIVACY.md"], **run)
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "q"], **run
    )
    first = subprocess.run(["git", "rev-list", "--max-parents=0", "HEAD"], **run)
    return tmp_path / "mirror", first.stdout.decode().strip()


def _corpus(tmp_path: Path, docs: list[dict[str, str]], wanted: dict[str, bytes]) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "labels.yaml").write_text(yaml.safe_dump(docs), "utf-8")
    (corpus / "texts.sha256").write_text(
        "".join(f"{hashlib.sha256(b).hexdigest()}  {i}.txt\n" for i, b in wanted.items()), "utf-8"
    )
    return corpus


def test_texts_come_back_only_when_their_hash_matches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mirror, first = _mirror(tmp_path)
    body = POLICY.encode()
    excerpt = POLICY[:40].encode()
    docs = [
        {"id": "whole", "source": f"github:acme/policies PRIVACY.md@{first}", "licence": "x"},
        {"id": "history", "source": "github:acme/policies PRIVACY.md", "licence": "x"},
        {
            "id": "cut",
            "source": "github:acme/policies PRIVACY.md",
            "licence": "the beginning of the file (40 of 80 characters)",
        },
        {"id": "edited", "source": "github:acme/policies PRIVACY.md", "licence": "x"},
        {"id": "elsewhere", "source": "github:other/repo README.md", "licence": "x"},
        {"id": "page", "source": "https://example.org/privacy", "licence": "x"},
    ]
    wanted = {
        "whole": body,
        "history": body,  # not at HEAD: found in the file's history
        "cut": excerpt,
        "edited": body.replace(b"name", b"NAME"),  # no version has these bytes
        "elsewhere": body,
        "page": body,
    }
    corpus = _corpus(tmp_path, docs, wanted)
    argv = ["recreate_texts", "--corpus", str(corpus), "--mirror", str(mirror)]
    monkeypatch.setattr(sys, "argv", argv)
    recreate_texts.main()
    texts = corpus / "texts"
    assert (texts / "whole.txt").read_bytes() == body
    assert (texts / "history.txt").read_bytes() == body
    assert (texts / "cut.txt").read_bytes() == excerpt
    assert sorted(p.name for p in texts.iterdir()) == ["cut.txt", "history.txt", "whole.txt"]


def test_a_prefix_is_found_without_its_length_and_never_guessed() -> None:
    body = POLICY.encode()
    digest = hashlib.sha256(POLICY[:25].encode()).hexdigest()
    assert recreate_texts.matching_prefix(body, digest, None) == POLICY[:25].encode()
    assert recreate_texts.matching_prefix(body, digest, 24) is None
    assert recreate_texts.matching_prefix(body, "0" * 64, None) is None


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # a path with spaces (Open Terms Archive names files after the document)
        (
            "github:OpenTermsArchive/contrib-versions Better Stack/Privacy Policy.md@d6fb386e",
            ("OpenTermsArchive/contrib-versions", "Better Stack/Privacy Policy.md", "d6fb386e"),
        ),
        # an "@" inside the file name; only the trailing @hex is a commit
        (
            "github:sangling/OfficeDocs-AppCompliance Teams/a-@-zoomai.md@3013b17cae",
            ("sangling/OfficeDocs-AppCompliance", "Teams/a-@-zoomai.md", "3013b17cae"),
        ),
        # Next.js route groups: parentheses inside the path are not a note
        (
            "github:acme/web apps/src/app/(Public)/privacy/page.tsx@5d4c0b1",
            ("acme/web", "apps/src/app/(Public)/privacy/page.tsx", "5d4c0b1"),
        ),
        # the path written after the repository with a slash
        (
            "github:acme/site/content/legal/index.de.md@01a6d65",
            ("acme/site", "content/legal/index.de.md", "01a6d65"),
        ),
        # a commit named only in the trailing note
        (
            "github:acme/app legal/de/privacy.md (commit dac4bd7d as stored by the index; gone)",
            ("acme/app", "legal/de/privacy.md", "dac4bd7d"),
        ),
        # a note that mentions another repository's commit is not this file's commit
        (
            "github:acme/app pages/privacy.tsx@dae5db8 (identical to other/app@cc14551)",
            ("acme/app", "pages/privacy.tsx", "dae5db8"),
        ),
        ("github:acme/app PRIVACY.md", ("acme/app", "PRIVACY.md", None)),
        # no path: nothing to read
        ("github:acme/app (privacy file; path not given by the index)", None),
        ("https://example.org/privacy", None),
    ],
)
def test_source_shapes_of_the_labels_are_parsed(
    source: str, expected: tuple[str, str, str | None] | None
) -> None:
    assert recreate_texts.parse_source(source) == expected


def test_a_file_with_spaces_and_at_in_its_path_comes_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "mirror" / "acme+terms" / "repo"
    (repo / "Acme Inc").mkdir(parents=True)
    run = {"cwd": repo, "check": True, "capture_output": True}
    subprocess.run(["git", "init", "-q"], **run)
    (repo / "Acme Inc" / "Privacy @ Policy.md").write_text(POLICY, "utf-8")
    subprocess.run(["git", "add", "."], **run)
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "p"], **run
    )
    head = subprocess.run(["git", "rev-parse", "HEAD"], **run).stdout.decode().strip()
    source = f"github:acme/terms Acme Inc/Privacy @ Policy.md@{head}"
    corpus = _corpus(
        tmp_path, [{"id": "spaced", "source": source, "licence": "x"}], {"spaced": POLICY.encode()}
    )
    argv = ["recreate_texts", "--corpus", str(corpus), "--mirror", str(tmp_path / "mirror")]
    monkeypatch.setattr(sys, "argv", argv)
    recreate_texts.main()
    assert (corpus / "texts" / "spaced.txt").read_bytes() == POLICY.encode()
