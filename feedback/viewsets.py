"""Wagtail admin for resident inputs: the inbox, the case view, topics and rules,
grouped under one "Inputs" menu.

Every view that shows or changes a submission starts from
`selectors.submissions_visible_to(request.user)`: the list, the case view, the
export, the bulk actions and the attachment download. A submission outside the
user's units is a 404, exactly like one that does not exist.
"""

from django.contrib.admin.utils import quote
from django.contrib.auth.models import Permission
from django.http import Http404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import (
    BulkActionsCheckboxColumn,
    Column,
    DateColumn,
    StatusTagColumn,
    TitleColumn,
)
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from portal.exports import SafeExportMixin

from . import admin_views, clocks
from .choices import InputKind, Status
from .filters import SubmissionFilterSet
from .models import KindDeadline, ResponseTemplate, RoutingRule, Submission, Topic
from .permissions import is_feedback_editor, is_unit_member
from .selectors import submissions_matching_person, submissions_visible_to

PERSON_FLAG = admin_views.PERSON_FLAG
PERSON_SESSION_KEY = admin_views.PERSON_SESSION_KEY


class InboxView(SafeExportMixin, generic.IndexView):
    """The unit inbox: submissions the user may see, newest first."""

    page_title = _("Inbox")
    default_ordering = "-created_at"
    # Not names or e-mail addresses: this query is in the URL, and URLs end up
    # in access logs. Names and texts are searched by a POST kept in the
    # session (admin_views.inbox_person_search, `person_query`).
    search_fields = ["reference", "subject"]
    search_backend_name = None
    export_filename = "innspill"
    list_export = [
        "reference",
        "get_kind_display",
        "get_status_display",
        "topic_name",
        "unit_name",
        "created_at",
        "due_at",
        "first_answered_at",
        "interim_reply_at",
        "closed_at",
        "assigned_name",
        "subject",
        "text",
        "has_email",
    ]
    export_headings = {
        "reference": _("Reference"),
        "get_kind_display": _("Kind"),
        "get_status_display": _("Status"),
        "topic_name": _("Topic"),
        "unit_name": _("Unit"),
        "created_at": _("Received"),
        "due_at": _("First answer due"),
        "first_answered_at": _("First answered"),
        "interim_reply_at": _("Interim reply sent"),
        "closed_at": _("Closed"),
        "assigned_name": _("Assigned to"),
        "subject": _("Subject"),
        "text": _("Text"),
        "has_email": _("Has e-mail address"),
    }

    def get_base_queryset(self):
        # The clock_* columns: the row's flags come from the same rules as the
        # dashboard's counts and the deadline filter (feedback.clocks).
        qs = clocks.with_clocks(
            submissions_visible_to(self.request.user).select_related(
                "topic", "unit", "assigned_to"
            )
        )
        if self.person_query:
            qs = submissions_matching_person(qs, self.person_query)
        return qs

    @cached_property
    def person_query(self) -> str:
        """The search in names and texts: POSTed, kept in the session, applied
        only where the URL carries the flag (so a dashboard's link always opens
        the whole list it counted)."""
        if PERSON_FLAG not in self.request.GET:
            return ""
        return self.request.session.get(PERSON_SESSION_KEY, "")

    @cached_property
    def columns(self):
        # The headers (labels, sort links, select-all) come from these columns;
        # the rows are rendered from inbox_row() in inbox_results.html.
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="submission"),
            TitleColumn(
                "reference",
                label=_("Reference"),
                sort_key="reference",
                get_url=lambda obj: reverse(
                    self.inspect_url_name, args=(quote(obj.pk),)
                ),
                get_title_id=lambda obj: f"submission_{obj.pk}_title",
            ),
            Column(
                "subject_short",
                label=_("Subject"),
                accessor=lambda obj: Truncator(obj.subject or obj.text).chars(60),
            ),
            Column(
                "kind",
                label=_("Kind"),
                accessor="get_kind_display",
                sort_key="kind",
            ),
            Column(
                "topic",
                label=_("Topic"),
                accessor=lambda obj: obj.topic.display_name if obj.topic else "",
            ),
            Column(
                "unit",
                label=_("Unit"),
                sort_key="unit__name",
                accessor=lambda obj: obj.unit.display_name if obj.unit else "",
            ),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor="get_status_display",
                sort_key="status",
                primary=lambda obj: obj.is_open,
            ),
            DateColumn("created_at", label=_("Received"), sort_key="created_at"),
            Column("due_at", label=_("Due"), sort_key="due_at"),
            Column(
                "assigned_to",
                label=_("Assigned to"),
                accessor=lambda obj: _user_name(obj.assigned_to),
            ),
        ]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if not self.is_export:
            context["inbox_rows"] = [
                self.inbox_row(obj) for obj in context["object_list"]
            ]
            # Panels of apps above feedback (records: open rights requests),
            # from the Wagtail hook «feedback_inbox_panels» (request) -> list.
            context["person_query"] = self.person_query
            context["person_query_kept"] = self.request.session.get(
                PERSON_SESSION_KEY, ""
            )
            context["inbox_panels"] = [
                panel
                for panels in hooks.get_hooks("feedback_inbox_panels")
                for panel in panels(self.request)
            ]
        return context

    @cached_property
    def _choice_labels(self) -> dict[str, dict[str, str]]:
        # get_FOO_display() rebuilds the field's whole choice map, translating
        # every lazy label, on each call: twice per row. Translate them once.
        return {
            "kind": {value: str(label) for value, label in InputKind.choices},
            "status": {value: str(label) for value, label in Status.choices},
        }

    def inbox_row(self, obj) -> dict:
        """Everything one inbox row shows, computed once in Python; the results
        template renders all rows in one loop instead of a template per cell."""
        labels = self._choice_labels
        now = timezone.now()
        age_days = (now - obj.created_at).days
        created = timezone.localtime(obj.created_at)
        due = clocks.deadline_on(obj)
        return {
            "pk": str(obj.pk),  # a string: never localised (no "6 526")
            "url": reverse(self.inspect_url_name, args=(quote(obj.pk),)),
            "reference": obj.reference,
            "subject": Truncator(obj.subject or obj.text).chars(60),
            "kind": labels["kind"].get(obj.kind, obj.kind),
            "topic": obj.topic.display_name if obj.topic else "",
            "unit": obj.unit.display_name if obj.unit else "",
            "status": labels["status"].get(obj.status, obj.status),
            "is_open": obj.is_open,
            "created_iso": created.isoformat(),
            "created_title": date_format(created, "SHORT_DATETIME_FORMAT"),
            "age": ngettext("%(days)d day", "%(days)d days", age_days)
            % {"days": age_days}
            if age_days
            else gettext("Today"),
            "due": date_format(due, "SHORT_DATE_FORMAT") if due else "",
            "due_iso": due.isoformat() if due else "",
            "promised": obj.promised_on is not None,
            "overdue": obj.clock_overdue,
            "interim_owed": obj.clock_interim_owed,
            "assigned": _user_name(obj.assigned_to),
        }

    def get_list_more_buttons(self, instance):
        # The case view is the only per-row action; no edit/delete/copy.
        return []

    # --- export: computed columns (cells are defused by SafeExportMixin) ------

    def to_row_dict(self, item):
        item.topic_name = item.topic.display_name if item.topic else ""
        item.unit_name = item.unit.display_name if item.unit else ""
        item.assigned_name = _user_name(item.assigned_to)
        item.has_email = _("Yes") if item.contact_email else _("No")
        return super().to_row_dict(item)


def _user_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


class SubmissionViewSet(ModelViewSet):
    """The inbox and case view. No add, edit, copy or delete: residents create
    submissions, handlers act on them through the case view's service calls."""

    model = Submission
    # The namespace is what other code reverses (feedback.tasks links e-mails to
    # "feedback_inbox:inspect"); the prefix is the Norwegian URL.
    name = "feedback_inbox"
    url_prefix = "innspill"
    icon = "mail"
    menu_label = _("Inbox")
    index_view_class = InboxView
    # What the export holds (SafeExportMixin adds the day), not the model's name.
    export_filename = "innspill"
    index_template_name = "feedback/admin/inbox.html"
    index_results_template_name = "feedback/admin/inbox_results.html"
    inspect_view_class = admin_views.CaseView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    filterset_class = SubmissionFilterSet

    def get_common_view_kwargs(self, **kwargs):
        kwargs = super().get_common_view_kwargs(**kwargs)
        # Point every generic "edit" link (title column, audit log, URL finder) at
        # the case view; there is no edit form.
        for name in (
            "add_url_name",
            "edit_url_name",
            "delete_url_name",
            "copy_url_name",
            "usage_url_name",
            "history_url_name",
        ):
            kwargs[name] = None
        return kwargs

    @property
    def url_finder_class(self):
        from wagtail.admin.admin_url_finder import ModelAdminURLFinder

        return type(
            "_SubmissionURLFinder",
            (ModelAdminURLFinder,),
            {"edit_url_name": self.get_url_name("inspect")},
        )

    def get_permissions_to_register(self):
        # Access comes from unit membership, not group permissions: nothing to
        # offer in the group editor.
        return Permission.objects.none()

    def get_urlpatterns(self):
        # Only the inbox, the case view and attachments: no add/edit/delete/copy.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(
                "sok-i-innhold/",
                admin_views.inbox_person_search,
                name="person_search",
            ),
            path("sak/<int:pk>/", self.inspect_view, name="inspect"),
            path(
                "sak/<int:pk>/vedlegg/<int:attachment_pk>/",
                admin_views.attachment_download,
                name="attachment",
            ),
        ]

    @cached_property
    def menu_item_class(self):
        from wagtail.admin.menu import MenuItem

        return type(
            "InboxMenuItem",
            (MenuItem,),
            {"is_shown": lambda self, request: is_unit_member(request.user)},
        )


class FeedbackEditorViewSetMixin:
    """Topics and rules are set-up, not cases: only feedback editors see them."""

    @cached_property
    def menu_item_class(self):
        from wagtail.admin.menu import MenuItem

        model = self.model

        def is_shown(_self, request):
            from wagtail.permissions import policy_registry

            return policy_registry.get_by_type(model).user_has_any_permission(
                request.user, ["add", "change", "delete"]
            )

        return type(
            f"{self.model.__name__}MenuItem", (MenuItem,), {"is_shown": is_shown}
        )


class TopicViewSet(FeedbackEditorViewSetMixin, ModelViewSet):
    model = Topic
    name = "feedback_topic"
    url_prefix = "innspill/emner"
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "name_en", "default_unit", "active", "sort_order"]
    list_filter = ["active", "default_unit"]
    search_fields = ["name", "name_en", "description"]
    search_backend_name = None
    form_fields = [
        "name",
        "name_en",
        "slug",
        "description",
        "default_unit",
        "active",
        "sort_order",
    ]
    copy_view_enabled = False
    ordering = ["sort_order", "name"]


class RoutingRuleViewSet(FeedbackEditorViewSetMixin, ModelViewSet):
    model = RoutingRule
    name = "feedback_rule"
    url_prefix = "innspill/regler"
    icon = "resubmit"
    menu_label = _("Routing rules")
    list_display = ["__str__", "priority", "unit", "kind", "topic", "active"]
    list_filter = ["active", "unit", "kind", "topic"]
    search_fields = ["name", "keywords", "postcodes"]
    search_backend_name = None
    # Panels rather than form_fields: the page gets Wagtail's page chooser.
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("priority"), FieldPanel("active")]),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("topic"),
                FieldPanel("page"),
                FieldPanel("include_subtree"),
                FieldPanel("keywords"),
                FieldPanel("postcodes"),
            ],
            heading=_("Conditions (all that are set must hold)"),
        ),
        FieldPanel("unit"),
    ]
    ordering = ["priority", "id"]
    edit_template_name = "feedback/admin/routingrule_edit.html"
    create_template_name = "feedback/admin/routingrule_edit.html"


class FeedbackToolsViewSet(ViewSet):
    """Reports and tools that are not a model listing: unit report, page feedback,
    try the rules. (Rights requests: records.)"""

    name = "feedback_tools"
    url_prefix = "innspill/verktoy"
    icon = "table"
    menu_label = _("Unit report")

    def get_urlpatterns(self):
        return [
            path("rapport/", admin_views.UnitReportView.as_view(), name="report"),
            path(
                "sidetilbakemeldinger/",
                admin_views.PageFeedbackReportView.as_view(),
                name="page_feedback",
            ),
            path("prov-reglene/", admin_views.TryRulesView.as_view(), name="try_rules"),
        ]

    @cached_property
    def menu_item_class(self):
        from wagtail.admin.menu import MenuItem

        return type(
            "UnitReportMenuItem",
            (MenuItem,),
            {"is_shown": lambda self, request: is_unit_member(request.user)},
        )


class _ToolMenu(ViewSet):
    """A menu entry pointing at one of FeedbackToolsViewSet's URLs."""

    url_name = ""
    shown_for = staticmethod(is_unit_member)

    def get_urlpatterns(self):
        return []

    @cached_property
    def menu_url(self):
        return reverse(self.url_name)

    def on_register(self):
        # The group registers the menu item; there are no URLs of our own.
        pass

    @cached_property
    def menu_item_class(self):
        from wagtail.admin.menu import MenuItem

        shown_for = self.shown_for
        return type(
            f"{self.__class__.__name__}MenuItem",
            (MenuItem,),
            {"is_shown": lambda self, request: shown_for(request.user)},
        )


class PageFeedbackMenu(_ToolMenu):
    name = "feedback_page_feedback_menu"
    icon = "help"
    menu_label = _("Page feedback")
    url_name = "feedback_tools:page_feedback"
    shown_for = staticmethod(is_feedback_editor)


class TryRulesMenu(_ToolMenu):
    name = "feedback_try_rules_menu"
    icon = "resubmit"
    menu_label = _("Try the rules")
    url_name = "feedback_tools:try_rules"
    shown_for = staticmethod(is_feedback_editor)


class ResponseTemplateIndexView(generic.IndexView):
    def get_base_queryset(self):
        # Read through the policy: a lead lists her units' replies only.
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change"]
        ).select_related("unit")


class _PolicyScopedObject:
    """Edit and delete read the object through the policy too: another unit's
    reply is a 404, as another unit's case is."""

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        ):
            raise Http404
        return obj


class ResponseTemplateEditView(_PolicyScopedObject, generic.EditView):
    pass


class ResponseTemplateDeleteView(_PolicyScopedObject, generic.DeleteView):
    pass


class ResponseTemplateViewSet(FeedbackEditorViewSetMixin, ModelViewSet):
    """Standard replies: the feedback editors write them for all units; a
    unit's lead writes her units' own (permissions.ResponseTemplatePolicy)."""

    model = ResponseTemplate
    index_view_class = ResponseTemplateIndexView
    edit_view_class = ResponseTemplateEditView
    delete_view_class = ResponseTemplateDeleteView
    name = "feedback_template"
    url_prefix = "innspill/standardsvar"
    icon = "doc-full"
    menu_label = _("Standard replies")
    list_display = ["title", "unit", "language"]
    list_filter = ["unit", "language"]
    search_fields = ["title", "text"]
    search_backend_name = None
    form_fields = ["title", "unit", "language", "text"]
    copy_view_enabled = False
    ordering = ["title"]

    def get_form_class(self, for_update=False):
        from django.forms import modelform_factory

        from .admin_forms import ResponseTemplateForm

        # Wagtail passes `for_user` to a PermissionedForm: the unit choices.
        return modelform_factory(
            self.model,
            form=ResponseTemplateForm,
            formfield_callback=self.formfield_for_dbfield,
            fields=self.form_fields,
        )


class KindDeadlineViewSet(FeedbackEditorViewSetMixin, ModelViewSet):
    """A unit's deadline for one kind of input (a question in 14 days, a
    suggestion in 30); set up by the feedback editors."""

    model = KindDeadline
    name = "feedback_deadline"
    url_prefix = "innspill/frister"
    icon = "time"
    menu_label = _("Deadlines per kind")
    list_display = ["unit", "kind", "days"]
    list_filter = ["unit", "kind"]
    form_fields = ["unit", "kind", "days"]
    copy_view_enabled = False
    ordering = ["unit__name", "kind"]


class FeedbackViewSetGroup(ViewSetGroup):
    menu_label = _("Inputs")
    menu_icon = "mail"
    menu_name = "innspill"
    menu_order = 150
    items = (
        SubmissionViewSet,
        FeedbackToolsViewSet,
        PageFeedbackMenu,
        TopicViewSet,
        RoutingRuleViewSet,
        ResponseTemplateViewSet,
        KindDeadlineViewSet,
        TryRulesMenu,
    )
