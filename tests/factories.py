"""Factories for tests: data from code, not fixtures."""

import datetime

import factory
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page, Site

from home.models import (
    Audience,
    HomePage,
    LifeSituation,
    ServiceIndexPage,
    ServicePage,
    SiteFooter,
    StandardPage,
    TopicPage,
)
from portal.models import Municipality
from units.choices import Role
from units.models import Membership, Unit


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Enhet {n}")
    slug = factory.Sequence(lambda n: f"enhet-{n}")
    email = factory.LazyAttribute(lambda o: f"{o.slug}@asker.kommune.no")
    phone = "66 90 90 00"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", "pw")


def member(user, unit, role=Role.HANDLER):
    Membership.objects.create(user=user, unit=unit, role=role)
    return user


def admin_access(user):
    """Into the Handlers group, which opens the admin: what a unit's member
    sees there is decided by membership (units.selectors)."""
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.get_or_create(name="Handlers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def add_page(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_site() -> dict:
    """A minimal tree: home, one topic, the A–Å index and a standard page."""
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    home = HomePage(title="Asker kommune", slug="asker", locale=Locale.get_default())
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.create(
        hostname="localhost",
        port=80,
        root_page=home,
        is_default_site=True,
        site_name="Asker kommune",
    )
    triage = UnitFactory(slug="servicetorget", name="Servicetorget", is_triage=True)
    topic = add_page(
        home,
        TopicPage(title="Barnehage", slug="barnehage", summary="Alt om barnehage."),
    )
    index = add_page(home, ServiceIndexPage(title="Tjenester A–Å", slug="a-a"))
    privacy = add_page(
        home,
        StandardPage(
            title="Personvernerklæring",
            slug="personvern",
            body="<p>Vi tar vare på det du sender oss.</p>",
        ),
    )
    accessibility = add_page(
        home,
        StandardPage(
            title="Tilgjengelighetserklæring",
            slug="tilgjengelighet",
            body="<p>Vi følger WCAG 2.1.</p>",
        ),
    )
    municipality = Municipality.load()
    municipality.name = "Asker kommune"
    municipality.name_en = "Asker municipality"
    municipality.place_name = "Asker"
    municipality.address = "Servicetorget, Katrineåsveien 20, 1383 Asker"
    municipality.phone = "66 90 90 00"
    municipality.email = "post@asker.kommune.no"
    municipality.save()
    footer = SiteFooter.for_site(site)
    footer.privacy_page = privacy
    footer.accessibility_page = accessibility
    footer.save()
    return {
        "home": home,
        "site": site,
        "topic": topic,
        "index": index,
        "privacy": privacy,
        "accessibility": accessibility,
        "triage": triage,
    }


def make_service(topic, unit, title, *, audiences=(), situations=(), **fields):
    fields.setdefault("summary", f"Kort om {title.lower()}.")
    fields.setdefault("what_it_is", f"<p>{title} er en tjeneste.</p>")
    fields.setdefault("last_reviewed", datetime.date(2026, 9, 1))
    page = ServicePage(title=title, responsible_unit=unit, **fields)
    topic.add_child(instance=page)
    page.audiences.set(Audience.objects.filter(slug__in=audiences))
    page.life_situations.set(LifeSituation.objects.filter(slug__in=situations))
    page.save_revision().publish()
    return page


def submit(*, now=None, notify=True, **fields):
    """feedback.services.submission_create() with the input's fields as keywords,
    as tests write them."""
    from feedback.services import SubmissionInput, submission_create

    return submission_create(
        submitted=SubmissionInput(**fields), now=now, notify=notify
    )


def staff_login(client, user):
    """Log a staff user into the admin. Every staff test logs in through here, so
    a second factor (TOTP) or another login path changes one function."""
    client.force_login(user)
    return client


def guard() -> dict:
    """The fields the public forms' shared guard (feedback.spam) expects from a
    person's browser: the form shown half a minute ago, the honeypot empty."""
    import time

    from feedback import spam

    return {spam.TIMESTAMP_FIELD: spam.form_timestamp(time.time() - 30)}
