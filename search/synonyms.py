"""Editors' synonym groups, for backends that expand queries in Python
(Elasticsearch; PostgreSQL expands them inside its vocabulary lookup)."""

from .models import Synonym

MAX_VARIANTS = 5


def synonym_variants(words: tuple[str, ...]) -> list[str]:
    """The query again with one word swapped for each of its synonyms:
    ("søppel", "henting") → ["avfall henting", "renovasjon henting", …]."""
    if not words:
        return []
    groups = list(
        Synonym.objects.filter(words__overlap=list(words)).values_list(
            "words", flat=True
        )
    )
    variants = []
    for i, word in enumerate(words):
        for group in groups:
            if word not in group:
                continue
            for other in group:
                if other != word:
                    variant = " ".join((*words[:i], other, *words[i + 1 :]))
                    if variant not in variants:
                        variants.append(variant)
    return variants[:MAX_VARIANTS]
