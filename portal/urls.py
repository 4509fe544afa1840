from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal import views
from portal.sitemap import PortalSitemap

urlpatterns = [
    path("livez", views.livez, name="livez"),
    path("healthz", views.healthz, name="healthz"),
    # Staff sign-in through the municipality's identity provider (accounts.oidc).
    path("admin/oidc/", include("accounts.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumenter/", include(wagtaildocs_urls)),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"
    ),
    path("i18n/setlang/", set_language, name="set_language"),
]

urlpatterns += i18n_patterns(
    path("sok/", include("search.urls")),
    # Resident inputs: /si-din-mening/<kind>/, /sak/<reference>/, page feedback.
    path("", include("feedback.urls")),
    path("hoering/", include("hearings.urls")),
    path("folg/", include("following.urls")),
    path("varsler/", include("news.urls")),
    # The news feeds; the news index and its pages are Wagtail pages at /nyheter/.
    path("nyheter/", include("news.news_urls")),
    path("innbyggerforslag/", include("proposals.urls")),
    # Wagtail's page serving comes last: it matches every remaining path.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "portal.views.bad_request"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + (
        urlpatterns
    )
