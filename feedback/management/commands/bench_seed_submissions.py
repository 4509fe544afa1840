"""Fill the database with many submissions for the benchmarks (bench/), fast.

    manage.py bench_seed_submissions --count 100000
    manage.py bench_seed_submissions --clear

Rows are written with PostgreSQL COPY (tens of thousands per second), not through
the services: this is load for measuring reads, not a way to create real inputs.
Every bench row has a reference starting with "B" so --clear removes exactly
these and nothing a resident sent. Each submission gets the two events a real one
starts with (received, routed) and a reply on the answered ones, so the case view
has a realistic timeline.
"""

import datetime
import random

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from feedback.choices import EventKind, InputKind, Status
from feedback.models import Submission, SubmissionEvent, Topic
from units.models import Unit

PREFIX = "B"
KINDS = [
    (InputKind.FEEDBACK, 45),
    (InputKind.QUESTION, 25),
    (InputKind.SUGGESTION, 15),
    (InputKind.PAGE_FEEDBACK, 15),
]
STATUSES = [
    (Status.RECEIVED, 20),
    (Status.IN_PROGRESS, 20),
    (Status.ANSWERED, 30),
    (Status.CLOSED, 25),
    (Status.SPAM, 5),
]
WORDS = (
    "brøyting vei hull gatelys søppel henting barnehage plass skole buss "
    "parkering støy vann avløp park lekeplass sykkel fortau snø is"
).split()


def _weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


class Command(BaseCommand):
    help = "Insert N synthetic submissions (reference B…) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=100_000)
        parser.add_argument("--batch", type=int, default=10_000)
        parser.add_argument(
            "--days",
            type=int,
            default=365,
            help="Spread the submissions over this many days.",
        )
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--clear",
            action="store_true",
            help="Delete earlier bench rows (and only those) first.",
        )

    def handle(self, *args, count, batch, days, seed, clear, **options):
        if connection.vendor != "postgresql":
            raise CommandError("The bench seed needs PostgreSQL (COPY).")
        if clear:
            deleted, _ = Submission.objects.filter(
                reference__startswith=PREFIX
            ).delete()
            self.stdout.write(f"Deleted {deleted} bench rows.")
        units = list(Unit.objects.values_list("pk", "first_answer_days"))
        if not units:
            raise CommandError("No units: run seed_demo first.")
        topics = list(Topic.objects.values_list("pk", flat=True)) or [None]
        start = Submission.objects.filter(reference__startswith=PREFIX).count()
        rng = random.Random(seed + start)  # noqa: S311 - synthetic data
        now = timezone.now()
        done = 0
        while done < count:
            size = min(batch, count - done)
            with transaction.atomic():
                self._insert(rng, start + done, size, units, topics, now, days)
            done += size
            self.stdout.write(f"  {done}/{count}")
        # VACUUM as autovacuum would after a bulk insert in production: without
        # the visibility map no count can be an index-only scan, and the inbox
        # would be measured slower than it runs. (Inside a transaction, as in
        # the tests, only ANALYZE is possible.)
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
        with connection.cursor() as cursor:
            cursor.execute(f"{command} feedback_submission")
            cursor.execute(f"{command} feedback_submissionevent")
        self.stdout.write(self.style.SUCCESS(f"Inserted {count} submissions."))

    def _insert(self, rng, offset, size, units, topics, now, days):
        sub_table = Submission._meta.db_table
        columns = [
            "reference",
            "kind",
            "status",
            "topic_id",
            "subject",
            "text",
            "location",
            "postcode",
            "contact_name",
            "contact_email",
            "contact_phone",
            "organisation",
            "language",
            "unit_id",
            "routing_reason",
            "routed_at",
            "due_at",
            "first_answered_at",
            "interim_reply_at",
            "closed_at",
            "tracking_token_hash",
            "form_token_hash",
            "flagged_for_moderation",
            "moderation_reason",
            "created_at",
            "updated_at",
            "helpful",
        ]
        rows = []
        for i in range(size):
            n = offset + i + 1
            created = now - datetime.timedelta(seconds=rng.randint(0, days * 86400))
            unit_id, sla = rng.choice(units)
            kind = _weighted(rng, KINDS)
            status = _weighted(rng, STATUSES)
            answered = status in (Status.ANSWERED, Status.CLOSED)
            first_answer = (
                created + datetime.timedelta(hours=rng.randint(2, 600))
                if answered
                else None
            )
            words = rng.sample(WORDS, 6)
            rows.append(
                (
                    f"{PREFIX}{n:09d}",
                    kind,
                    status,
                    rng.choice(topics),
                    " ".join(words[:3]).capitalize(),
                    " ".join(words) + ". " + " ".join(rng.sample(WORDS, 10)) + ".",
                    "",
                    f"13{rng.randint(70, 99)}",
                    "Bench Testesen",
                    f"bench{n % 5000}@example.org" if rng.random() < 0.6 else "",
                    "",
                    "",
                    "nb",
                    unit_id,
                    "Benchmark",
                    created,
                    None
                    if kind == InputKind.PAGE_FEEDBACK
                    else created + datetime.timedelta(days=sla or 14),
                    first_answer,
                    None,
                    first_answer if status == Status.CLOSED else None,
                    "",
                    "",  # form_token_hash: none (not sent through a form)
                    False,
                    "",
                    created,
                    first_answer or created,
                    (rng.random() < 0.6) if kind == InputKind.PAGE_FEEDBACK else None,
                )
            )
        with connection.cursor() as cursor:
            copy_sql = f"COPY {sub_table} ({', '.join(columns)}) FROM STDIN"
            with cursor.cursor.copy(copy_sql) as copy:
                for row in rows:
                    copy.write_row(row)
            cursor.execute(
                f"SELECT id, created_at, unit_id, first_answered_at FROM {sub_table} "  # noqa: S608 - table name from the model
                "WHERE reference >= %s AND reference <= %s",
                [f"{PREFIX}{offset + 1:09d}", f"{PREFIX}{offset + size:09d}"],
            )
            created_rows = cursor.fetchall()
            event_table = SubmissionEvent._meta.db_table
            event_columns = [
                "submission_id",
                "kind",
                "public",
                "text",
                "to_unit_id",
                "data",
                "created_at",
            ]
            with cursor.cursor.copy(
                f"COPY {event_table} ({', '.join(event_columns)}) FROM STDIN"
            ) as copy:
                for pk, created, unit_id, first_answer in created_rows:
                    copy.write_row(
                        (pk, EventKind.RECEIVED, True, "", None, "{}", created)
                    )
                    copy.write_row(
                        (
                            pk,
                            EventKind.ROUTED,
                            True,
                            "Benchmark",
                            unit_id,
                            "{}",
                            created,
                        )
                    )
                    if first_answer:
                        copy.write_row(
                            (
                                pk,
                                EventKind.REPLIED,
                                True,
                                "Takk for innspillet.",
                                None,
                                "{}",
                                first_answer,
                            )
                        )
