"""Start-up check: the public forms' rate limits are counted in a store every
worker process shares (issue 12 §9). With a per-process cache, two gunicorn
workers let twice the limit through; production refuses to start so."""

from django.conf import settings
from django.core.checks import Error, register

PER_PROCESS = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register()
def limits_are_shared(app_configs, **kwargs):
    backend = settings.CACHES.get("limits", {}).get("BACKEND", "")
    if settings.DEBUG or (backend and backend not in PER_PROCESS):
        return []
    return [
        Error(
            f'CACHES["limits"] is {backend or "missing"}, counted per process.',
            hint=(
                "Set REDIS_URL, or use django.core.cache.backends.db.DatabaseCache "
                "with LOCATION portal_limits (made by migrate)."
            ),
            id="feedback.E001",
        )
    ]
