"""A keyring backend that keeps its entries in a JSON file (``M365INV_TEST_KEYRING_FILE``), so a
child process started with ``PYTHON_KEYRING_BACKEND=tests.scanner.cli.file_keyring.FileKeyring``
(keyring's own way to choose a backend) shares a keyring with the test that inspects it."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @property
    def _path(self) -> Path:
        return Path(os.environ["M365INV_TEST_KEYRING_FILE"])

    def _load(self) -> dict[str, str]:
        try:
            data: dict[str, str] = json.loads(self._path.read_text())
        except FileNotFoundError:
            return {}
        return data

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\t{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\t{username}"] = password
        self._path.write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}\t{username}", None)
        self._path.write_text(json.dumps(data))
