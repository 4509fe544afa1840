"""Wagtail permission policies for the feedback admin.

Who may see a submission is decided by unit membership through
`selectors.submissions_visible_to()` / `can_act_on()`, not by Django model
permissions: a handler is "allowed" because she works in the unit, and no group
permission could express "only unit A's rows". These policies plug that rule into
Wagtail's generic views (menu, index, inspect, URL finder) so the views never fall
back to `ModelPermissionPolicy`, which would lock handlers out (they have no
`feedback.view_submission`) or let an editor with that permission see every unit.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import BasePermissionPolicy, ModelPermissionPolicy

from . import selectors

# Actions a unit member may take on the submissions she sees. Nobody adds (the
# residents do) and nobody deletes (anonymise instead: the case history stays).
MEMBER_ACTIONS = frozenset({"view", "change"})


def is_unit_member(user) -> bool:
    """Superusers and members of any unit (active users only). The menu, the
    index view and the policy each ask; `selectors.unit_access` answers all of
    them from one query per request."""
    return selectors.unit_access(user).is_member


def is_feedback_editor(user) -> bool:
    """Editors of the feedback set-up (topics, rules, try-the-rules, page-feedback
    report): superusers and members of the triage unit (Servicetorget)."""
    return selectors.unit_access(user).sees_all


class SubmissionPermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        return action in MEMBER_ACTIONS and is_unit_member(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        User = get_user_model()
        if not MEMBER_ACTIONS.intersection(actions):
            return User.objects.none()
        return User.objects.filter(
            Q(is_superuser=True) | Q(unit_memberships__isnull=False), is_active=True
        ).distinct()

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and selectors.can_act_on(
            user, instance
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return selectors.submissions_visible_to(user)

    def users_with_any_permission_for_instance(self, actions, instance):
        users = self.users_with_any_permission(actions)
        if instance.unit_id is None:
            return users.filter(
                Q(is_superuser=True) | Q(unit_memberships__unit__is_triage=True)
            )
        # Members of the unit, of a unit above it, of triage, and superusers.
        ancestors = instance.unit.ancestor_ids()
        return users.filter(
            Q(is_superuser=True)
            | Q(unit_memberships__unit__is_triage=True)
            | Q(unit_memberships__unit_id__in=ancestors)
        ).distinct()


class FeedbackEditorPermissionPolicy(ModelPermissionPolicy):
    """Topics and routing rules: the triage unit's members and superusers manage
    them; Django model permissions still work for anyone else given them
    explicitly (e.g. a communications group)."""

    def user_has_permission(self, user, action):
        return is_feedback_editor(user) or super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return is_feedback_editor(user) or super().user_has_any_permission(
            user, actions
        )

    def users_with_any_permission(self, actions):
        return (
            super().users_with_any_permission(actions)
            | get_user_model().objects.filter(
                is_active=True, unit_memberships__unit__is_triage=True
            )
        ).distinct()


class ResponseTemplatePolicy(FeedbackEditorPermissionPolicy):
    """Standard replies: feedback editors manage all of them; a unit's lead
    manages those of the units she leads (and sees the shared ones in the
    reply form, not here)."""

    def _leads(self, user) -> set[int]:
        return selectors.unit_access(user).led

    def user_has_permission(self, user, action):
        return super().user_has_permission(user, action) or bool(self._leads(user))

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, actions) or bool(self._leads(user))

    def user_has_permission_for_instance(self, user, action, instance):
        if is_feedback_editor(user):
            return True
        return instance.unit_id is not None and instance.unit_id in self._leads(user)

    def instances_user_has_any_permission_for(self, user, actions):
        if is_feedback_editor(user):
            return self.model._default_manager.all()
        return self.model._default_manager.filter(unit_id__in=self._leads(user))
