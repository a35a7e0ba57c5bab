# ruff: noqa: E501 — one reviewed permission per row reads better than wrapped rows
"""Golden review: the decisions of the permission-map review, pinned so the map cannot drift.

Each row is one reviewed permission: the categories it must open (at least these), its access and
reach, the data subjects it must name, and its sensitive signals (exactly these). A row changes
only with a reviewed reason — update the row and the comment in families.yaml / overrides.yaml
together.
"""

from __future__ import annotations

import pytest

from m365inv.classify import classify_permission

A, D = "application", "delegated"
MAIL = "user.content.private.email"
CAL = "user.content.private.calendar"
CHAT = "user.content.private.chat"
FILES = "user.content.private.files"
MEETING = "user.content.private.meeting"
AUTH = "user.behavior.authentication_history"
USAGE = "user.behavior.service_usage"
META = "user.behavior.communications_metadata"
EMP, GUEST, EXT, CONTACT, STUDENT = (
    "employee", "guest", "external-correspondent", "external-contact", "student",
)  # fmt: skip

# value, kind, categories ⊇, access, reach, subjects ⊇, signals ==
GOLDEN: list[tuple[str, str, set[str], str, str, set[str], set[str]]] = [
    # sign-in scopes
    ("openid", D, {"user.unique_id.pseudonymous"}, "read", "signed-in-user", {EMP}, set()),
    ("User.Read", D, {"user.name", "user.contact.email"}, "read", "signed-in-user", {EMP}, set()),
    ("User.ReadBasic.All", D, {"user.name", "user.content.self_image"}, "read", "directory", {EMP, GUEST}, set()),
    ("User.Read.All", A, {"user.social.relationships", "user.workplace"}, "read", "tenant", {EMP, GUEST}, set()),
    ("User.Export.All", D, {MAIL, FILES}, "read", "directory", {EMP}, {"content"}),
    ("Directory.Read.All", D, {"user.authorization", "user.social.group_membership", "user.device"}, "read", "directory", {EMP, GUEST, CONTACT}, {"group-names"}),
    ("Directory.AccessAsUser.All", D, {"user.name"}, "full", "directory", {EMP}, {"group-names"}),
    ("GroupMember.Read.All", D, {"user.social.group_membership"}, "read", "directory", {EMP}, {"group-names"}),
    ("User-PasswordProfile.ReadWrite.All", A, {"user.authorization.password"}, "write", "tenant", {EMP}, {"credentials"}),
    # mail, calendar, contacts (Graph)
    ("Mail.Read", A, {MAIL, META}, "read", "tenant", {EMP, EXT}, {"content"}),
    ("Mail.ReadBasic.All", A, {META}, "read", "tenant", {EMP, EXT}, set()),
    ("Mail.Read.Shared", D, {MAIL}, "read", "users-with-access", {EXT}, {"content"}),
    ("Mail.Send", A, {MAIL, "user.contact.email"}, "send", "tenant", {EMP}, {"send-as"}),  # issue 12: send as anyone
    ("Mail.Send", D, {MAIL, "user.contact.email"}, "send", "signed-in-user", {EMP}, {"send-as"}),  # finding only when tenant-wide
    ("Calendars.Read", A, {CAL}, "read", "tenant", {EMP, EXT}, {"content"}),
    ("Calendars.ReadBasic", D, {CAL}, "read", "signed-in-user", {EMP}, set()),
    ("Contacts.ReadWrite", A, {"user.contact.phone_number", "user.demographic.date_of_birth"}, "write", "tenant", {CONTACT}, {"tenant-write"}),
    ("Mail.ReadWrite", A, {MAIL}, "write", "tenant", {EMP, EXT}, {"content", "tenant-write"}),
    ("Calendars.ReadWrite", A, {CAL}, "write", "tenant", {EMP, EXT}, {"content", "tenant-write"}),
    ("MailboxSettings.ReadWrite", A, {"user.account.settings", MAIL}, "write", "tenant", {EMP}, {"forwarding"}),  # issue 12: was too narrow
    ("MailboxSettings.Read", A, {"user.account.settings", "user.content.private"}, "read", "tenant", {EMP}, set()),
    ("People.Read.All", A, {"user.social.relationships"}, "read", "tenant", {EMP, CONTACT}, set()),
    # Exchange Online resource
    ("full_access_as_app", A, {MAIL, CAL, "user.contact"}, "full", "tenant", {EMP, EXT, CONTACT}, {"content", "send-as", "tenant-write"}),
    ("full_access_as_user", D, {MAIL}, "full", "users-with-access", {EMP, EXT}, {"content"}),
    ("Exchange.ManageAsApp", A, {"system.operations", META}, "full", "tenant", {EMP}, set()),
    ("Exchange.ManageAsAppV2", A, {"system.operations"}, "full", "tenant", {EMP}, set()),
    ("EWS.AccessAsUser.All", D, {MAIL, CAL}, "full", "users-with-access", {EMP, EXT}, {"content"}),
    ("IMAP.AccessAsUser.All", D, {MAIL}, "full", "users-with-access", {EMP, EXT}, {"content"}),
    ("POP.AccessAsUser.All", D, {MAIL}, "full", "users-with-access", {EMP, EXT}, {"content"}),
    ("IMAP.AccessAsApp", A, {MAIL}, "full", "narrowed", {EMP, EXT}, {"content"}),
    ("SMTP.Send", D, {MAIL}, "send", "signed-in-user", {EMP}, set()),
    ("SMTP.SendAsApp", A, {MAIL}, "send", "narrowed", {EMP}, {"send-as"}),  # narrowed: per-mailbox grants
    # Teams, meetings, calls
    ("Chat.Read.All", A, {CHAT, META}, "read", "tenant", {EMP, GUEST, EXT}, {"content"}),
    ("Chat.ReadBasic", D, {META}, "read", "signed-in-user", {EMP}, set()),
    ("Chat.Read.WhereInstalled", A, {CHAT}, "read", "narrowed", {EMP}, {"content"}),
    ("ChannelMessage.Read.All", A, {CHAT}, "read", "tenant", {EMP, GUEST}, {"content"}),
    ("TeamMember.Read.All", A, {"user.social.group_membership"}, "read", "tenant", {EMP}, {"group-names"}),
    ("OnlineMeetings.Read.All", A, {CAL, META}, "read", "tenant", {EMP, EXT}, set()),
    ("OnlineMeetingTranscript.Read.All", A, {MEETING}, "read", "tenant", {EMP, EXT}, {"content", "monitoring"}),
    ("OnlineMeetingRecording.Read.All", A, {MEETING, "user.biometric.voice"}, "read", "tenant", {EMP, EXT}, {"content", "monitoring"}),
    ("OnlineMeetingAiInsight.Read.Chat", A, {MEETING}, "read", "narrowed", {EMP}, {"content", "monitoring"}),
    ("CallRecords.Read.All", A, {"user.behavior.call_log", "user.device.ip_address"}, "read", "tenant", {EMP, EXT}, {"monitoring"}),
    ("Calls.AccessMedia.All", A, {MEETING}, "full", "tenant", {EMP, EXT}, {"content", "monitoring"}),
    ("Calls.Initiate.All", A, {"user.behavior.call_log"}, "write", "tenant", {EMP}, set()),
    ("Presence.Read.All", D, {"user.behavior.presence"}, "read", "directory", {EMP}, {"monitoring"}),
    # files, tasks
    ("Files.Read.All", A, {FILES}, "read", "tenant", {EMP}, {"content"}),
    ("Files.ReadWrite.AppFolder", D, {FILES}, "write", "narrowed", {EMP}, {"content"}),
    ("Sites.Selected", A, {FILES}, "full", "narrowed", {EMP}, {"content"}),
    ("Tasks.ReadWrite.All", A, {"user.content.private.notes"}, "write", "tenant", {EMP}, set()),
    # monitoring: logs, reports, security
    ("AuditLog.Read.All", D, {AUTH, "user.device.ip_address", "user.location.imprecise"}, "read", "directory", {EMP, GUEST}, {"monitoring"}),
    ("Reports.Read.All", A, {USAGE}, "read", "tenant", {EMP}, {"monitoring"}),
    ("SecurityAlert.Read.All", D, {"user.account.username", "user.device.ip_address"}, "read", "directory", {EMP}, {"monitoring"}),
    ("SecurityIncident.Read.All", A, {"user.device.ip_address"}, "read", "tenant", {EMP}, {"monitoring"}),
    ("SecurityEvents.Read.All", A, {"user.device.ip_address", "user.location.imprecise"}, "read", "tenant", {EMP}, {"monitoring"}),
    ("ThreatHunting.Read.All", A, {"user.device.ip_address", META}, "read", "tenant", {EMP, EXT}, {"monitoring"}),
    ("IdentityRiskyUser.Read.All", A, {"user.behavior", "user.unique_id"}, "read", "tenant", {EMP, GUEST}, {"monitoring"}),  # issue 12: no IP/location
    ("IdentityRiskEvent.Read.All", D, {AUTH, "user.device.ip_address"}, "read", "directory", {EMP}, {"monitoring"}),
    ("AttackSimulation.Read.All", A, {"user.behavior"}, "read", "tenant", {EMP}, {"monitoring"}),
    # devices
    ("Device.Read.All", A, {"user.device", "user.name"}, "read", "tenant", {EMP}, set()),
    ("DeviceManagementManagedDevices.Read.All", D, {"user.device.device_id", "user.account.username"}, "read", "directory", {EMP}, set()),
    ("BitlockerKey.Read.All", A, {"user.authorization.credentials"}, "read", "tenant", {EMP}, {"credentials"}),
    ("BitlockerKey.ReadBasic.All", A, {"user.device.device_id"}, "read", "tenant", {EMP}, set()),
    ("BitlockerKey.Read.All", D, {"user.authorization.credentials"}, "read", "signed-in-user", {EMP}, {"credentials"}),  # issue 12: own devices only
    # issue 12 map corrections: too narrow before
    ("User.Read.All", A, {"user.demographic.date_of_birth", "user.workplace"}, "read", "tenant", {EMP, GUEST}, set()),
    ("Directory.Read.All", A, {"user.demographic.date_of_birth", "user.workplace"}, "read", "tenant", {EMP, GUEST}, {"group-names"}),
    ("PendingExternalUserProfile.Read.All", A, {"user.contact.address", "user.contact.phone_number", "user.job_title", "user.contact.organization"}, "read", "tenant", {GUEST}, set()),
    ("AuditLogsQuery.Read.All", A, {USAGE, AUTH, META}, "read", "tenant", {EMP, GUEST}, {"monitoring"}),
    # issue 12 map corrections: too broad before (no content)
    ("BackupRestore-Restore.Read.All", A, {"user.unique_id"}, "read", "tenant", {EMP}, set()),
    ("Calls.JoinGroupCallAsGuest.All", A, {"user.behavior.call_log"}, "full", "tenant", {EMP}, set()),
    # August 2026 names (issue 9 item 15)
    ("CallRecordings.Read.All", A, {MEETING, "user.behavior.call_log"}, "read", "tenant", {EMP, EXT}, {"content", "monitoring"}),
    ("CallTranscripts.Read.All", D, {MEETING}, "read", "users-with-access", {EMP, EXT}, {"content", "monitoring"}),
    ("CallAiInsights.Read.All", A, {MEETING}, "read", "tenant", {EMP, EXT}, {"content", "monitoring"}),
    ("ExchangeMessageTrace.Read.All", D, {META}, "read", "directory", {EMP, EXT}, {"monitoring"}),
    ("UserAuthMethod-Phone.ReadWrite.All", A, {"user.authorization", "user.contact.phone_number"}, "write", "tenant", {EMP, GUEST}, {"credentials"}),
    ("UserCloudClipboard.Read", D, {"user.content.private"}, "read", "signed-in-user", {EMP}, {"content"}),
    ("AppRoleAssignment.ReadWrite.All", A, {"user.authorization"}, "write", "tenant", {EMP}, {"takeover"}),
    ("RoleManagement.ReadWrite.Directory", A, {"user.authorization"}, "write", "tenant", {EMP}, {"takeover"}),
    # roles and access (limited personal data, directory reach)
    ("RoleManagement.Read.Directory", D, {"user.authorization"}, "read", "directory", {EMP}, set()),
    ("PrivilegedAccess.Read.AzureAD", D, {"user.authorization"}, "read", "directory", {EMP}, set()),
    # education: students (often minors) and their parents
    ("EduRoster.Read.All", A, {"user.demographic.date_of_birth", "user.contact.address"}, "read", "tenant", {STUDENT, CONTACT}, set()),
    ("EduRoster.ReadBasic.All", A, {"user.name"}, "read", "tenant", {STUDENT}, set()),
    ("EduAssignments.Read.All", A, {"user.content.private"}, "read", "tenant", {STUDENT}, set()),
    ("EduReports-Reflect.Read.All", A, {"user.content.private", USAGE}, "read", "tenant", {STUDENT}, set()),
    # print, bookings
    ("PrintJob.Read.All", A, {FILES, "user.name"}, "read", "tenant", {EMP}, {"content"}),
    ("PrintJob.ReadBasic.All", A, {"user.name", "user.account.username", USAGE}, "read", "tenant", {EMP}, set()),
    ("Bookings.Read.All", A, {"user.contact.phone_number", "user.contact.address"}, "read", "tenant", {CONTACT, EMP}, set()),
    ("BookingsAppointment.ReadWrite.All", D, {CAL}, "write", "users-with-access", {CONTACT}, set()),
]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "kind", "categories", "access", "reach", "subjects", "signals"),
    GOLDEN,
    ids=[f"{row[0]}/{row[1]}" for row in GOLDEN],
)
def test_golden_review(
    value: str,
    kind: str,
    categories: set[str],
    access: str,
    reach: str,
    subjects: set[str],
    signals: set[str],
) -> None:
    c = classify_permission(value, kind)  # type: ignore[arg-type]
    assert c is not None and c.classified and c.personal, c
    missing = categories - set(c.categories)
    assert not missing, f"{value}: categories lost {sorted(missing)}"
    assert (c.access, c.reach) == (access, reach)
    assert subjects <= set(c.subjects), f"{value}: subjects {c.subjects}"
    assert set(c.signals) == signals, f"{value}: signals {c.signals}"


# Reviewed as opening no personal data themselves, but a path to take over identities or grant
# themselves more access (issue 12 item 1): signal "takeover", reach tenant.
TAKEOVER = ["Application.ReadWrite.All", "Domain.ReadWrite.All",
            "TeamsAppInstallation.ManageSelectedForUser.All",
            "TeamsAppInstallation.ReadWriteAndConsentForUser.All"]  # fmt: skip


@pytest.mark.parametrize("value", TAKEOVER)
def test_golden_takeover(value: str) -> None:
    c = classify_permission(value, "application")
    assert c is not None and c.classified and not c.personal and c.note
    assert c.signals == ("takeover",) and c.reach == "tenant"


# Reviewed as opening no personal data (with the reason a reviewer can check).
NOT_PERSONAL = [
    "Policy.Read.All", "Policy.Read.ConditionalAccess", "Organization.Read.All",
    "Application.Read.All", "Insights-UserMetric.Read.All", "ThreatIndicators.Read.All",
    "TeamsAppInstallation.ReadForUser", "Printer.Read.All", "RoleManagementPolicy.Read.Directory",
    "offline_access", "AgentIdentity.Read.All", "CopilotPolicySettings.Read",
    "SensitivityLabels.Read.All", "IdentityRiskyAgent.Read.All",
]  # fmt: skip


@pytest.mark.parametrize("value", NOT_PERSONAL)
def test_golden_not_personal(value: str) -> None:
    kind = "delegated" if value == "offline_access" else "application"
    c = classify_permission(value, kind)  # type: ignore[arg-type]
    assert c is not None and c.classified and not c.personal and c.note


def test_teamwork_migrate_is_personal_although_its_family_is_not() -> None:
    migrate = classify_permission("Teamwork.Migrate.All", "application")
    settings = classify_permission("Teamwork.Read.All", "application")
    assert migrate is not None and migrate.personal and CHAT in migrate.categories
    assert settings is not None and not settings.personal


def test_member_read_hidden_delegated_reaches_only_what_the_user_may_see() -> None:
    c = classify_permission("Member.Read.Hidden", "delegated")
    assert c is not None and c.reach == "users-with-access"
