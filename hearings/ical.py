"""An iCalendar (RFC 5545) feed of hearing deadlines, written by hand.

One all-day event per hearing on its deadline day. The UID is stable for the
hearing; SEQUENCE counts how often the published deadline moved, and DTSTAMP /
LAST-MODIFIED are when it last moved, so calendars replace the old event.
"""

import datetime

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import public_url
from portal.identity import identity

from .models import DeadlineRecord, HearingPage
from .selectors import live_original_hearings

# RFC 5545: the product that made the calendar (this portal), not its publisher.
PRODID = "-//Innbyggerportal//Horinger//NO"


def escape_text(value: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1) without splitting a UTF-8
    character; continuation lines start with one space."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts, current, size, limit = [], [], 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, 74  # the leading space takes one octet
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _date(day: datetime.date) -> str:
    return day.strftime("%Y%m%d")


def hearing_event(hearing: HearingPage, *, url: str, host: str) -> list[str]:
    records = list(hearing.deadline_records.all())
    changed = (
        records[-1].recorded_at
        if records
        else hearing.last_published_at or timezone.now()
    )
    sequence = max(len(records) - 1, 0)
    title = hearing.title
    description = "\n".join(p for p in (hearing.summary, url) if p)
    return [
        "BEGIN:VEVENT",
        f"UID:horing-{hearing.pk}@{host}",
        f"SEQUENCE:{sequence}",
        f"DTSTAMP:{_utc(changed)}",
        f"LAST-MODIFIED:{_utc(changed)}",
        f"DTSTART;VALUE=DATE:{_date(hearing.deadline)}",
        f"DTEND;VALUE=DATE:{_date(hearing.deadline + datetime.timedelta(days=1))}",
        "SUMMARY:" + escape_text(_("Hearing deadline: %(title)s") % {"title": title}),
        f"DESCRIPTION:{escape_text(description)}",
        f"URL:{url}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def deadlines_calendar(request, *, topic_slug=None) -> str:
    hearings = (
        live_original_hearings()
        .filter(deadline__gte=timezone.localdate() - datetime.timedelta(days=365))
        .prefetch_related(
            Prefetch(
                "deadline_records",
                queryset=DeadlineRecord.objects.order_by("recorded_at", "pk"),
            )
        )
        .order_by("deadline", "pk")
    )
    if topic_slug:
        hearings = hearings.filter(topics__slug=topic_slug)
    # UIDs and links from the configured public URL (portal.public_url): a
    # calendar keeps them, whatever host the request came in on.
    host = public_url.host()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:"
        + escape_text(
            _("Hearing deadlines – %(municipality)s")
            % {"municipality": identity().name}
        ),
        "X-WR-TIMEZONE:Europe/Oslo",
    ]
    for hearing in hearings:
        url = public_url.absolute(hearing.get_url(request) or "/")
        lines.extend(hearing_event(hearing, url=url, host=host))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
