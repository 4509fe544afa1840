from django.core.management.base import BaseCommand

from home.demo import DEMO_PASSWORD, DEMO_USERS


class Command(BaseCommand):
    help = "Print the demo logins (development only)."

    def handle(self, *args, **options):
        self.stdout.write("")
        self.stdout.write("The portal:  http://127.0.0.1:8000/")
        self.stdout.write("The admin:   http://127.0.0.1:8000/admin/")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for username, first, last, superuser, memberships, _groups in DEMO_USERS:
            role = (
                "superuser"
                if superuser
                else ", ".join(f"{role} in {unit}" for unit, role in memberships)
            )
            self.stdout.write(f"  {username:<12} {first} {last} ({role})")
        self.stdout.write("")
