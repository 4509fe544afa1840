"""Background index updates for the Elasticsearch backend (durable, retried by
the task worker), so publishing never waits for the search cluster."""

from django_tasks import task


@task()
def refresh_pages(page_ids: list[int]) -> None:
    from .indexing import refresh

    refresh(page_ids)


@task()
def remove_pages(page_ids: list[int]) -> None:
    from .indexing import remove

    remove(page_ids)
