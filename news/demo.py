"""Demo notices: the four templates the communication section uses most, and one
notice in force (its times move with each seed, so the demo always shows one)."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from .choices import NoticeLevel
from .models import Notice, NoticeTemplate

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
