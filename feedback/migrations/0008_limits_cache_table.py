"""The table of CACHES["limits"] when it is Django's database cache (no Redis):
the public forms' rate limits, shared by every worker process (feedback.spam).
Made here so that `migrate` is all a deployment, the tests and `make run` need."""

from django.core.management import call_command
from django.db import migrations

TABLE = "portal_limits"


def create(apps, schema_editor):
    call_command(
        "createcachetable", TABLE, database=schema_editor.connection.alias, verbosity=0
    )


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("feedback", "0007_attachment_scan")]

    operations = [migrations.RunPython(create, drop)]
