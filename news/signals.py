from django.db.models.signals import post_delete, post_save

from portal import page_cache

# What saving a draft revision writes on the row: nothing the public sees.
DRAFT_BOOKKEEPING = frozenset({"latest_revision", "has_unpublished_changes"})


def _notice_saved(sender, instance, update_fields=None, **kwargs) -> None:
    if update_fields and set(update_fields) <= DRAFT_BOOKKEEPING:
        return
    page_cache.invalidate()


def connect() -> None:
    """A notice published, changed, unpublished or deleted shows on every page at
    once: a new page-cache generation drops the notices rendered for the last."""
    from .models import Notice

    post_save.connect(_notice_saved, sender=Notice, dispatch_uid="news.notice.saved")
    post_delete.connect(
        page_cache.invalidate, sender=Notice, dispatch_uid="news.notice.deleted"
    )
