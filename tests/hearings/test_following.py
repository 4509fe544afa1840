"""Following hearings by e-mail (the portal's following machinery, tested for
itself in tests/following): double opt-in, signed links, one-click
unsubscribe, and daily notices that are sent once."""

import datetime
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from following.models import Notice, Subscription
from following.tokens import make_confirm_token, make_unsubscribe_token
from hearings.choices import NoticeKind
from hearings.models import HearingPage
from tests.factories import guard

from .conftest import make_hearing

pytestmark = pytest.mark.django_db
on_commit = None


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def link(message, name):
    urls = re.findall(r"https?://\S+", message.body)
    return next(u for u in urls if f"/folg/{name}/" in u)


@pytest.fixture(autouse=True)
def _run_on_commit(django_capture_on_commit_callbacks):
    # E-mails are queued on commit; run those callbacks as the request ends.
    global on_commit
    on_commit = django_capture_on_commit_callbacks


def subscribe(client, **data):
    with on_commit(execute=True):
        # POST/redirect/GET: follow the redirect to the «check your e-mail» page.
        return client.post(
            reverse("hearings:subscribe"), {**guard(), **data}, follow=True
        )


def test_double_opt_in_and_one_click_unsubscribe(client, open_hearing):
    response = subscribe(
        client, email="kari@example.org", scope="hearing", hearing=open_hearing.pk
    )
    assert response.status_code == 200
    subscription = Subscription.objects.get()
    assert not subscription.is_confirmed
    assert len(mail.outbox) == 1
    confirm = mail.outbox[0]
    assert confirm.to == ["kari@example.org"]
    assert (
        confirm.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    )
    assert "«Reguleringsplan for Nesbru»" in confirm.body
    # Opening the link only asks (a mail scanner opens links); the button confirms.
    path = link(confirm, "bekreft").removeprefix("http://testserver")
    assert client.get(path).status_code == 200
    subscription.refresh_from_db()
    assert not subscription.is_confirmed
    assert client.post(path).status_code == 302
    subscription.refresh_from_db()
    assert subscription.is_confirmed
    done = client.get(path).content.decode()
    assert open_hearing.url in done  # back to the hearing

    # List-Unsubscribe header: a GET only asks, the POST (RFC 8058) removes.
    header = confirm.extra_headers["List-Unsubscribe"]
    unsubscribe = header.strip("<>").removeprefix("http://testserver")
    assert client.get(unsubscribe).status_code == 200
    assert Subscription.objects.exists()
    csrf_client = client.__class__(enforce_csrf_checks=True)
    response = csrf_client.post(unsubscribe, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    # The same link again: politely refused, nothing to delete.
    assert csrf_client.post(unsubscribe).status_code == 400


def test_same_answer_for_known_and_unknown_address(client, open_hearing):
    first = subscribe(client, email="kari@example.org", scope="all")
    second = subscribe(client, email="KARI@example.org", scope="all")
    assert first.status_code == second.status_code == 200
    assert Subscription.objects.count() == 1
    Subscription.objects.update(confirmed_at=timezone.now())
    mail.outbox.clear()
    subscribe(client, email="kari@example.org", scope="all")
    assert mail.outbox == []  # already confirmed: nothing re-sent


@pytest.mark.parametrize(
    "tamper",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),
        lambda t: "x" + t,
        lambda t: "garbage",
    ],
)
def test_tampered_tokens_refused(client, open_hearing, tamper):
    subscription = Subscription.objects.create(
        email="a@example.org", channel="hearings"
    )
    bad_confirm = tamper(make_confirm_token(subscription))
    bad_unsub = tamper(make_unsubscribe_token(subscription))
    assert (
        client.post(reverse("following:confirm", args=[bad_confirm])).status_code == 400
    )
    assert (
        client.post(reverse("following:unsubscribe", args=[bad_unsub])).status_code
        == 400
    )
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None


def test_links_of_e_mails_sent_before_the_move_still_work(client):
    """Subscriptions kept their ids when they moved to following (migration
    hearings 0003): the old {"id", "e"} tokens still find them."""
    from django.core import signing

    subscription = Subscription.objects.create(
        email="Gammel@example.org", channel="hearings"
    )
    payload = {"id": subscription.pk, "e": "gammel@example.org"}
    confirm = signing.dumps(
        payload, salt="hearings.subscription.confirm", compress=True
    )
    unsub = signing.dumps(
        payload, salt="hearings.subscription.unsubscribe", compress=True
    )
    confirm_url = reverse("hearings:legacy_confirm", args=[confirm])
    assert client.get(confirm_url).status_code == 200
    assert client.post(confirm_url).status_code == 302
    subscription.refresh_from_db()
    assert subscription.is_confirmed
    # The salts are not interchangeable, and another address is refused.
    assert (
        client.post(reverse("hearings:legacy_unsubscribe", args=[confirm])).status_code
        == 400
    )
    other = signing.dumps(
        {"id": subscription.pk, "e": "annen@example.org"},
        salt="hearings.subscription.unsubscribe",
        compress=True,
    )
    assert (
        client.post(reverse("hearings:legacy_unsubscribe", args=[other])).status_code
        == 400
    )
    response = client.post(
        reverse("hearings:legacy_unsubscribe", args=[unsub]),
        {"List-Unsubscribe": "One-Click"},
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()


def test_bad_subscribe_input_is_a_clear_400(client):
    response = subscribe(client, email="ikke-en-adresse", scope="all")
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert (
        subscribe(
            client, email="a@example.org", scope="hearing", hearing=999999
        ).status_code
        == 400
    )


def _confirmed(email, target=None):
    return Subscription.objects.create(
        email=email, channel="hearings", target=target, confirmed_at=timezone.now()
    )


def test_daily_notices_are_sent_once(hearing_index, hearing_unit):
    from feedback.models import Topic

    roads = Topic.objects.create(name="Vei", slug="vei")
    culture = Topic.objects.create(name="Kultur", slug="kultur")
    new = make_hearing(
        hearing_index,
        hearing_unit,
        title="Ny høring",
        opens_on=days(0),
        deadline=days(42),
    )
    new.topics.set([roads])
    new.save_revision().publish()
    closing = make_hearing(
        hearing_index,
        hearing_unit,
        title="Frist snart",
        opens_on=days(-38),
        deadline=days(7),
    )
    done = make_hearing(
        hearing_index,
        hearing_unit,
        title="Ferdig",
        opens_on=days(-80),
        deadline=days(-20),
        outcome_decided="<p>Vedtatt.</p>",
    )
    everyone = _confirmed("all@example.org")
    road_fan = _confirmed("vei@example.org", roads)
    _confirmed("kultur@example.org", culture)
    Subscription.objects.create(email="unconfirmed@example.org", channel="hearings")
    # Someone following all new proposals hears nothing about hearings.
    Subscription.objects.create(
        email="forslag@example.org", channel="proposals", confirmed_at=timezone.now()
    )
    closing_fan = _confirmed("frist@example.org", closing)
    done_fan = _confirmed("ferdig@example.org", done)

    with on_commit(execute=True):
        call_command("send_hearing_notices", stdout=open("/dev/null", "w"))
    hearing_type = ContentType.objects.get_for_model(HearingPage)
    assert set(Notice.objects.values_list("subject_type", flat=True)) == {
        hearing_type.pk
    }
    sent = {(n.subscription_id, n.subject_id, n.kind) for n in Notice.objects.all()}
    assert sent == {
        (everyone.pk, new.pk, NoticeKind.OPENED),
        (road_fan.pk, new.pk, NoticeKind.OPENED),
        (closing_fan.pk, closing.pk, NoticeKind.DEADLINE_SOON),
        (done_fan.pk, done.pk, NoticeKind.OUTCOME),
    }
    assert sorted(m.to[0] for m in mail.outbox) == [
        "all@example.org",
        "ferdig@example.org",
        "frist@example.org",
        "vei@example.org",
    ]
    for message in mail.outbox:
        assert message.extra_headers["List-Unsubscribe"].startswith("<http")
        assert "/folg/avslutt/" in message.body
        assert "@" not in message.extra_headers["List-Unsubscribe"]

    mail.outbox.clear()
    with on_commit(execute=True):
        call_command("send_hearing_notices", stdout=open("/dev/null", "w"))
    assert mail.outbox == []
    assert Notice.objects.count() == 4


def test_following_an_alias_follows_the_hearing(client, site, open_hearing):
    from wagtail.models import Locale

    english = Locale.objects.get_or_create(language_code="en")[0]
    site["home"].copy_for_translation(english, alias=True)
    open_hearing.get_parent().copy_for_translation(english, alias=True)
    alias = open_hearing.copy_for_translation(english, alias=True)
    subscribe(client, email="en@example.org", scope="hearing", hearing=alias.pk)
    assert Subscription.objects.get().target == open_hearing


def test_follow_a_topic_from_the_index(client, hearing_index, open_hearing):
    from feedback.models import Topic

    roads = Topic.objects.create(name="Vei og trafikk", slug="vei")
    open_hearing.topics.set([roads])
    open_hearing.save_revision().publish()
    html = client.get(hearing_index.url, {"tema": "vei"}).content.decode()
    assert f"{reverse('hearings:subscribe_form')}?tema=vei" in html
    form = client.get(reverse("hearings:subscribe_form"), {"tema": "vei"})
    assert form.status_code == 200
    assert 'value="topic"' in form.content.decode()
    subscribe(client, email="vei@example.org", scope="topic", topic="vei")
    assert Subscription.objects.get().target == roads


def test_follow_form_on_the_hearing_page_works(client, open_hearing):
    html = client.get(open_hearing.url).content.decode()
    form = html[html.index('action="/hoering/folg/send/"') :]
    form = form[: form.index("</form>")]
    data = dict(re.findall(r'type="hidden" name="(\w+)" value="([^"]*)"', form))
    assert 'id="follow_email"' in form and 'for="follow_email"' in form
    data["email"] = "side@example.org"
    assert "started" in data  # the page renders the guard's field
    data.update(guard())  # shown half a minute ago, as a person fills it in
    with on_commit(execute=True):
        response = client.post(reverse("hearings:subscribe"), data, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[0][0].startswith(reverse("hearings:subscribe_sent"))
    assert open_hearing.url in response.content.decode()  # the way back
    assert Subscription.objects.get().target == open_hearing
    assert mail.outbox[0].to == ["side@example.org"]
