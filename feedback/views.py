"""Public views: thin. Forms validate, services write, selectors read."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import selectors


@never_cache
@require_GET
def track(request, reference):
    """The resident's private view of their case: status and public timeline."""
    submission = selectors.submission_for_tracking(reference,
                                                   request.GET.get("t", ""))
    response = render(request, "feedback/track.html", {"submission": submission})
    # The link carries a secret: never send it on to another site.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response
