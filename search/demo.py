"""Demo data for search: editors' best bets and synonyms, the report permission
for editors, and a fresh index. Idempotent."""

from django.contrib.auth.models import Group, Permission

# (query, service slug, description)
BEST_BETS = [
    (
        "opptak",
        "soke-barnehageplass",
        "Hovedopptaket til barnehage: søk innen 1. mars.",
    ),
    ("skatt", "eiendomsskatt", "Eiendomsskatt på bolig og hytte i Asker."),
]


# Words residents use for what the pages call something else.
SYNONYMS = [
    ["søppel", "søpla", "avfall", "renovasjon", "boss"],
    ["lege", "doktor"],
]


def seed(stdout):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    from home.models import ServicePage
    from search import indexing
    from search.models import Synonym

    for words in SYNONYMS:
        if not Synonym.objects.filter(words__overlap=words[:1]).exists():
            Synonym.objects.create(words=words)

    for order, (query_string, slug, description) in enumerate(BEST_BETS):
        page = ServicePage.objects.filter(slug=slug, locale__language_code="nb").first()
        if page is None:
            continue
        query = Query.get(query_string)
        SearchPromotion.objects.update_or_create(
            query=query,
            page=page,
            defaults={"description": description, "sort_order": order},
        )
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="portal_search",
                codename__in=[
                    "view_searchtermdaily",
                    "add_synonym",
                    "change_synonym",
                    "delete_synonym",
                ],
            )
        )
    count = indexing.rebuild()
    stdout.write(
        f"  search: {count} pages indexed, {len(BEST_BETS)} best bets, "
        f"{len(SYNONYMS)} synonym groups"
    )
