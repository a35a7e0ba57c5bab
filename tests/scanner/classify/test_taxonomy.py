from __future__ import annotations

from fideslang.default_taxonomy import DEFAULT_TAXONOMY

from m365inv.classify import covers, label, load_taxonomy


def test_custom_keys_have_fideslang_parents_and_do_not_clash() -> None:
    fides = {str(c.fides_key) for c in DEFAULT_TAXONOMY.data_category}
    tax = load_taxonomy()
    assert {"user.content.private.email", "user.behavior.presence"} <= set(tax.custom)
    for key, cat in tax.custom.items():
        assert key not in fides
        assert cat.parent in fides and key.startswith(cat.parent + ".")
        assert cat.name and cat.name_de and cat.description


def test_covers_is_hierarchy_aware() -> None:
    assert covers("user.contact", "user.contact.email")
    assert covers("user.contact.email", "user.contact.email")
    assert not covers("user.contact.email", "user.contact")
    assert not covers("user.contact", "user.contacts")  # prefix of a segment is not a parent
    assert covers("user.content.private", "user.content.private.email")


def test_label() -> None:
    assert label("user.content.private.email") == "E-mail content"
    assert label("user.contact.phone_number") == "phone number"
