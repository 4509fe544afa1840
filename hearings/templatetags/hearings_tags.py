from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.inclusion_tag("hearings/includes/open_hearings.html", takes_context=True)
def open_hearings(context, limit=3):
    """Open hearings for the home page, closing soonest first."""
    from hearings.selectors import open_hearings as select_open

    try:
        index_url = reverse("hearings:index_redirect")
    except NoReverseMatch:
        index_url = None
    return {"hearings": select_open(limit=limit), "index_url": index_url,
            "request": context.get("request")}


@register.simple_tag
def field_widget(field, css_class="ds-input"):
    """A form field's widget with Designsystemet's class and the ARIA that ties it
    to its help text and error message."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-help")
    if field.errors:
        described.append(f"{field.auto_id}-error")
    attrs = {"class": css_class}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
