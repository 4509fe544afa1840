"""Signal handlers that keep the search index in step with the page tree and
the citizen proposals.

They only decide *which* entries changed; search.indexing does the work.
Connected in SearchConfig.ready().

Proposals: search sits above the proposals app (the import-linter layers), so
proposals cannot call search; search listens instead. Every write of what is
indexed (publication, refusal, submission, the council's outcome, an edit) goes
through Proposal.save(), and the proposal's key is refreshed in the same
transaction (through search/tasks.py for Elasticsearch): indexed when it is
public, removed when not. Anonymisation writes with update(), but touches
nothing that is indexed (the initiator's name never is).
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from . import indexing
from .documents import is_indexable


def on_published(sender, instance, **kwargs):
    # A topic's title is copied into its services' entries (the topic facet).
    from home.models import TopicPage

    if isinstance(instance, TopicPage):
        indexing.schedule((), subtree_of=instance)
    elif is_indexable(instance):
        indexing.schedule([instance.pk])


def on_unpublished(sender, instance, **kwargs):
    indexing.schedule([instance.pk])


def on_moved_or_renamed(sender, instance, **kwargs):
    indexing.schedule((), subtree_of=instance)


def on_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        indexing.schedule_removal([instance.pk])


def on_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        indexing.schedule((), subtree_of=page)


def on_proposal_saved(sender, instance, **kwargs):
    indexing.schedule([f"proposal:{instance.pk}"])


def on_proposal_deleted(sender, instance, **kwargs):
    indexing.schedule_removal([f"proposal:{instance.pk}"])


def connect():
    page_published.connect(on_published, dispatch_uid="portal_search_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="portal_search_unpublished")
    post_page_move.connect(on_moved_or_renamed, dispatch_uid="portal_search_moved")
    page_slug_changed.connect(
        on_moved_or_renamed, dispatch_uid="portal_search_slug_changed"
    )
    post_delete.connect(on_deleted, dispatch_uid="portal_search_deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"portal_search_restriction_{id(signal)}",
        )
    if apps.is_installed("proposals"):
        # A lazy sender ("app_label.Model"): no import of the proposals app.
        post_save.connect(
            on_proposal_saved,
            sender="proposals.Proposal",
            dispatch_uid="portal_search_proposal_saved",
        )
        post_delete.connect(
            on_proposal_deleted,
            sender="proposals.Proposal",
            dispatch_uid="portal_search_proposal_deleted",
        )
