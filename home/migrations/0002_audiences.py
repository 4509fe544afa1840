from django.db import migrations

# The four audiences of the municipality's communication platform. Editors may
# rename them; the slugs are used in filter URLs (?malgruppe=...).
AUDIENCES = [
    ("innbyggere", "Innbyggere", "Residents", 1),
    ("lag-og-foreninger", "Lag og foreninger", "Associations", 2),
    ("naeringsliv", "Næringsliv", "Businesses", 3),
    ("media", "Media", "Media", 4),
]


def create_audiences(apps, schema_editor):
    Audience = apps.get_model("home", "Audience")
    for slug, name, name_en, order in AUDIENCES:
        Audience.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]
    operations = [migrations.RunPython(create_audiences, migrations.RunPython.noop)]
