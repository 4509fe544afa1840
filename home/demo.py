"""Demo content for the public pages, the organisation and the demo users.

Idempotent: everything is found by slug or username and updated in place.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, Site

from portal.models import Municipality
from units.choices import Role
from units.models import Membership, Unit

from . import demo_content as content
from .models import (
    Audience,
    AudiencePage,
    AudienceTask,
    HomePage,
    LifeSituation,
    ServiceIndexPage,
    ServicePage,
    SiteFooter,
    StandardPage,
    TopicPage,
    TopTask,
)

DEMO_PASSWORD = "demo-passord-2026"  # noqa: S105 - printed by make run; demo only

DEMO_USERS = [
    # username, first name, last name, superuser, [(unit slug, role)], groups
    ("admin", "Ada", "Admin", True, [], []),
    (
        "redaktor",
        "Rita",
        "Redaktør",
        False,
        [("servicetorget", Role.LEAD)],
        ["Editors"],
    ),
    (
        "barnehage",
        "Bjørn",
        "Barnehage",
        False,
        [("barnehage", Role.HANDLER)],
        ["Handlers"],
    ),
    ("vei", "Vilde", "Vei", False, [("vei-og-trafikk", Role.HANDLER)], ["Handlers"]),
    (
        "leder-vei",
        "Leif",
        "Leder",
        False,
        [("vei-og-trafikk", Role.LEAD)],
        ["Handlers"],
    ),
    (
        "politikk",
        "Pål",
        "Politikk",
        False,
        [("politisk-sekretariat", Role.HANDLER)],
        ["Handlers"],
    ),
]


def seed(stdout):
    units = seed_units()
    situations = seed_life_situations()
    home = seed_home()
    seed_pages(home, units, situations)
    seed_audience_pages(home)
    seed_users(units)
    seed_english(home)
    seed_language_profile()
    default = Locale.get_default()
    stdout.write(
        f"  pages: {ServicePage.objects.filter(locale=default).count()} "
        f"services, {TopicPage.objects.filter(locale=default).count()} "
        f"topics; units: {len(units)}"
    )


# The start of a language profile, from the advice of Språkrådet and the
# state's clear-language work («klarspråk»): words residents stumble on.
LANGUAGE_PROFILE = (
    ("ansøkning", "søknad"),
    ("vedrørende", "om"),
    ("forespørsel", "spørsmål"),
    ("dersom", "hvis"),
    ("påkrevd", "må"),
    ("herunder", "blant annet"),
    ("iht.", "etter"),
    ("tilsvar", "svar"),
    ("besørge", "sørge for"),
    ("fremsette", "komme med"),
)


def seed_language_profile() -> None:
    from .models import PlainWord

    for avoid, instead in LANGUAGE_PROFILE:
        PlainWord.objects.get_or_create(avoid=avoid, defaults={"instead": instead})


def seed_units() -> dict[str, Unit]:
    units = {}
    for data in content.UNITS:
        unit, _ = Unit.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "name_en": data.get("name_en", ""),
                "email": data["email"],
                "phone": data["phone"],
                "is_triage": data["is_triage"],
            },
        )
        units[unit.slug] = unit
    for data in content.UNITS:
        if data.get("parent_slug"):
            units[data["slug"]].parent = units[data["parent_slug"]]
            units[data["slug"]].save(update_fields=["parent"])
    return units


def seed_life_situations() -> dict[str, LifeSituation]:
    situations = {}
    for data in content.LIFE_SITUATIONS:
        situation, _ = LifeSituation.objects.update_or_create(
            slug=data["slug"],
            defaults={"name": data["name"], "name_en": data["name_en"]},
        )
        situations[situation.slug] = situation
    return situations


def _child(parent: Page, model, slug: str, **fields):
    """Find a child page by slug or create it; then bring its fields up to date.

    A page whose fields already match is left alone, so a second run is quick and
    adds no revisions.
    """
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page
    _update_and_publish(page, **fields)
    return page


def _update_and_publish(page, **fields):
    if page.live and all(getattr(page, k) == v for k, v in fields.items()):
        return
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def _set_relations(page, **relations):
    """Set many-to-many relations and publish, unless they are already so."""
    changed = False
    for name, objects in relations.items():
        wanted = {obj.pk for obj in objects}
        if set(getattr(page, name).values_list("pk", flat=True)) != wanted:
            getattr(page, name).set(objects)
            changed = True
    if changed:
        page.save_revision().publish()


def seed_home() -> HomePage:
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        home = HomePage(title="Asker kommune", slug="asker")
        root.add_child(instance=home)
    _update_and_publish(
        home,
        title="Asker kommune",
        intro="Finn tjenester, si din mening og følg med på det du har sendt oss.",
        summary=(
            "Her finner du kommunens tjenester. Du kan også gi oss "
            "tilbakemelding, sende forslag og svare på høringer."
        ),
        participate_intro=(
            "Vi vil høre fra deg. Du trenger ikke vite hvem i kommunen som har "
            "ansvaret. Vi sender saken dit den hører hjemme, og du kan følge den."
        ),
    )

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Asker kommune",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Asker kommune"
        site.save()
    # Wagtail's starter page is replaced by ours.
    for page in (
        Page.objects.child_of(root)
        .exclude(pk=home.pk)
        .filter(content_type__model="page")
    ):
        page.delete()
    return home


def seed_pages(home, units, situations):
    audiences = {a.slug: a for a in Audience.objects.all()}
    topics = {}
    for data in content.TOPICS:
        topics[data["slug"]] = _child(
            home, TopicPage, data["slug"], title=data["title"], summary=data["summary"]
        )
    services = {}
    reviewed = datetime.date(2026, 9, 1)
    for data in content.SERVICES:
        page = _child(
            topics[data["topic"]],
            ServicePage,
            data["slug"],
            title=data["title"],
            summary=data["summary"],
            what_it_is=data["what_it_is"],
            who_can_get_it=data["who_can_get_it"],
            how_to_apply=data["how_to_apply"],
            price=data["price"],
            processing_time=data["processing_time"],
            responsible_unit=units[data["unit"]],
            search_keywords=data["keywords"],
            index_titles=content.INDEX_TITLES.get(data["slug"], ""),
            last_reviewed=reviewed,
            apply_url=content.E_SERVICES.get(data["slug"], ("", ""))[0],
            apply_label=content.E_SERVICES.get(data["slug"], ("", ""))[1],
        )
        _set_relations(
            page,
            audiences=[audiences[s] for s in data["audiences"]],
            life_situations=[situations[s] for s in data["life_situations"]],
        )
        services[data["slug"]] = page
    for data in content.SERVICES:
        _set_relations(
            services[data["slug"]],
            related_services=[services[s] for s in data["related"]],
        )

    index = _child(
        home,
        ServiceIndexPage,
        "tjenester-a-a",
        title="Tjenester A–Å",
        summary="Alle tjenestene til Asker kommune i alfabetisk rekkefølge.",
    )
    statements = {}
    for data in content.STANDARD_PAGES:
        statements[data["slug"]] = _child(
            home,
            StandardPage,
            data["slug"],
            title=data["title"],
            summary=data["summary"],
            body=data["body_html"],
            responsible_unit=units["kommunikasjon"],
            show_in_menus=False,
            show_privacy_purposes=data.get("show_privacy_purposes", False),
        )

    _set_top_tasks(home, [services[slug] for slug in content.TOP_TASKS])

    municipality = Municipality.load()
    for field, value in content.MUNICIPALITY.items():
        setattr(municipality, field, value)
    municipality.save()

    site = Site.objects.get(is_default_site=True)
    footer = SiteFooter.for_site(site)
    footer.privacy_page = statements["personvernerklaering"]
    footer.accessibility_page = statements["tilgjengelighetserklaering"]
    footer.about_page = statements["om-asker-kommune"]
    footer.save()
    return index


def seed_audience_pages(home):
    audiences = {a.slug: a for a in Audience.objects.all()}
    services = {p.slug: p for p in ServicePage.objects.filter(locale=home.locale)}
    for data in content.AUDIENCE_PAGES:
        page = _child(
            home,
            AudiencePage,
            data["slug"],
            title=data["title"],
            summary=data["summary"],
            audience=audiences[data["audience"]],
            body=data["body"],
            is_press_room=data["is_press_room"],
            show_in_menus=True,
        )
        wanted = [services[slug].pk for slug in data["tasks"]]
        if list(page.top_tasks.values_list("link_page_id", flat=True)) != wanted:
            page.top_tasks.all().delete()
            for order, pk in enumerate(wanted):
                AudienceTask.objects.create(
                    page=page, link_page_id=pk, sort_order=order
                )
            page.save_revision().publish()


def seed_english(home):
    """An English home page and aliases of the rest of the tree.

    Aliases show the Norwegian content under /en/ until an editor translates a page;
    they follow every change to their Norwegian original automatically.
    """
    english, _ = Locale.objects.get_or_create(language_code="en")
    en_home = home.get_translation_or_none(english)
    if en_home is None:
        en_home = home.copy_for_translation(english)
    _update_and_publish(
        en_home.specific,
        title="Asker municipality",
        intro="Find services, have your say and follow what you have sent us.",
        summary=(
            "Here you find the municipality's services. You can also give "
            "us feedback, send suggestions and answer public hearings."
        ),
        participate_intro=(
            "We want to hear from you. You do not need to know who in the "
            "municipality is responsible: we send your message to the right place, "
            "and you can follow it."
        ),
    )
    en_home = en_home.specific
    # Tree order: every parent is translated before its children.
    for page in home.get_descendants().order_by("path"):
        if page.get_translation_or_none(english) is None:
            page.specific.copy_for_translation(english, alias=True)
    # Re-read: the aliases above changed its numchild, and publishing a stale
    # copy would write numchild back to 0 (the next alias then collides).
    en_home = Page.objects.get(pk=en_home.pk).specific
    # Top tasks on the English home page point at the English pages.
    _set_top_tasks(
        en_home,
        [
            task.link_page.get_translation_or_none(english) or task.link_page
            for task in home.top_tasks.select_related("link_page")
        ],
    )


def _set_top_tasks(home, pages):
    if list(home.top_tasks.values_list("link_page_id", flat=True)) == [
        p.pk for p in pages
    ]:
        return
    home.top_tasks.all().delete()
    for order, page in enumerate(pages):
        TopTask.objects.create(page=home, link_page=page, sort_order=order)
    home.save_revision().publish()


def seed_users(units):
    User = get_user_model()
    editors, _ = Group.objects.get_or_create(name="Editors")
    handlers, _ = Group.objects.get_or_create(name="Handlers")
    groups = {"Editors": editors, "Handlers": handlers}
    _grant_admin_access(handlers, editors)
    _grant_editor_rights(editors)
    for username, first, last, superuser, memberships, group_names in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@demo.asker.kommune.no",
            },
        )
        user.is_staff = True
        user.is_superuser = superuser
        if created:
            user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.set([groups[name] for name in group_names])
        for unit_slug, role in memberships:
            Membership.objects.update_or_create(
                unit=units[unit_slug], user=user, defaults={"role": role}
            )


# What an editor does in the demo (the README's table): publish and unpublish
# (Wagtail's Editors may only submit for moderation), translate, promoted search
# results. Together with the page add/change Wagtail gives Editors.
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
EDITOR_PERMISSIONS = (
    ("simple_translation", "submit_translation"),
    ("home", "add_plainword"),
    ("home", "change_plainword"),
    ("home", "delete_plainword"),
    ("wagtailsearchpromotions", "add_searchpromotion"),
    ("wagtailsearchpromotions", "change_searchpromotion"),
    ("wagtailsearchpromotions", "delete_searchpromotion"),
)


def _grant_editor_rights(editors):
    from django.contrib.auth.models import Permission
    from django.db.models import Q
    from wagtail.models import GroupPagePermission, Page, WorkflowPage

    root = Page.get_first_root_node()
    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=editors,
            page=root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    wanted = Q()
    for app_label, codename in EDITOR_PERMISSIONS:
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    editors.permissions.add(*Permission.objects.filter(wanted))
    # Wagtail's default «Moderators approval» on the whole tree asks a
    # Moderators group that has no members in the demo: a dead end for whoever
    # submits to it. The demo's editors publish themselves; a municipality that
    # wants approval assigns a workflow and its approvers (README).
    WorkflowPage.objects.filter(page=root).delete()


def _grant_admin_access(*groups):
    from django.contrib.auth.models import Permission

    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for group in groups:
        group.permissions.add(access_admin)
