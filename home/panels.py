from django.conf import settings
from wagtail.admin.panels import Panel

from .readability import lix, plain_word_hits


class ReadabilityPanel(Panel):
    """Shows the LIX score of the page's text while the editor writes.

    The first score comes from the page as loaded; a small script then asks the
    server to score the text in the form as it changes, so there is one LIX
    implementation (home.readability), not a second one in JavaScript.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/panels/readability.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            text = page.readability_text() if hasattr(page, "readability_text") else ""
            context["lix"] = lix(text, warn_above=settings.PORTAL["LIX_WARN"])
            profile = getattr(page, "language_profile", list)()
            context["plain_words"] = plain_word_hits(text, profile)
            # The script scores exactly these fields while the editor types.
            context["fields"] = " ".join(
                ["title", *getattr(page, "readability_fields", ())]
            )
            context["aim"] = settings.PORTAL["LIX_AIM"]
            context["warn_above"] = settings.PORTAL["LIX_WARN"]
            return context
