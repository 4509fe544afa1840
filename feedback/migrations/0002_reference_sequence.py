from django.db import migrations


class Migration(migrations.Migration):
    """The submission reference counter (2026-000123): a PostgreSQL sequence, so
    concurrent submissions never collide and nothing locks the table."""

    dependencies = [("feedback", "0001_initial")]

    operations = [
        migrations.RunSQL(
            "CREATE SEQUENCE IF NOT EXISTS feedback_submission_reference_seq "
            "START 1",
            reverse_sql="DROP SEQUENCE IF EXISTS feedback_submission_reference_seq",
        ),
    ]
