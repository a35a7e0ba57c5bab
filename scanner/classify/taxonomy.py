"""Data categories: fideslang's default taxonomy plus m365inv's documented custom keys.

Custom keys live in ``config/categories.yaml``; each has a fideslang parent so that disclosure
matching can walk the hierarchy (a disclosure of ``user.contact`` covers ``user.contact.email``).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import msgspec
import yaml

from m365inv.errors import ConfigError


class CustomCategory(msgspec.Struct, frozen=True, kw_only=True):
    key: str
    parent: str
    name: str
    name_de: str
    description: str


class Taxonomy(msgspec.Struct, frozen=True, kw_only=True):
    fideslang: frozenset[str]
    custom: dict[str, CustomCategory]
    subject_kinds: frozenset[str]

    def is_known(self, key: str) -> bool:
        return key in self.fideslang or key in self.custom


def _fideslang_keys() -> frozenset[str]:
    from fideslang.default_taxonomy import DEFAULT_TAXONOMY

    return frozenset(str(c.fides_key) for c in DEFAULT_TAXONOMY.data_category)


@cache
def load_taxonomy() -> Taxonomy:
    """Load and check the taxonomy once per process (it is immutable shipped data)."""
    raw = yaml.safe_load((resources.files("m365inv.config") / "categories.yaml").read_text("utf-8"))
    fides = _fideslang_keys()
    custom: dict[str, CustomCategory] = {}
    for key, entry in raw["custom_categories"].items():
        cat = CustomCategory(key=key, **entry)
        if key.rsplit(".", 1)[0] != cat.parent or cat.parent not in fides:
            raise ConfigError(f"custom category {key!r}: parent must be its fideslang prefix")
        if key in fides:
            raise ConfigError(f"custom category {key!r} already exists in fideslang")
        custom[key] = cat
    return Taxonomy(fideslang=fides, custom=custom, subject_kinds=frozenset(raw["subject_kinds"]))


def covers(disclosed: str, category: str) -> bool:
    """True when a disclosure of ``disclosed`` covers ``category`` (same key or an ancestor)."""
    return category == disclosed or category.startswith(disclosed + ".")


def label(key: str) -> str:
    """A human name for a category key (custom keys have one; fideslang keys use their name)."""
    tax = load_taxonomy()
    if key in tax.custom:
        return tax.custom[key].name
    return key.rsplit(".", 1)[-1].replace("_", " ")
