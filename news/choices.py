from django.db import models
from django.utils.translation import gettext_lazy as _


class NoticeLevel(models.TextChoices):
    """How important a site-wide notice is. Critical notices are announced by
    screen readers at once (role="alert"); the others politely (role="status")."""

    INFO = "info", _("Information")
    WARNING = "warning", _("Warning")
    CRITICAL = "critical", _("Critical")


# Designsystemet's alert colour for each level.
ALERT_COLOR: dict[str, str] = {
    NoticeLevel.INFO: "info",
    NoticeLevel.WARNING: "warning",
    NoticeLevel.CRITICAL: "danger",
}


class NewsKind(models.TextChoices):
    """A press release is news written for the media: it is listed in the press
    room and has a feed of its own."""

    NEWS = "news", _("News")
    PRESS_RELEASE = "press_release", _("Press release")
