"""The admin shows stuck and failed e-mails (issue 12 §1), read-only, to
those who may see the outbox; nobody else."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from outbox.models import Email, EmailStatus
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows():
    old = timezone.now() - datetime.timedelta(hours=1)
    stuck = Email.objects.create(key="feedback.receipt:1", builder="x")
    failed = Email.objects.create(
        key="feedback.receipt:2",
        builder="x",
        status=EmailStatus.FAILED,
        attempts=5,
        last_error="SMTPServerDisconnected",
    )
    sent = Email.objects.create(key="feedback.receipt:3", builder="x")
    Email.objects.filter(pk=stuck.pk).update(created_at=old)
    Email.objects.filter(pk=sent.pk).update(status=EmailStatus.SENT, created_at=old)
    fresh = Email.objects.create(key="feedback.receipt:4", builder="x")
    return {"stuck": stuck, "failed": failed, "sent": sent, "fresh": fresh}


def test_stuck_and_failed_listed(client, rows):
    client.force_login(UserFactory(username="root", is_superuser=True))
    response = client.get(reverse("outbox_email:index"), {"state": "problem"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "feedback.receipt:1" in html and "feedback.receipt:2" in html
    assert "SMTPServerDisconnected" in html
    assert "feedback.receipt:3" not in html  # sent
    assert "feedback.receipt:4" not in html  # queued, within the lease


def test_nobody_edits_an_email(client, rows):
    client.force_login(UserFactory(username="root", is_superuser=True))
    edit = reverse("outbox_email:edit", args=[rows["stuck"].pk])
    assert client.get(edit).status_code in (302, 403)
    assert client.get(reverse("outbox_email:add")).status_code in (302, 403)


def test_staff_without_permission_refused(client, rows):
    staff = UserFactory(username="handler")
    from django.contrib.auth.models import Permission

    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    response = client.get(reverse("outbox_email:index"))
    assert response.status_code in (302, 403)
