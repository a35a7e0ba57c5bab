"""Real Graph bodies (Microsoft docs examples, samples/SOURCES.md) through the real decoders."""

from __future__ import annotations

import json
from pathlib import Path

from m365inv.collect.sync import _Job, _Schema, mappings_from
from m365inv.graph import sansio

SAMPLES = Path(__file__).parent / "samples"


def body(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def salesforce_schema() -> bytes:
    """The docs' objectMapping example, verbatim, inside the schema envelope Graph returns."""
    mapping = json.loads(body("sync_object_mapping_salesforce_docs.json"))
    rule = {"name": "USER_TO_USER", "objectMappings": [mapping]}
    return json.dumps({"synchronizationRules": [rule]}).encode()


def test_truncated_docs_schema_decodes_without_inventing_sources() -> None:
    schema = sansio.decode_json(body("sync_schema_get_docs.json"), _Schema)
    maps = mappings_from(schema)
    # `"source": {}` is an attribute mapping whose source was not shown: kept, nothing invented
    assert [(m.target, m.source, m.source_attributes) for m in maps] == [("userName", None, ())]


def test_salesforce_gallery_mapping_keeps_every_source_attribute() -> None:
    maps = {m.target: m for m in mappings_from(sansio.decode_json(salesforce_schema(), _Schema))}
    assert maps["IsActive"].source == "Not([IsSoftDeleted])"
    assert maps["IsActive"].source_attributes == ("IsSoftDeleted",)
    assert maps["Alias"].source_attributes == ("userPrincipalName",)  # constants 1 and 8 dropped
    assert maps["LocaleSidKey"].source_attributes == ("preferredLanguage",)  # "-" and "_" too
    assert maps["ProfileName"].source_attributes == ("appRoleAssignments",)
    assert maps["Email"].source_attributes == ("mail",)
    # constants (source null) read nothing from the tenant
    for target in ("EmailEncodingKey", "TimeZoneSidKey", "UserPermissionsOfflineUser"):
        assert maps[target].source is None and maps[target].source_attributes == ()
    assert all(m.object_type == "User" for m in maps.values())


def test_real_job_has_no_scope_setting() -> None:
    """The docs' job carries only QuarantineTooManyDeletesThreshold: SyncAll is a secret."""
    job = sansio.decode_json(body("sync_job_get_docs.json"), _Job)
    assert (job.id, job.template_id, job.status.code if job.status else None) == (
        "{jobId}", "BoxOutDelta", "Paused",
    )  # fmt: skip
    raw = json.loads(body("sync_job_get_docs.json"))
    assert "SyncAll" not in {s["name"] for s in raw["synchronizationJobSettings"]}


def test_recorded_error_bodies_decode_into_typed_errors() -> None:
    """Real error answers (samples/SOURCES.md) through the one error decoder the client uses."""
    from m365inv.collect.activity import LICENCE_CODES
    from m365inv.errors import PermissionDenied

    text = body("exo_403_no_directory_role.txt")
    err = sansio.error_from(403, {"content-type": "text/plain"}, text)
    assert isinstance(err, PermissionDenied) and err.code is None  # not JSON: no code invented
    assert "Directory Roles" not in str(err)  # the tenant's text is not echoed into reports
    exo = sansio.error_from(401, {}, body("exo_401_not_allowed.json"))
    assert (exo.status, exo.code) == (401, "Unauthorized")
    lic = sansio.error_from(403, {}, body("error_403_no_premium_licence.json"))
    assert lic.code in LICENCE_CODES and "premium license" in str(lic)


def test_sandbox_serves_the_recorded_exchange_text() -> None:
    from m365inv.sandbox.graph.exchange import NO_ROLE

    assert NO_ROLE.format(client="a-a-a-a-a").encode() == body("exo_403_no_directory_role.txt")
