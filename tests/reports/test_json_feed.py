"""The inventory feed: schema-valid, canonical, stable, and in step with the records."""

from __future__ import annotations

import io
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

import jsonschema
import msgspec
import pytest

from m365inv.errors import RenderError
from m365inv.models import Inventory, Record
from m365inv.reports import json_feed
from m365inv.reports.schema_build import SCHEMA_PATH, render_schema
from tests.reports.fixture_inventory import build_inventory, empty_inventory


def _validator() -> jsonschema.Draft202012Validator:
    schema = json_feed.schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


@pytest.mark.parametrize("build", [build_inventory, empty_inventory])
def test_feed_validates_against_schema(build: Callable[[], Inventory]) -> None:
    doc = json.loads(json_feed.encode_inventory(build()))
    errors = list(_validator().iter_errors(doc))
    assert errors == []


def test_schema_rejects_unknown_and_missing_fields(inventory: Inventory) -> None:
    doc = json.loads(json_feed.encode_inventory(inventory))
    doc["apps"][0]["surprise"] = 1
    assert not _validator().is_valid(doc)
    doc = json.loads(json_feed.encode_inventory(inventory))
    del doc["flows"][0]["disclosed"]
    assert not _validator().is_valid(doc)
    doc = json.loads(json_feed.encode_inventory(inventory))
    doc["schemaVersion"] = "2.0.0"
    assert not _validator().is_valid(doc)


def test_committed_schema_matches_records() -> None:
    assert SCHEMA_PATH.read_bytes() == render_schema(), (
        "schema drifted from scanner.models; run python -m reports.schema_build"
    )


def _record_types(root: type[Record]) -> dict[str, type[Record]]:
    """Every Struct reachable from ``root`` (walks msgspec's type info)."""
    seen: dict[str, type[Record]] = {}
    stack: list[Any] = [msgspec.inspect.type_info(root)]
    while stack:
        info = stack.pop()
        if isinstance(info, msgspec.inspect.StructType):
            if info.cls.__name__ in seen:
                continue
            seen[info.cls.__name__] = info.cls
            stack.extend(f.type for f in info.fields)
        elif isinstance(info, msgspec.inspect.UnionType):
            stack.extend(info.types)
        elif hasattr(info, "item_type"):
            stack.append(info.item_type)
        elif isinstance(info, msgspec.inspect.DictType):
            stack.extend([info.key_type, info.value_type])
    return seen


def test_every_record_field_is_in_the_schema() -> None:
    defs = json_feed.schema()["$defs"]
    for name, cls in _record_types(Inventory).items():
        wire = {f.encode_name for f in msgspec.structs.fields(cls)}
        assert name in defs, f"record {name} missing from schema"
        assert set(defs[name]["properties"]) == wire, name
        assert set(defs[name]["required"]) == wire, name


def test_schema_version_is_semver_and_published() -> None:
    schema = json_feed.schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["x-schemaVersion"] == json_feed.SCHEMA_VERSION
    major, minor, patch = json_feed.SCHEMA_VERSION.split(".")
    assert (major, minor.isdigit(), patch.isdigit()) == ("1", True, True)


def test_shuffled_input_encodes_byte_identical(inventory: Inventory) -> None:
    rng = random.Random(7)
    apps = list(inventory.apps)
    flows = list(inventory.flows)
    rng.shuffle(apps)
    rng.shuffle(flows)
    apps = [
        msgspec.structs.replace(
            a,
            permissions=tuple(reversed(a.permissions)),
            data_categories=tuple(reversed(a.data_categories)),
            findings=tuple(reversed(a.findings)),
        )
        for a in apps
    ]
    shuffled = msgspec.structs.replace(
        inventory,
        apps=tuple(apps),
        flows=tuple(flows),
        coverage=tuple(reversed(inventory.coverage)),
    )
    assert json_feed.encode_inventory(shuffled) == json_feed.encode_inventory(inventory)


def test_keys_are_sorted_and_camel_case(inventory: Inventory) -> None:
    doc = json.loads(json_feed.encode_inventory(inventory))
    assert list(doc) == sorted(doc)
    assert "schemaVersion" in doc and "servicePrincipalId" in doc["apps"][0]
    assert "type" in doc["apps"][0]["permissions"][0]


def test_round_trip(inventory: Inventory) -> None:
    data = json_feed.encode_inventory(inventory)
    assert json_feed.encode_inventory(json_feed.decode_inventory(data)) == data


@pytest.mark.parametrize("data", [b"{", b"[]", b'{"schemaVersion": 1}'])
def test_decode_rejects_garbage(data: bytes) -> None:
    with pytest.raises(RenderError):
        json_feed.decode_inventory(data)


def test_golden(inventory: Inventory, golden: Callable[[str, bytes], None]) -> None:
    golden("inventory.json", json_feed.encode_inventory(inventory))


@pytest.mark.parametrize("build", [build_inventory, empty_inventory])
@pytest.mark.parametrize("chunk", [1, 2, 512])
def test_streamed_feed_is_the_one_shot_document(
    build: Callable[[], Inventory], chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """write_inventory splices records into a skeleton chunk by chunk: the bytes must be exactly
    those of encoding the whole canonical inventory at once, whatever the chunk size."""
    inv = build()
    one_shot = msgspec.json.format(
        msgspec.json.encode(json_feed.canonical(inv), order="sorted"), indent=2
    )
    monkeypatch.setattr(json_feed, "_CHUNK", chunk)
    streamed = io.BytesIO()
    json_feed.write_inventory(inv, streamed)
    assert streamed.getvalue() == one_shot + b"\n"
    assert json_feed.encode_inventory(inv) == one_shot + b"\n"


def test_streamed_feed_with_only_flows_or_only_apps(inventory: Inventory) -> None:
    for inv in (
        msgspec.structs.replace(inventory, apps=()),
        msgspec.structs.replace(inventory, flows=()),
    ):
        one_shot = msgspec.json.format(
            msgspec.json.encode(json_feed.canonical(inv), order="sorted"), indent=2
        )
        assert json_feed.encode_inventory(inv) == one_shot + b"\n"


def test_sorting_before_canonicalising_gives_the_canonical_order(inventory: Inventory) -> None:
    """canonical() sorts the raw records and canonicalises after (so a stream can do it a chunk
    at a time): the order must equal canonicalising first and sorting after."""
    from m365inv import canonical as c

    shuffled = msgspec.structs.replace(
        inventory,
        apps=tuple(reversed(inventory.apps)),
        flows=tuple(random.Random(3).sample(inventory.flows, len(inventory.flows))),
    )
    apps = sorted(map(c.canonical_app, shuffled.apps), key=c.app_key)
    flows = sorted(map(c.canonical_flow, shuffled.flows), key=c.flow_key)
    got = c.canonical(shuffled)
    assert got.apps == tuple(apps) and got.flows == tuple(flows)


def test_write_reports_streams_the_feed(
    tmp_path: Path, inventory: Inventory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from m365inv.reports import STREAMERS, write_reports

    written = write_reports(inventory, tmp_path / "a", "json,md")
    assert written["json"].read_bytes() == json_feed.encode_inventory(inventory)
    assert written["json"].stat().st_mode & 0o777 == 0o600

    def broken(inv: Inventory, lang: str, contact: object, out: BinaryIO) -> None:
        out.write(b'{"partial": ')
        raise ValueError("boom")

    monkeypatch.setitem(STREAMERS, "json", broken)
    with pytest.raises(RenderError, match="json: ValueError: boom"):
        write_reports(inventory, tmp_path / "b", "json,md")
    # no half-written feed, no temp file left; the other format is still written
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == ["summary.md"]


def test_canonical_records_are_not_copied_again(inventory: Inventory) -> None:
    """Canonicalising canonical records returns those records (no second copy of 250,000
    flows at a million users); a record that is not canonical is still replaced."""
    from m365inv.canonical import canonical

    once = canonical(inventory)
    twice = canonical(once)
    assert all(a is b for a, b in zip(once.apps, twice.apps, strict=True))
    assert all(a is b for a, b in zip(once.flows, twice.flows, strict=True))
    flow = once.flows[0]
    messy = msgspec.structs.replace(flow, evidence=(*flow.evidence, *flow.evidence[:1], "a"))
    fixed = canonical(msgspec.structs.replace(once, flows=(messy,))).flows[0]
    assert fixed is not messy and fixed.evidence == tuple(sorted({*flow.evidence, "a"}))
