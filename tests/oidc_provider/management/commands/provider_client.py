"""Register the portal as a confidential client that must ask for consent."""

from django.core.management.base import BaseCommand
from oidc_provider.models import Client, ResponseType


class Command(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("--client-id", required=True)
        parser.add_argument("--client-secret", required=True)
        parser.add_argument("--redirect-uri", required=True)
        parser.add_argument("--scope", default="openid email profile")

    def handle(self, *args, **options):
        client, _created = Client.objects.update_or_create(
            client_id=options["client_id"],
            defaults={
                "name": "Innbyggerportalen (test)",
                "client_type": "confidential",
                "client_secret": options["client_secret"],
                "jwt_alg": "RS256",
                "require_consent": True,
                "reuse_consent": False,
            },
        )
        client.redirect_uris = [options["redirect_uri"]]
        client.scope = options["scope"].split()
        client.save()
        client.response_types.set([ResponseType.objects.get(value="code")])
