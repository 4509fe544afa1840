"""The archive in the admin: the block on the case view, its two actions (a
post's public title and screening; sending a failed post again) and the
archive overview.

The actions load the input through feedback's `submission_for_user`, the same
selector as the case view: a post of an input the user cannot see is a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from feedback.permissions import is_feedback_editor
from feedback.selectors import submission_for_user

from . import selectors, services
from .admin_forms import PostMetadataForm
from .choices import SENDABLE_STATES, ArchiveState
from .models import ArchivePost


def _case_url(submission) -> str:
    return reverse("feedback_inbox:inspect", args=(submission.pk,)) + "#arkiv"


class ArchivePanel(Component):
    """The archive block on the case view: the case folder's numbers and each
    post's state; the input's public title and screening while it can still
    be changed."""

    template_name = "records/admin/case_panel.html"

    def __init__(self, request, submission):
        self.request, self.submission = request, submission

    def get_context_data(self, parent_context=None):
        posts = selectors.posts_of(self.submission)
        first = next((p for p in posts if p.event_id is None), None)
        form = None
        if first is not None and first.state in (
            *SENDABLE_STATES,
            ArchiveState.NOT_REQUIRED,
        ):
            form = PostMetadataForm(
                initial={
                    "public_title": first.public_title,
                    "screening_code": first.screening_code,
                    "screening_authority": first.screening_authority,
                },
                auto_id="arkiv_%s",
            )
        return {
            "submission": self.submission,
            "posts": posts,
            "case": first.case if first else None,
            "first": first,
            "form": form,
            "portal_is_archive_path": selectors.portal_is_archive_path(),
            "ArchiveState": ArchiveState,
            "request": self.request,
        }


def case_panels(request, submission):
    return [ArchivePanel(request, submission)]


def _post_of(request, pk: int, post_pk: int) -> ArchivePost:
    submission = submission_for_user(request.user, pk)
    post = ArchivePost.objects.filter(pk=post_pk, submission=submission).first()
    if post is None:
        raise Http404
    return post


@require_POST
def post_metadata(request, pk: int, post_pk: int):
    post = _post_of(request, pk, post_pk)
    form = PostMetadataForm(request.POST, auto_id="arkiv_%s")
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(_case_url(post.submission))
    try:
        services.post_update_metadata(
            post=post,
            by=request.user,
            public_title=form.cleaned_data["public_title"],
            screening_code=form.cleaned_data["screening_code"],
            screening_authority=form.cleaned_data["screening_authority"],
        )
    except services.AlreadyArchived:
        messages.error(
            request,
            gettext(
                "The archive already has this post: change its title or "
                "screening in the archive system."
            ),
        )
    else:
        messages.success(request, gettext("The archive details were saved."))
    return redirect(_case_url(post.submission))


@require_POST
def post_retry(request, pk: int, post_pk: int):
    post = _post_of(request, pk, post_pk)
    services.post_retry(post=post, by=request.user)
    messages.success(request, gettext("The post will be sent to the archive again."))
    return redirect(_case_url(post.submission))


class ArchiveOverviewView(WagtailAdminTemplateMixin, TemplateView):
    """How the archiving stands: the chosen archive path and transport, posts
    per state, and the ones that failed or are late. For the triage unit and
    superusers (the municipality's archive contacts)."""

    template_name = "records/admin/overview.html"
    page_title = _("Archive")
    header_icon = "folder-open-inverse"

    def dispatch(self, request, *args, **kwargs):
        if not is_feedback_editor(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        from django.conf import settings

        context = super().get_context_data(**kwargs)
        counts = selectors.state_counts()
        context.update(
            {
                "portal_is_archive_path": selectors.portal_is_archive_path(),
                "transport": settings.PORTAL_ARCHIVE.get("TRANSPORT", "folder"),
                "counts": [
                    (label, counts.get(value, 0))
                    for value, label in ArchiveState.choices
                ],
                "failed": list(
                    ArchivePost.objects.filter(state=ArchiveState.FAILED)
                    .select_related("submission", "case")
                    .order_by("document_date")[:100]
                ),
                "late": list(selectors.late_posts()[:100]),
            }
        )
        return context


class RightsInboxPanel(Component):
    """Above the inbox, for those who handle rights requests: the open ones and
    the nearest answer-by day (GDPR art. 12(3))."""

    template_name = "records/admin/rights_inbox_panel.html"

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        from . import rights

        if not rights.can_handle(self.request.user):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        from . import rights

        rows = [
            {"request": r, "due": rights.due_on(r), "overdue": rights.is_overdue(r)}
            for r in rights.open_requests()[:5]
        ]
        return {"rows": rows, "count": rights.open_requests().count()}
