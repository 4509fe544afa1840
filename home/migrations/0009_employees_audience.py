from django.db import migrations

# The fifth audience of the communication platform: «ansatte og folkevalgte».


def create(apps, schema_editor):
    Audience = apps.get_model("home", "Audience")
    Audience.objects.get_or_create(
        slug="ansatte-og-folkevalgte",
        defaults={
            "name": "Ansatte og folkevalgte",
            "name_en": "Employees and elected representatives",
            "sort_order": 5,
        },
    )


class Migration(migrations.Migration):
    dependencies = [("home", "0008_audience_pages")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
