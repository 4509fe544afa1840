# The contact details move from the per-site footer to the municipality's
# identity (portal.Municipality): one place for what the pages and the e-mails say.

from django.db import migrations


def copy_contact(apps, schema_editor):
    SiteFooter = apps.get_model("home", "SiteFooter")
    Municipality = apps.get_model("portal", "Municipality")
    Site = apps.get_model("wagtailcore", "Site")
    site = Site.objects.filter(is_default_site=True).first()
    footer = SiteFooter.objects.filter(site=site).first() if site else None
    if footer is None or Municipality.objects.exists():
        return
    Municipality.objects.create(
        name=site.site_name or "Kommunen",
        address=footer.contact_text,
        phone=footer.phone,
        email=footer.email,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_service_apply_label"),
        ("portal", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(copy_contact, migrations.RunPython.noop),
        migrations.RemoveField(model_name="sitefooter", name="contact_text"),
        migrations.RemoveField(model_name="sitefooter", name="email"),
        migrations.RemoveField(model_name="sitefooter", name="phone"),
    ]
