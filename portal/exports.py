"""One way to export a spreadsheet from the admin, safe to open.

Every admin view that offers «Download CSV/XLSX» mixes `SafeExportMixin` in
before Wagtail's view class (IndexView, ReportView): the inbox, the unit report,
page feedback, a hearing's responses, the search terms. It

- defuses cells a spreadsheet would run as a formula (CSV/XLSX injection: a
  resident controls names, subjects, texts and search terms), with the leading
  apostrophe OWASP recommends;
- writes times in the portal's time zone, as the screen shows them (Wagtail
  writes XLSX times in UTC, an hour or two off in Norway);
- starts the CSV with a byte-order mark, so Excel in Norwegian opens æ, ø, å as
  such;
- names the file after what it holds and the day: «innspill-2026-12-01.xlsx».
"""

from __future__ import annotations

import datetime

from django.utils import timezone

# A cell starting with one of these is a formula to Excel, LibreOffice or
# Google Sheets (after leading blanks, which some of them skip).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "|")
BOM = "\ufeff"


def defuse(value):
    """`value` with a leading apostrophe if a spreadsheet would run it."""
    if isinstance(value, str) and (
        value.startswith(FORMULA_PREFIXES)
        or value.lstrip(" ").startswith(FORMULA_PREFIXES)
    ):
        return "'" + value
    return value


def local_time(value, export_format: str):
    """An aware datetime in the portal's time zone: naive for XLSX (Excel has no
    time zones), «2026-12-01 14:05» for CSV."""
    if not isinstance(value, datetime.datetime):
        return value
    if timezone.is_aware(value):
        value = timezone.make_naive(value, timezone.get_current_timezone())
    if export_format == "csv":
        return value.strftime("%Y-%m-%d %H:%M")
    return value


class SafeExportMixin:
    """Put before Wagtail's view class; set `export_filename` to what the file
    holds, in Norwegian («innspill»): the day is added."""

    def get_filename(self):
        base = super().get_filename()  # type: ignore[misc]
        return f"{base}-{timezone.localdate():%Y-%m-%d}"

    def preprocess_field_value(self, field, value, export_format):
        value = local_time(value, export_format)
        value = super().preprocess_field_value(  # type: ignore[misc]
            field, value, export_format
        )
        return defuse(value)

    def stream_csv(self, queryset):
        yield BOM
        yield from super().stream_csv(queryset)  # type: ignore[misc]
