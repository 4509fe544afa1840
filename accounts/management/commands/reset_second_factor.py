from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.services import second_factor_reset


class Command(BaseCommand):
    help = (
        "Remove a staff user's authenticator app (a lost phone): the next "
        "password sign-in sets up a new one."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist as error:
            raise CommandError(f"No user {username!r}.") from error
        count = second_factor_reset(user=user)
        self.stdout.write(f"{username}: {count} device(s) removed.")
