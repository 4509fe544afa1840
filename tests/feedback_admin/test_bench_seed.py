import pytest
from django.core.management import call_command
from django.urls import reverse

from feedback.models import Submission, SubmissionEvent

pytestmark = pytest.mark.django_db


def test_bench_seed_inserts_and_clears(units, topics, subs, client, people):
    call_command("bench_seed_submissions", count=50, batch=20, stdout=None)
    bench = Submission.objects.filter(reference__startswith="B")
    assert bench.count() == 50
    assert SubmissionEvent.objects.filter(submission__in=bench).count() >= 100
    # The rows are real enough for the inbox and the case view.
    client.force_login(people["superuser"])
    assert client.get(reverse("feedback_inbox:index")).status_code == 200
    one = bench.first()
    assert (
        client.get(reverse("feedback_inbox:inspect", args=[one.pk])).status_code == 200
    )
    call_command("bench_seed_submissions", count=0, clear=True, stdout=None)
    assert not Submission.objects.filter(reference__startswith="B").exists()
    assert Submission.objects.filter(pk=subs["a"].pk).exists()
