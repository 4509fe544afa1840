"""A task for the database-restart test: it needs no table of its own, so the
throwaway cluster only holds the task queue."""

import time

from django_tasks import task


@task()
def tick(n: int) -> int:
    time.sleep(0.05)
    return n
