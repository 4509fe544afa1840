"""Demo notices: the four templates the communication section uses most, and one
notice in force (its times move with each seed, so the demo always shows one).
Demo news in several topics, press releases and the press contacts
(news/demo_news.py)."""

import datetime
import io

from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale

from home.demo import _child, _set_relations
from home.models import Audience, HomePage, TopicPage
from units.models import Unit

from . import demo_news
from .choices import NoticeLevel
from .models import NewsIndexPage, NewsPage, Notice, NoticeTemplate, PressContacts

TEMPLATES = [
    {
        "name": "Kokevarsel",
        "level": NoticeLevel.CRITICAL,
        "title": "Kokevarsel i [område]",
        "body": (
            "Vannet i [område] kan inneholde bakterier. Kok vannet i minst ett "
            "minutt før du drikker det eller bruker det i mat.\n\n"
            "Du kan bruke vannet til å dusje og vaske klær. Vi sier fra her når "
            "vannet er trygt igjen."
        ),
        "title_en": "Boil water notice in [area]",
        "body_en": (
            "The water in [area] may contain bacteria. Boil the water for at least "
            "one minute before you drink it or use it in food.\n\nYou can use it to "
            "shower and wash clothes. We will tell you here when it is safe again."
        ),
    },
    {
        "name": "Vannavbrudd",
        "level": NoticeLevel.WARNING,
        "title": "Vannavbrudd i [område] [dato]",
        "body": (
            "Vi reparerer en vannledning. Fra klokken [fra] til [til] er det ikke "
            "vann i [område]. Tapp opp vann før du trenger det."
        ),
        "title_en": "No water in [area] on [date]",
        "body_en": (
            "We are repairing a water main. From [from] to [to] there is no water "
            "in [area]. Fill up what you need beforehand."
        ),
    },
    {
        "name": "Stengt vei",
        "level": NoticeLevel.INFO,
        "title": "[Vei] er stengt ved [sted]",
        "body": (
            "[Vei] er stengt ved [sted] fra [dato] til [dato]. Følg skiltet "
            "omkjøring. Bussene kjører [endring]."
        ),
        "title_en": "[Road] is closed at [place]",
        "body_en": (
            "[Road] is closed at [place] from [date] to [date]. Follow the signed "
            "detour. Buses [change]."
        ),
    },
    {
        "name": "Ekstremvær",
        "level": NoticeLevel.WARNING,
        "title": "Farevarsel: [vær] [dato]",
        "body": (
            "Meteorologisk institutt har sendt ut farevarsel om [vær]. Sikre løse "
            "ting ute, hold deg oppdatert på yr.no og ring 112 hvis liv er i fare."
        ),
        "title_en": "Weather warning: [weather] on [date]",
        "body_en": (
            "The Norwegian Meteorological Institute has issued a warning of "
            "[weather]. Secure loose objects outside and call 112 if life is in "
            "danger."
        ),
    },
]

DEMO_NOTICE = {
    "level": NoticeLevel.WARNING,
    "title": "Vannavbrudd i Heggedal",
    "body": (
        "Vi reparerer en vannledning i Heggedal sentrum. Fra klokken 09 til 15 er "
        "det ikke vann i husene rundt Heggedal torg. Tapp opp vann før du trenger "
        "det."
    ),
    "title_en": "No water in Heggedal",
    "body_en": (
        "We are repairing a water main in Heggedal. From 9 to 15 there is no water "
        "in the houses around Heggedal square. Fill up what you need beforehand."
    ),
    "postcodes": "1389, 1390",
}

EDITOR_PERMISSIONS = [
    ("notice", ["add", "change", "delete", "publish"]),
    ("noticetemplate", ["add", "change", "delete"]),
    ("presscontacts", ["change"]),
]


def seed(stdout) -> None:
    for values in TEMPLATES:
        NoticeTemplate.objects.update_or_create(name=values["name"], defaults=values)
    now = timezone.now()
    times = {"starts_at": now - datetime.timedelta(hours=1)}
    times["ends_at"] = now + datetime.timedelta(days=7)
    notice = Notice.objects.filter(title=DEMO_NOTICE["title"]).first()
    if notice is None:
        notice = Notice(**DEMO_NOTICE, **times, live=False)
        notice.save()
        notice.save_revision().publish()
    elif not notice.is_shown_at(now):
        Notice.objects.filter(pk=notice.pk).update(**times)
        notice.refresh_from_db()
        notice.save(update_fields=["starts_at", "ends_at"])  # drops cached pages
    _grant_editors()
    stdout.write("Notices: 4 templates, 1 notice in force.")
    count = seed_news()
    seed_press_contacts()
    stdout.write(f"News: {count} items, press contacts.")


def seed_news() -> int:
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        return 0
    data = demo_news.NEWS_INDEX
    index = _child(
        home,
        NewsIndexPage,
        data["slug"],
        title=data["title"],
        summary=data["summary"],
        show_in_menus=True,
    )
    topics = {t.slug: t for t in TopicPage.objects.child_of(home)}
    units = {u.slug: u for u in Unit.objects.all()}
    audiences = {a.slug: a for a in Audience.objects.all()}
    for item in demo_news.NEWS:
        page = _child(
            index,
            NewsPage,
            item["slug"],
            title=item["title"],
            kind=item["kind"],
            date=item["date"],
            summary=item["summary"],
            body=item["body"],
            topic=topics.get(item["topic"]),
            responsible_unit=units.get(item["unit"]),
            image=_illustration(item["slug"], item["image"]),
            image_alt=item["image_alt"],
        )
        _set_relations(page, audiences=[audiences[s] for s in item["audiences"]])
    return len(demo_news.NEWS)


def _illustration(slug: str, colours):
    """A simple drawn illustration (sky, ground, a house), made here so that the
    demo needs no image from elsewhere. The same one on every run."""
    if colours is None:
        return None
    Image = get_image_model()
    title = f"Demo: {slug}"
    found = Image.objects.filter(title=title).first()
    if found is not None:
        return found
    sky, ground = colours
    picture = PILImage.new("RGB", (1200, 800), sky)
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 560, 1200, 800), fill=ground)
    draw.rectangle((420, 360, 780, 600), fill="#f4f1ea", outline="#3b3b3b", width=6)
    draw.polygon([(390, 370), (600, 220), (810, 370)], fill="#a33b2f")
    draw.rectangle((560, 480, 640, 600), fill="#5b3a29")
    draw.ellipse((920, 80, 1040, 200), fill="#f7d154")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return Image.objects.create(
        title=title, file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"{slug}.png")
    )


def seed_press_contacts() -> None:
    from .models import PressContact

    data = demo_news.PRESS
    press = PressContacts.load()
    press.on_call_phone = data["on_call_phone"]
    press.on_call_hours = data["on_call_hours"]
    press.email = data["email"]
    press.save()
    wanted = data["contacts"]
    have = list(press.contacts.values_list("name", "role", "phone", "email"))
    if have != [tuple(c) for c in wanted]:
        press.contacts.all().delete()
        for order, (name, role, phone, email) in enumerate(wanted):
            PressContact.objects.create(
                settings=press,
                name=name,
                role=role,
                phone=phone,
                email=email,
                sort_order=order,
            )


def _grant_editors() -> None:
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    for model, actions in EDITOR_PERMISSIONS:
        editors.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="news",
                codename__in=[f"{action}_{model}" for action in actions],
            )
        )
