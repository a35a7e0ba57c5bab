"""Findings: what a DPO should look at, with evidence.

Every finding is one plain English sentence plus an evidence tuple naming the exact permissions
(``resource: value (kind)``), provisioning attributes, group names, sub-processors or policy facts
behind it. Severities follow one scale, so ``--fail-on`` means the same for every code:

``critical``
    Reserved; no rule emits it today (kept so a policy gate can sit above ``high``).
``high`` — a third party can reach sensitive data of many people, or a vendor claim is unsafe:
    CONTENT_ACCESS to everyone's mail, chats, meetings or files (an application permission that is
    not narrowed, or a delegated one with directory reach); EMPLOYEE_MONITORING (presence, call
    records, meeting recordings, sign-in / audit / security / usage data); ART9_GROUP_NAME (group
    names revealing Art. 9 data visible to the vendor); UNDISCLOSED_CATEGORY when the undisclosed
    data is content, behaviour or credentials; REACH_WIDER_THAN_DISCLOSED;
    REVERSIBLE_PASSWORD_ENCRYPTION.
``medium`` — something a DPO must check, but not known to be wrong:
    CONTENT_ACCESS limited to signing-in users or selected resources; UNDISCLOSED_CATEGORY for
    other data; NO_DISCLOSURE_ON_FILE; UNVERIFIED_PUBLISHER when the app reaches the whole tenant;
    STALE_POLICY and POLICY_UNDATED (the policy cannot be trusted to be current);
    THIRD_COUNTRY_SUBPROCESSOR without a stated transfer mechanism; UNRESOLVED_PERMISSION and
    UNCLASSIFIED_PERMISSION (unknown what the permission opens).
``low`` — context worth recording:
    UNVERIFIED_PUBLISHER when the app reaches only its own users; THIRD_COUNTRY_SUBPROCESSOR with
    a stated transfer mechanism.
``info``
    Facts without a judgement (not emitted by the rules today).
"""

from scanner.findings.art9 import art9_labels
from scanner.findings.rules import SEVERITY_RANK, FindingOptions, order, severity_at_least

__all__ = ["SEVERITY_RANK", "FindingOptions", "art9_labels", "order", "severity_at_least"]
