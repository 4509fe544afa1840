"""Scale the demo content up for benchmarks: `bench_seed_pages --count 5000`.

Adds service and standard pages (4 of 5 are services) under the demo topics until
there are `--count` of them in all, varied from the demo services' texts. Pages
are written in bulk (Page rows, then the page-type rows, then audiences) rather
than through publish(), which would take most of an hour for 5,000 pages; run
`search_reindex` afterwards. Idempotent: running it again adds nothing.

For benchmark databases only — never run it against real content.
"""

import random
import uuid

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from treebeard.mp_tree import MP_Node
from wagtail.models import Page

PLACES = [
    "Asker sentrum",
    "Heggedal",
    "Vollen",
    "Slemmestad",
    "Holmen",
    "Hvalstad",
    "Bondi",
    "Nesbru",
    "Borgen",
    "Gullhella",
    "Sætre",
    "Tofte",
    "Røyken",
    "Hyggen",
    "Spikkestad",
    "Filtvet",
    "Drengsrud",
    "Billingstad",
    "Nærsnes",
]
AUDIENCES = ["innbyggere", "lag-og-foreninger", "naeringsliv"]


def _step(path_of_parent: str, n: int) -> str:
    return MP_Node._get_path(path_of_parent, len(path_of_parent) // 4 + 1, n)


class Command(BaseCommand):
    help = "Add bulk service/standard pages for benchmarks (see module docstring)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=5000)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, count, seed, **options):
        from django.contrib.contenttypes.models import ContentType

        from home.demo_content import SERVICES
        from home.models import Audience, ServicePage, StandardPage, TopicPage
        from units.models import Unit

        rng = random.Random(seed)
        topics = list(
            TopicPage.objects.filter(locale__language_code="nb").order_by("path")
        )
        if not topics:
            raise CommandError("Seed the demo content first (manage.py seed_demo).")
        existing = ServicePage.objects.count() + StandardPage.objects.count()
        missing = count - existing
        if missing <= 0:
            self.stdout.write(f"Already {existing} service/standard pages.")
            return
        units = {u.slug: u for u in Unit.objects.all()}
        audiences = {a.slug: a for a in Audience.objects.all()}
        ct_service = ContentType.objects.get_for_model(ServicePage)
        ct_standard = ContentType.objects.get_for_model(StandardPage)
        now = timezone.now()

        with transaction.atomic():
            # Next free child step under each topic (path steps are base 36).
            next_step = {}
            for topic in topics:
                last = (
                    Page.objects.filter(
                        path__startswith=topic.path, depth=topic.depth + 1
                    )
                    .order_by("-path")
                    .first()
                )
                next_step[topic.pk] = (int(last.path[-4:], 36) + 1) if last else 1
            pages, kinds, memberships = [], [], []
            for n in range(missing):
                topic = topics[n % len(topics)]
                source = SERVICES[rng.randrange(len(SERVICES))]
                place = rng.choice(PLACES)
                is_service = n % 5 != 4
                title = f"{source['title']} – {place} {n + 1}"
                slug = f"bench-{existing + n + 1}"
                path = _step(topic.path, next_step[topic.pk])
                next_step[topic.pk] += 1
                page = Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    path=path,
                    depth=topic.depth + 1,
                    numchild=0,
                    url_path=f"{topic.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                    locale_id=topic.locale_id,
                    translation_key=uuid.uuid4(),
                    content_type=ct_service if is_service else ct_standard,
                )
                pages.append(page)
                kinds.append((is_service, source, place))
            Page.objects.bulk_create(pages, batch_size=1000)
            services, standards = [], []
            for page, (is_service, source, place) in zip(pages, kinds, strict=True):
                common = {
                    "page_ptr_id": page.pk,
                    "summary": f"{source['summary']} Gjelder {place}.",
                }
                if is_service:
                    services.append(
                        ServicePage(
                            **common,
                            what_it_is=source["what_it_is"],
                            who_can_get_it=source["who_can_get_it"],
                            how_to_apply=source["how_to_apply"],
                            price=source["price"],
                            processing_time=source["processing_time"],
                            responsible_unit=units[source["unit"]],
                            search_keywords=source["keywords"],
                            contact="",
                            apply_url="",
                        )
                    )
                    for slug in source["audiences"]:
                        memberships.append(
                            ServicePage.audiences.through(
                                servicepage_id=page.pk, audience_id=audiences[slug].pk
                            )
                        )
                else:
                    standards.append(
                        StandardPage(
                            **common,
                            body=source["what_it_is"] + source["how_to_apply"],
                            responsible_unit=units[source["unit"]],
                        )
                    )
            # Multi-table inheritance: bulk_create refuses; insert the page-type
            # rows with their own table's fields only.
            for model, rows in ((ServicePage, services), (StandardPage, standards)):
                fields = list(model._meta.local_concrete_fields)
                for start in range(0, len(rows), 1000):
                    model._base_manager._insert(
                        rows[start : start + 1000], fields=fields
                    )
            ServicePage.audiences.through.objects.bulk_create(
                memberships, batch_size=2000
            )
            for topic in topics:
                topic.numchild = Page.objects.filter(
                    path__startswith=topic.path, depth=topic.depth + 1
                ).count()
                Page.objects.filter(pk=topic.pk).update(numchild=topic.numchild)
        # Fresh planner statistics: without them PostgreSQL keeps planning for the
        # small tree it saw before the bulk insert.
        with connection.cursor() as cursor:
            for model in (
                Page,
                ServicePage,
                StandardPage,
                ServicePage.audiences.through,
            ):
                cursor.execute(f'ANALYZE "{model._meta.db_table}"')
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {missing} pages ({len(services)} services, {len(standards)} "
                f"standard pages). Now run: manage.py search_reindex"
            )
        )
