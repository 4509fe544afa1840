from django.db import migrations

# kommuneloven § 5-12: the councils every municipality must have.
COUNCILS = [
    ("Eldrerådet", "Council for the elderly", 1),
    ("Rådet for personer med funksjonsnedsettelse",
     "Council for people with disabilities", 2),
    ("Ungdomsrådet", "Youth council", 3),
]


def add_councils(apps, schema_editor):
    Consultee = apps.get_model("hearings", "Consultee")
    for name, name_en, order in COUNCILS:
        Consultee.objects.update_or_create(
            name=name, defaults={"name_en": name_en, "statutory": True,
                                 "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("hearings", "0001_initial")]

    operations = [migrations.RunPython(add_councils, migrations.RunPython.noop)]
