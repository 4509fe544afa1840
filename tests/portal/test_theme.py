"""The brand theme (issue 10, «A real identity»): Designsystemet's CLI turns the
municipality's colour tokens (theme/designsystemet.config.json) into
portal/static/portal/css/theme.css (`make theme`); the pairs of text and
background the pages use must reach WCAG's 4.5:1 (1.4.3), focus rings 3:1
(1.4.11)."""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
THEME = ROOT / "portal" / "static" / "portal" / "css" / "theme.css"
CONFIG = ROOT / "theme" / "designsystemet.config.json"
PORTAL_CSS = ROOT / "portal" / "static" / "portal" / "css" / "portal.css"


def _light_tokens() -> dict[str, str]:
    """The light colour scheme's custom properties (the site sets
    data-color-scheme="light")."""
    css = THEME.read_text()
    start = css.index(':root, [data-color-scheme="light"] {')
    block = css[start : css.index("}", start)]
    return dict(re.findall(r"--(ds-[a-z0-9-]+):\s*(#[0-9a-fA-F]{6})", block))


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _colours() -> list[str]:
    config = json.loads(CONFIG.read_text())
    (theme,) = config["themes"].values()
    colours = theme["colors"]
    return [
        *colours["main"],
        "neutral",
        *colours["support"],
        "info",
        "success",
        "warning",
        "danger",
    ]


def _portal_pairs() -> list[tuple[str, str, str]]:
    """The pairs portal.css declares with `/* contrast: text on background */`
    after a rule: the header, footer, hero and links set on brand colours."""
    pairs = []
    for text, background in re.findall(
        r"/\* contrast: (--ds-[a-z0-9-]+) on (--ds-[a-z0-9-]+) \*/",
        PORTAL_CSS.read_text(),
    ):
        pairs.append((f"{text} on {background}", text[2:], background[2:]))
    return pairs


def test_the_theme_is_built_from_the_config():
    """theme.css is the CLI's output for the committed config, not a hand edit."""
    css = THEME.read_text()
    assert "build: v" in css.splitlines()[2]
    tokens = _light_tokens()
    config = json.loads(CONFIG.read_text())
    (theme,) = config["themes"].values()
    for name in theme["colors"]["main"]:
        assert f"ds-color-{name}-base-default" in tokens, name
    assert tokens["ds-color-accent-base-default"].lower() == (
        theme["colors"]["main"]["accent"].lower()
    )


@pytest.mark.parametrize("colour", _colours())
@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("text-default", "background-default"),
        ("text-default", "background-tinted"),
        ("text-default", "surface-default"),
        ("text-default", "surface-tinted"),
        ("text-default", "surface-hover"),
        ("text-subtle", "background-default"),
        ("text-subtle", "background-tinted"),
        ("text-subtle", "surface-default"),
        ("text-subtle", "surface-tinted"),
        ("base-contrast-default", "base-default"),
        ("base-contrast-default", "base-hover"),
        ("base-contrast-default", "base-active"),
    ],
)
def test_text_on_its_background_reaches_4_5(colour, text, background):
    tokens = _light_tokens()
    ratio = contrast(
        tokens[f"ds-color-{colour}-{text}"], tokens[f"ds-color-{colour}-{background}"]
    )
    assert ratio >= 4.5, f"{colour} {text} on {background}: {ratio:.2f}"


def test_the_pairs_portal_css_sets_reach_4_5():
    pairs = _portal_pairs()
    assert len(pairs) >= 4  # header, footer, hero, links at least
    tokens = _light_tokens()
    for label, text, background in pairs:
        ratio = contrast(tokens[text], tokens[background])
        assert ratio >= 4.5, f"{label}: {ratio:.2f}"


def test_focus_ring_stands_out_from_every_background():
    tokens = _light_tokens()
    outer = tokens["ds-color-focus-outer"]
    for colour in _colours():
        for background in ("background-default", "background-tinted", "surface-tinted"):
            ratio = contrast(outer, tokens[f"ds-color-{colour}-{background}"])
            assert ratio >= 3, f"focus on {colour} {background}: {ratio:.2f}"


def test_contrast_arithmetic():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_the_font_is_inter_from_our_own_static_files_with_fallbacks(client, site):
    """Inter from npm (@fontsource-variable/inter), no font service; the system
    fonts take over if it does not load."""
    from django.contrib.staticfiles import finders

    family = re.search(r"--ds-font-family: ([^;]+);", THEME.read_text()).group(1)
    assert family.startswith("'Inter Variable'") and family.endswith("sans-serif")
    assert finders.find("vendor/inter/files/inter-latin-wght-normal.woff2")
    html = client.get(site["topic"].url).content.decode()
    assert "/static/vendor/inter/index.css" in html
    assert 'rel="preload" href="/static/vendor/inter/files/inter-latin-wght' in html
    # No stylesheet or font from another host (the CSP's font-src 'self' would
    # block one anyway; this says so where it is decided).
    # Nothing loaded from an absolute address; the canonical and alternate
    # links name this page's own public address and load nothing.
    loaded = [
        tag
        for tag in re.findall(r"<link[^>]+>", html)
        if not re.search(r'rel="(canonical|alternate)"', tag)
    ]
    assert not [tag for tag in loaded if re.search(r'href="(https?:)?//', tag)]
