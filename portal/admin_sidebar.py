"""The Wagtail admin's sidebar (main menu, search, account menu), built once per
user and page-cache generation instead of on every admin request; and its
keyboard-shortcuts dialog, which is the same for everyone with the same
language, platform and shortcut setting.

Wagtail's ``{% sidebar_props %}`` asks every menu item's ``is_shown()`` (three
permission queries: pages, collections, sites) and packs the whole menu as JSON:
about 8 ms of a 40 ms case view in the inbox. What it shows depends on the user
and the language only, never on the request: the key holds the user, her name,
e-mail and avatar, her Django permissions (loaded for the admin access check
anyway) and the language; a change of page, collection or site permissions, of
unit memberships or of a user's groups starts a new generation
(``portal.page_cache.invalidate``), as every publish already does.

Only what the menu shows is kept: every view checks access itself.
"""

import hashlib
import re

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.admin.templatetags import wagtailadmin_tags

from .page_cache import fragment, invalidate

_wagtail_sidebar_props = wagtailadmin_tags.sidebar_props
_wagtail_keyboard_shortcuts = wagtailadmin_tags.keyboard_shortcuts_dialog
_KEYBOARD_TEMPLATE = "wagtailadmin/shared/keyboard_shortcuts_dialog.html"
_MAC = re.compile(r"Mac|iPod|iPhone|iPad")  # as Wagtail tells the platform
_dialogs: dict[tuple, str] = {}


def sidebar_props(context):
    user = getattr(context.get("request"), "user", None)
    if user is None or not user.is_authenticated:
        return _wagtail_sidebar_props(context)
    profile = getattr(user, "wagtail_userprofile", None)
    fingerprint = repr(
        (
            user.pk,
            user.get_username(),
            user.first_name,
            user.email,
            user.is_superuser,
            user.is_active,
            str(getattr(profile, "avatar", "") or ""),
            sorted(user.get_all_permissions()),
            translation.get_language(),
        )
    )
    key = "admin-sidebar:" + hashlib.sha256(fingerprint.encode()).hexdigest()
    return fragment(key, lambda: _wagtail_sidebar_props(context))


def keyboard_shortcuts_dialog(context):
    """Wagtail's dialog (1.5 ms of template work per admin page), rendered once
    per language, platform and the user's shortcut setting."""
    request = context.get("request")
    if request is None:
        return render_to_string(
            _KEYBOARD_TEMPLATE, _wagtail_keyboard_shortcuts(context)
        )
    profile = getattr(getattr(request, "user", None), "wagtail_userprofile", None)
    key = (
        translation.get_language(),
        bool(_MAC.search(request.headers.get("User-Agent", ""))),
        bool(getattr(profile, "keyboard_shortcuts", True)),
        getattr(settings, "WAGTAILADMIN_COMMENTS_ENABLED", True),
    )
    html = _dialogs.get(key)
    if html is None:
        html = _dialogs[key] = render_to_string(
            _KEYBOARD_TEMPLATE, _wagtail_keyboard_shortcuts(context)
        )
    return mark_safe(html)  # noqa: S308 - Wagtail's own template, no user input


def install() -> None:
    """Replace the tag (before any admin template is compiled) and connect the
    changes that can show or hide a menu item."""
    from django.contrib.auth import get_user_model
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.models import (
        GroupCollectionPermission,
        GroupPagePermission,
        GroupSitePermission,
    )

    from units.models import Membership

    register = wagtailadmin_tags.register
    register.simple_tag(sidebar_props, takes_context=True, name="sidebar_props")
    register.simple_tag(
        keyboard_shortcuts_dialog, takes_context=True, name="keyboard_shortcuts_dialog"
    )
    uid = "portal.admin_sidebar"
    for model in (
        GroupPagePermission,
        GroupCollectionPermission,
        GroupSitePermission,
        Membership,
    ):
        post_save.connect(
            invalidate, sender=model, dispatch_uid=f"{uid}.saved.{model.__name__}"
        )
        post_delete.connect(
            invalidate, sender=model, dispatch_uid=f"{uid}.deleted.{model.__name__}"
        )
    m2m_changed.connect(
        invalidate, sender=get_user_model().groups.through, dispatch_uid=f"{uid}.groups"
    )
