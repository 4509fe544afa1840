from django import template
from django.urls import reverse

from feedback import spam

register = template.Library()


@register.simple_tag
def field_widget(field, css_class="ds-input"):
    """Render a bound field's widget with Designsystemet classes and the ARIA that
    ties it to its help text and error message."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-help")
    if field.errors:
        described.append(f"{field.auto_id}-error")
    if getattr(field.field, "counter_label", None):
        described.append(f"{field.auto_id}-count")
    attrs = {"class": css_class}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.inclusion_tag(
    "feedback/includes/page_feedback_widget.html", takes_context=True
)
def page_feedback(context, page):
    """«Fant du det du lette etter?» at the end of a content page. Posts to
    feedback:page_feedback and works without JavaScript."""
    request = context.get("request")
    thanks = bool(request is not None and request.GET.get("takk") == "1")
    return {
        "page": page,
        "request": request,
        "thanks": thanks,
        "action": reverse("feedback:page_feedback"),
        "honeypot_field": spam.HONEYPOT_FIELD,
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def status_label(value) -> str:
    """The translated label of a status value (for timeline events' data)."""
    from feedback.choices import Status

    try:
        return Status(value).label
    except ValueError:
        return ""


@register.filter
def isodate(value):
    """An ISO date string (as kept in event data) as a date, for |date."""
    import datetime

    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return value


@register.inclusion_tag("feedback/includes/spam_fields.html")
def spam_fields(suffix: str = ""):
    """The shared guard's fields (feedback.spam): the signed time the form was
    shown, fresh per request, and the honeypot. Outside any cached fragment."""
    return {
        "started": spam.form_timestamp(),
        "honeypot_field": spam.HONEYPOT_FIELD,
        "suffix": suffix,
    }
