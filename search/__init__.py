"""Public search. The one entry point is `search.search()` (see search/api.py)."""


def search(query, *, filters=None, page=1, language=None, per_page=None, correct=True):
    """Search the public pages and proposals; see search.api.search for the details."""
    from .api import search as _search

    return _search(
        query,
        filters=filters,
        page=page,
        language=language,
        per_page=per_page,
        correct=correct,
    )
