"""Finding messages as keys + parameters, so a renderer can show them in any language.

Every finding carries ``key`` (e.g. ``finding.CONTENT_ACCESS.tenant``) and ``params`` (named
strings); ``message`` is the English text rendered from :data:`MESSAGES` — what the JSON feed,
the terminal and the tests read. A German (or any) renderer looks the key up in its own table and
fills the same ``{placeholders}``; a key it does not know falls back to ``message``. Parameter
values are data from the tenant or the catalog (names, counts, permission lists), never English
prose, so a translation needs no English fragment.
"""

from __future__ import annotations

from collections.abc import Iterable

from m365inv.models import Finding, Severity

MESSAGES: dict[str, str] = {
    "finding.UNRESOLVED_PERMISSION": "{app} holds a {kind} permission on {resource} whose name "
    "could not be resolved, so what it opens is unknown.",
    "finding.UNCLASSIFIED_PERMISSION": "{app} holds {permission} on {resource}, a permission "
    "m365inv cannot classify yet, so what personal data it opens needs a manual review.",
    "finding.EMPLOYEE_MONITORING": "{app} can read presence, call, meeting, sign-in, security or "
    "usage data about employees, which makes it a technical means to monitor behaviour or "
    "performance (in Germany subject to works-council co-determination under § 87 (1) Nr. 6 "
    "BetrVG).",
    "finding.CONTENT_ACCESS.tenant": "{app} can read the content of e-mails, chats, meetings or "
    "files of everyone in the tenant.",
    "finding.CONTENT_ACCESS.limited": "{app} can read the content of e-mails, chats, meetings or "
    "files that the signing-in users or selected resources give it access to.",
    "finding.SEND_AS_ANY_USER": "{app} can send e-mail as any user in the tenant (application "
    "permission), so mail that looks like it comes from any employee can come from this app.",
    "finding.TENANT_WIDE_WRITE": "{app} can change or delete the mail, contacts or calendars of "
    "everyone in the tenant without a signed-in user.",
    "finding.MAILBOX_FORWARDING": "{app} can change mailbox settings of every mailbox, including "
    "inbox rules that forward mail outside the organisation, so any mailbox's content can be "
    "routed out of the tenant.",
    "finding.PRIVILEGE_ESCALATION": "{app} holds a permission that lets it take over identities "
    "or grant itself more access (add credentials to apps, change domains or install apps for "
    "users), so what it can reach is not limited to what it holds today.",
    "finding.ART9_GROUP_NAME": "{app} can read group names and memberships, so {count} group "
    "name(s) revealing special categories of personal data (Art. 9 GDPR), such as trade union, "
    "health, religion, sexual orientation or political opinion, can be read by the app and by "
    "whoever operates it.",
    "finding.SENSITIVE_GROUP_NAME": "{app} can read group names and memberships, so {count} "
    "group(s) of employee representations (works council, disability representation) can be "
    "read by the app; membership is sensitive employee data, though not Art. 9 data.",
    "finding.GUESTS_REACHED": "{app} can reach data of guests ({count} guest accounts in the "
    "tenant): people outside the organisation who must be informed under Art. 14 GDPR.",
    "finding.UNDISCLOSED_CATEGORY.sensitive": "{app} can reach {count} data categories "
    "({categories}) that {vendor}'s privacy policy does not mention, among them content, "
    "monitoring, special-category or credential data.",
    "finding.UNDISCLOSED_CATEGORY": "{app} can reach {count} data categories ({categories}) that "
    "{vendor}'s privacy policy does not mention.",
    "finding.REACH_WIDER_THAN_DISCLOSED": "{app} can reach data of everyone in the tenant, while "
    "{vendor}'s privacy policy speaks only of the signed-in or selected users.",
    "finding.NO_DISCLOSURE_ON_FILE": "{app} can reach personal data, but no privacy-policy "
    "disclosure for its vendor is on file, so its data flows cannot be checked against one.",
    "finding.UNVERIFIED_PUBLISHER.tenant": "{app}: the publisher is not verified by Microsoft, "
    "yet the app reaches data of the whole tenant.",
    "finding.UNVERIFIED_PUBLISHER": "{app}: the publisher is not verified by Microsoft, so its "
    "identity rests on the publisher's own claims.",
    "finding.VENDOR_MATCH_UNCONFIRMED": "{app} looks like an app of {vendor} only by its {method}; "
    "until its app id or verified publisher confirms it, its flows are not checked against "
    "{vendor}'s privacy policy.",
    "finding.POSSIBLE_IMPERSONATION": "{app} carries {vendor}'s name but belongs to another owner "
    "tenant than {vendor}'s app in this tenant ({known}); it may impersonate {vendor}.",
    "finding.POLICY_UNDATED": "{vendor}'s privacy policy on file states no date or version date, "
    "so nobody can tell whether it is still the current version.",
    "finding.STALE_POLICY": "{vendor}'s privacy policy on file dates from {date}, more than "
    "{years} years ago, so it may no longer describe what the vendor does today.",
    "finding.THIRD_COUNTRY_SUBPROCESSOR.safeguarded": "{vendor} names sub-processors for its "
    "service in {country}, outside the EU/EEA, with a stated transfer mechanism for each.",
    "finding.THIRD_COUNTRY_SUBPROCESSOR": "{vendor} names sub-processors for its service in "
    "{country}, outside the EU/EEA, without stating a transfer mechanism for all of them.",
    "finding.STORED_IMPERSONATION_CREDENTIAL": "{vendor} states that it keeps a service-account "
    "password in reversibly encrypted form (as any outbound credential must be, since it is "
    "replayed rather than checked), so whoever holds that store can act as the account, often "
    "with access to every mailbox of a self-hosted Exchange; scope that account narrowly.",
    "finding.PROCESSOR_WITHOUT_DPA": "{vendor} processes personal data for you as a processor, but "
    "no data-processing agreement (Art. 28 GDPR, AVV) is on file for it.",
    "finding.STALE_APP": "{app} last signed in {days} days ago ({date}) but can still reach "
    "{count} personal-data category(ies): if it is no longer used, remove its permissions (or the "
    "app) and ask the vendor to delete the data.",
    "finding.STALE_APP.never": "{app} has no sign-in on record but can still reach {count} "
    "personal-data category(ies): if it is no longer used, remove its permissions (or the app) "
    "and ask the vendor to delete the data.",
    "finding.PROCESSING_LOCATION_UNKNOWN": "{vendor}'s privacy policy on file does not say where "
    "the service processes data, so third-country transfers cannot be ruled out.",
}


def make(
    code: str,
    severity: Severity,
    evidence: Iterable[str],
    *,
    variant: str | None = None,
    **params: object,
) -> Finding:
    """A finding whose message is rendered from its key; ``variant`` selects a sub-key."""
    key = f"finding.{code}" + (f".{variant}" if variant else "")
    values = {k: str(v) for k, v in params.items()}
    return Finding(
        code=code,
        severity=severity,
        message=MESSAGES[key].format(**values),
        evidence=tuple(evidence),
        key=key,
        params=values,
    )


__all__ = ["MESSAGES", "make"]
