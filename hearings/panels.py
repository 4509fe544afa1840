from wagtail.admin.panels import Panel


class HearingWarningsPanel(Panel):
    """Non-blocking advice for the editor (July overlap, missing councils...),
    computed from the page as saved. Blocking rules live in HearingPage.clean()."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "hearings/panels/warnings.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            ready = bool(
                getattr(page, "opens_on", None) and getattr(page, "deadline", None)
            )
            context["warnings"] = page.editor_warnings() if ready else []
            context["ready"] = ready
            return context
