"""Server-rendered SVG charts for the admin reports.

No JavaScript and no third-party library: the chart is plain SVG markup built from
numbers, so it renders in any browser, prints, and is readable by screen readers
through its <title>/<desc> (the report page also shows the same numbers as a
table, which is the accessible source of truth).
"""

from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext


@dataclass(frozen=True)
class Bar:
    label: str
    value: float


def _nice_max(value: float) -> float:
    """A round upper bound for the axis (1, 2, 5 × 10^n) so gridlines read well."""
    if value <= 0:
        return 1
    magnitude = 1
    while magnitude * 10 <= value:
        magnitude *= 10
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude  # pragma: no cover - the loop always returns


def bar_chart_svg(
    bars: list[Bar],
    *,
    title: str,
    description: str,
    chart_id: str,
    width: int = 640,
    height: int = 220,
    value_format: str = "{:g}",
) -> SafeString:
    """A vertical bar chart as an inline <svg> element.

    `title` and `description` become <title>/<desc>, referenced by aria-labelledby,
    so assistive technology announces what the chart shows. Every value is escaped
    through format_html; labels come from data and are never trusted as markup.
    """
    left, right, top, bottom = 44, 8, 12, 40
    plot_w = width - left - right
    plot_h = height - top - bottom
    top_value = _nice_max(max((bar.value for bar in bars), default=0))
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"

    parts: list[SafeString] = []
    # Four gridlines with their axis values.
    for i in range(5):
        value = top_value * i / 4
        y = top + plot_h - plot_h * i / 4
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" class="feedback-chart__grid" '
                'stroke="#c9ced6" stroke-width="1"/>'
                '<text x="{}" y="{}" text-anchor="end" font-size="11" '
                'fill="#3b4350">{}</text>',
                left,
                width - right,
                f"{y:.1f}",
                f"{y:.1f}",
                left - 6,
                f"{y + 4:.1f}",
                value_format.format(value),
            )
        )
    if bars:
        slot = plot_w / len(bars)
        bar_w = max(slot * 0.7, 1)
        # Label every n-th bar so labels never overlap (about 12 labels at most).
        label_every = max(1, round(len(bars) / 12))
        for i, bar in enumerate(bars):
            bar_h = plot_h * bar.value / top_value if top_value else 0
            x = left + slot * i + (slot - bar_w) / 2
            y = top + plot_h - bar_h
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="#1e5ea8">'
                    "<title>{}: {}</title></rect>",
                    f"{x:.1f}",
                    f"{y:.1f}",
                    f"{bar_w:.1f}",
                    f"{bar_h:.1f}",
                    bar.label,
                    value_format.format(bar.value),
                )
            )
            if i % label_every == 0:
                parts.append(
                    format_html(
                        '<text x="{}" y="{}" text-anchor="middle" font-size="11" '
                        'fill="#3b4350">{}</text>',
                        f"{x + bar_w / 2:.1f}",
                        height - bottom + 16,
                        bar.label,
                    )
                )
    body = mark_safe("".join(parts))  # noqa: S308 - every part built by format_html
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="feedback-chart" '
        'viewBox="0 0 {} {}" width="100%" role="img" '
        'aria-labelledby="{} {}" focusable="false">'
        '<title id="{}">{}</title><desc id="{}">{}</desc>{}</svg>',
        width,
        height,
        title_id,
        desc_id,
        title_id,
        title,
        desc_id,
        description,
        body,
    )


def describe_series(bars: list[Bar], *, unit_label: str) -> str:
    """A one-sentence text summary for <desc>: range, total and peak."""
    if not bars:
        return gettext("No data in this period.")
    peak = max(bars, key=lambda bar: bar.value)
    return gettext(
        "From %(first)s to %(last)s: %(total)s %(unit)s in all, "
        "most in %(peak_label)s (%(peak)s)."
    ) % {
        "first": bars[0].label,
        "last": bars[-1].label,
        "total": f"{sum(bar.value for bar in bars):g}",
        "unit": unit_label,
        "peak_label": peak.label,
        "peak": f"{peak.value:g}",
    }
