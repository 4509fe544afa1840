from django.apps import AppConfig


class TestProviderConfig(AppConfig):
    # Its own label: "oidc_provider" is the library's.
    name = "tests.oidc_provider"
    label = "test_provider"
