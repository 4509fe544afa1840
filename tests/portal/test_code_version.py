"""Cached pages and fragments never outlive the code that built them: the
page cache's generation key holds a hash of the project's own files, so a
deploy that changes a template, a translation, a static file or Python starts a
new generation (found walking the compact notices: the dev server kept serving
the old banner from the shared fragment cache after the template changed)."""

from pathlib import Path

from django.conf import settings

from portal import page_cache


def test_the_generation_key_names_the_code_version():
    assert page_cache.GENERATION_KEY.endswith(":" + page_cache.code_version())
    assert page_cache.code_version() == page_cache.code_version()


def test_a_changed_template_is_another_version():
    before = page_cache.code_version()
    probe = Path(settings.BASE_DIR) / "portal" / "templates" / "_version_probe.html"
    try:
        probe.write_text("<p>ny</p>", "utf-8")
        changed = page_cache.code_version()
    finally:
        probe.unlink()
    assert changed != before
    assert page_cache.code_version() == before


def test_a_configured_release_is_used_as_it_is(settings):
    settings.PORTAL_RELEASE = "2026.12.2-a101da0"
    assert page_cache.code_version() == "2026.12.2-a101da0"
