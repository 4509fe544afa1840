"""The OpenID Connect sign-in, under /admin/oidc/ (mounted before the admin)."""

from django.urls import path

from .oidc import CallbackView, SignInView

urlpatterns = [
    path("authenticate/", SignInView.as_view(), name="oidc_authentication_init"),
    path("callback/", CallbackView.as_view(), name="oidc_authentication_callback"),
]
