"""Findings: what a DPO should look at, with evidence, as translatable messages.

Every finding carries a message key and parameters (``scanner/findings/messages.py``), the
English sentence rendered from them, and an evidence tuple naming the exact permissions
(``resource: value (kind)``), provisioning attributes, group names, sub-processors or policy
facts behind it. Severities follow one scale (``severity.py``), so ``--fail-on`` means the same
for every code; what counts as sensitive data is the explicit list in ``sensitive.py``:

``critical``
    Reserved; no rule emits it today (kept so a policy gate can sit above ``high``).
``high`` — a third party can reach sensitive data of many people, or act as them:
    CONTENT_ACCESS to everyone's mail, chats, meetings or files; EMPLOYEE_MONITORING;
    SEND_AS_ANY_USER (application Mail.Send / SMTP.SendAsApp); TENANT_WIDE_WRITE (application
    write to mail, contacts, calendars); MAILBOX_FORWARDING (MailboxSettings.ReadWrite: inbox
    rules route mail outward); PRIVILEGE_ESCALATION (Application.ReadWrite.All,
    Domain.ReadWrite.All, TeamsAppInstallation.ManageSelectedForUser.All …); ART9_GROUP_NAME;
    UNDISCLOSED_CATEGORY when the undisclosed data is sensitive; REACH_WIDER_THAN_DISCLOSED;
    POSSIBLE_IMPERSONATION (a look-alike of a vendor whose real app belongs to another owner).
``medium`` — something a DPO must check, but not known to be wrong:
    CONTENT_ACCESS limited to signing-in users or selected resources; SENSITIVE_GROUP_NAME
    (works council, disability representation); UNDISCLOSED_CATEGORY for other data;
    NO_DISCLOSURE_ON_FILE; VENDOR_MATCH_UNCONFIRMED; UNVERIFIED_PUBLISHER when the app reaches
    the whole tenant; STALE_POLICY and POLICY_UNDATED; THIRD_COUNTRY_SUBPROCESSOR without a
    mechanism for every recipient; STORED_IMPERSONATION_CREDENTIAL; PROCESSOR_WITHOUT_DPA;
    UNRESOLVED_PERMISSION and UNCLASSIFIED_PERMISSION; STALE_APP (an app with personal-data
    reach and no sign-in for ``--inactive-days``, ``activity.py``).
``low`` — context worth recording:
    UNVERIFIED_PUBLISHER when the app reaches only its own users; THIRD_COUNTRY_SUBPROCESSOR
    with a mechanism for every recipient; GUESTS_REACHED (Art. 14 information duty);
    PROCESSING_LOCATION_UNKNOWN.
``info``
    Facts without a judgement (not emitted by the rules today).

Vendor-level findings are attached once per vendor, to its first app (by display name, appId).
Microsoft's own apps and the scanner's app get no findings.
"""

from m365inv.findings.art9 import art9_labels, employee_sensitive_labels, group_name_labels
from m365inv.findings.rules import FindingOptions, order
from m365inv.findings.severity import SEVERITY_RANK, severity_at_least

__all__ = [
    "SEVERITY_RANK",
    "FindingOptions",
    "art9_labels",
    "employee_sensitive_labels",
    "group_name_labels",
    "order",
    "severity_at_least",
]
