from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def search_autocomplete_attrs():
    """Data attributes that let search/js/autocomplete.js enhance a search form;
    the texts are translated here, so the script holds no language."""
    return format_html(
        ' data-suggest-url="{}" data-list-label="{}" data-status-none="{}"'
        ' data-status-one="{}" data-status-many="{}"',
        reverse("search:suggest"),
        _("Suggestions"),
        _("No suggestions."),
        _("%s suggestion. Use the arrow keys to choose."),
        _("%s suggestions. Use the arrow keys to choose."),
    )


@register.simple_tag
def search_autocomplete_assets():
    """The script and its stylesheet (both from our own static files: CSP)."""
    return format_html(
        '<link rel="stylesheet" href="{}"><script src="{}" defer></script>',
        static("search/css/search.css"),
        static("search/js/autocomplete.js"),
    )
