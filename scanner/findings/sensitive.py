"""Which data categories make a finding high: an explicit list, not a key prefix.

Issue 12 item 6: ``startswith("user.content")`` made a profile photo (``user.content.self_image``)
as severe as everyone's mailbox. High is: content (mail, files, chats, calendars, meetings,
notes), monitoring (presence, call logs, communication metadata, sign-ins, usage, browsing and
search history), special categories (Art. 9 GDPR) and criminal records (Art. 10), credentials.
Send-as and tenant-wide write are capabilities, not categories; they are signals of the
permission map (``send-as``, ``tenant-write``, ``forwarding``, ``takeover``).
"""

from __future__ import annotations

SENSITIVE_CATEGORIES: dict[str, str] = {
    # content
    "user.content.private": "content",
    # monitoring (§ 87 (1) Nr. 6 BetrVG)
    "user.behavior.presence": "monitoring",
    "user.behavior.call_log": "monitoring",
    "user.behavior.communications_metadata": "monitoring",
    "user.behavior.authentication_history": "monitoring",
    "user.behavior.service_usage": "monitoring",
    "user.behavior.browsing_history": "monitoring",
    "user.behavior.search_history": "monitoring",
    # Art. 9 special categories, Art. 10 criminal records
    "user.health_and_medical": "special-category",
    "user.biometric": "special-category",
    "user.demographic.race_ethnicity": "special-category",
    "user.demographic.religious_belief": "special-category",
    "user.demographic.sexual_orientation": "special-category",
    "user.demographic.political_opinion": "special-category",
    "user.criminal_history": "special-category",
    # credentials
    "user.authorization.credentials": "credentials",
    "user.authorization.password": "credentials",
    "user.authorization.biometric": "credentials",
}


def sensitivity(category: str) -> str | None:
    """Why ``category`` is sensitive ("content", "monitoring", …) or None when it is not."""
    key = category
    while key:
        if key in SENSITIVE_CATEGORIES:
            return SENSITIVE_CATEGORIES[key]
        key = key.rpartition(".")[0]
    return None


def is_sensitive(category: str) -> bool:
    return sensitivity(category) is not None


__all__ = ["SENSITIVE_CATEGORIES", "is_sensitive", "sensitivity"]
