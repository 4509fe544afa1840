"""Background index updates for the Elasticsearch backend (durable, retried by
the task worker), so publishing never waits for the search cluster.

The arguments are index keys ("page:12", "proposal:3"); page ids queued before
the index had keys still work (search.indexing.keys_of). The task names stay.
"""

from django_tasks import task


@task()
def refresh_pages(keys: list[str | int]) -> None:
    from .indexing import refresh

    refresh(keys)


@task()
def remove_pages(keys: list[str | int]) -> None:
    from .indexing import remove

    remove(keys)
