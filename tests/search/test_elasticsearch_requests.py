"""The Elasticsearch backend's request bodies, checked without a server.

No Elasticsearch runs on the development machines, and we do not pretend with a
mock server: the contract suite (tests/search/demo/test_contract.py) runs against
a real cluster when ELASTICSEARCH_URL is set. Here we check what elasticsearch.dsl
would send: index settings (analyzers), mappings, queries, aggregations.
"""

from types import SimpleNamespace

from search.backends.elasticsearch import (
    ANALYZER,
    build_autocomplete,
    build_index,
    build_search,
    decompound_words,
    to_source,
)
from search.documents import SearchDocument
from search.query import parse
from search.results import Filters


def item(**doc):
    return SimpleNamespace(
        key="page:7",
        language="nb",
        url="/barnehage/soke/",
        doc=SearchDocument(**{"kind": "service", **doc}),
    )


def test_index_settings_define_a_norwegian_compound_analyzer():
    body = build_index("portal-pages-1", ["barnehage", "plass"]).to_dict()
    analysis = body["settings"]["analysis"]
    chain = analysis["analyzer"][ANALYZER]["filter"]
    assert chain == ["lowercase", "portal_decompound", "portal_stop", "portal_stem"]
    assert analysis["filter"]["portal_stem"] == {
        "type": "stemmer",
        "language": "norwegian",
    }
    assert analysis["filter"]["portal_stop"]["stopwords"] == "_norwegian_"
    decompound = analysis["filter"]["portal_decompound"]
    assert decompound["type"] == "dictionary_decompounder"
    assert decompound["word_list"] == ["barnehage", "plass"]
    assert analysis["filter"]["portal_edge"]["type"] == "edge_ngram"


def test_mapping():
    props = build_index("x", []).to_dict()["mappings"]["properties"]
    assert props["title"]["analyzer"] == ANALYZER
    assert props["title"]["fields"]["prefix"]["analyzer"] == "portal_prefix"
    assert props["kind"]["type"] == props["audiences"]["type"] == "keyword"
    assert props["suggest"]["type"] == "completion"
    assert props["suggest"]["contexts"] == [{"name": "language", "type": "category"}]
    assert props["url"] == {"type": "keyword", "index": False}


def test_decompound_words_come_from_titles_and_keywords():
    words = decompound_words(
        [item(title="Søke barnehageplass", keywords="bhg, plass i barnehage")]
    )
    assert words == ["barnehage", "barnehageplass", "plass", "søke"]


def test_search_body_weights_fields_and_filters_language():
    body = build_search(
        parse("Barnehage PLASS"), filters=Filters(), page=1, per_page=10, language="nb"
    ).to_dict()
    query = body["query"]["bool"]
    assert query["filter"] == [{"term": {"language": "nb"}}]
    assert query["minimum_should_match"] == 1
    exact, fuzzy, prefix = (c["multi_match"] for c in query["should"])
    assert exact["query"] == "barnehage plass" and exact["operator"] == "and"
    assert exact["fields"][0] == "title^5"
    assert fuzzy["fuzziness"] == "AUTO"
    assert prefix["fields"] == ["title.prefix^2", "keywords.prefix"]
    assert (body["from"], body["size"]) == (0, 10)
    assert body["highlight"]["fields"]["body"]["pre_tags"] == ["\x02"]
    assert body["suggest"]["spelling"]["term"]["field"] == "spell"


def test_operators_never_reach_a_query_parser():
    body = build_search(
        parse('a & b | !c:* ( "d" ) OR 1=1; --'),
        filters=Filters(),
        page=1,
        per_page=10,
        language="nb",
    ).to_dict()
    assert body["query"]["bool"]["should"][0]["multi_match"]["query"] == (
        "a b c d or 1"
    )
    assert "query_string" not in str(body)


def test_facets_are_disjunctive_aggregations_and_post_filter():
    body = build_search(
        parse("barnehage"),
        filters=Filters(type=("service",), audience=("innbyggere",)),
        page=3,
        per_page=10,
        language="en",
        exclude=("page:5",),
    ).to_dict()
    assert body["from"] == 20
    post = body["post_filter"]["bool"]["filter"]
    assert {"terms": {"kind": ["service"]}} in post
    assert {"terms": {"audiences": ["innbyggere"]}} in post
    aggs = body["aggs"]
    # The type facet is counted with the audience filter only, and so on.
    assert aggs["type"]["filter"] == {
        "bool": {"filter": [{"terms": {"audiences": ["innbyggere"]}}]}
    }
    assert aggs["type"]["aggs"]["values"]["terms"]["field"] == "kind"
    assert aggs["topic"]["aggs"]["values"]["aggs"]["label"]["terms"]["field"] == (
        "topic_title"
    )
    assert {"bool": {"must_not": [{"terms": {"key": ["page:5"]}}]}} in (
        body["query"]["bool"]["filter"]
    )


def test_autocomplete_uses_the_completion_suggester():
    body = build_autocomplete("barneh", language="nb", limit=6).to_dict()
    completion = body["suggest"]["titles"]["completion"]
    assert body["suggest"]["titles"]["prefix"] == "barneh"
    assert completion["field"] == "suggest" and completion["size"] == 6
    assert completion["contexts"] == {"language": ["nb"]}


def test_source_document():
    source = to_source(
        item(
            title="Søke barnehageplass",
            keywords="bhg, daycare",
            audiences=["innbyggere"],
            topic_id=3,
            topic_title="Barnehage",
        )
    )
    assert source["suggest"]["input"] == ["Søke barnehageplass", "bhg", "daycare"]
    assert source["suggest"]["contexts"] == {"language": ["nb"]}
    assert source["topic_id"] == "3" and source["audiences"] == ["innbyggere"]


def test_synonym_variants_become_alternatives():
    body = build_search(
        parse("søppel henting"),
        filters=Filters(),
        page=1,
        per_page=10,
        language="nb",
        variants=["avfall henting"],
    ).to_dict()
    first = body["query"]["bool"]["should"][0]["multi_match"]
    assert first["query"] == "avfall henting" and first["operator"] == "and"


def test_response_is_read_into_results():
    # The documented shape of a search response (no server, no mock client):
    # elasticsearch.dsl's Response over it, read by the backend.
    from elasticsearch.dsl.response import Response

    from search.backends.elasticsearch import ElasticsearchBackend
    from search.results import Results

    s = build_search(
        parse("barnehageplas"), filters=Filters(), page=1, per_page=10, language="nb"
    )
    raw = {
        "hits": {
            "total": {"value": 1, "relation": "eq"},
            "max_score": 2.0,
            "hits": [
                {
                    "_index": "portal-pages-1",
                    "_id": "page:7@nb",
                    "_score": 2.0,
                    "_source": {
                        "key": "page:7",
                        "title": "Søke barnehageplass",
                        "url": "/barnehage/soke/",
                        "kind": "service",
                        "topic_title": "Barnehage",
                        "summary": "Søk om plass.",
                    },
                    "highlight": {"body": ["Søk om \x02barnehageplass\x03 <b>"]},
                }
            ],
        },
        "aggregations": {
            "type": {
                "doc_count": 1,
                "values": {"buckets": [{"key": "service", "doc_count": 1}]},
            },
            "topic": {
                "doc_count": 1,
                "values": {
                    "buckets": [
                        {
                            "key": "3",
                            "doc_count": 1,
                            "label": {
                                "buckets": [{"key": "Barnehage", "doc_count": 1}]
                            },
                        }
                    ]
                },
            },
            "audience": {"doc_count": 1, "values": {"buckets": []}},
        },
        "suggest": {
            "spelling": [
                {
                    "text": "barnehageplas",
                    "offset": 0,
                    "length": 13,
                    "options": [{"text": "barnehageplass", "score": 0.9, "freq": 3}],
                }
            ]
        },
    }
    results = Results(query="barnehageplas")
    ElasticsearchBackend._fill(results, Response(s, raw))
    assert results.total == 1
    hit = results.hits[0]
    assert (hit.page_id, hit.title, hit.topic) == (
        7,
        "Søke barnehageplass",
        "Barnehage",
    )
    assert str(hit.snippet) == "Søk om <mark>barnehageplass</mark> &lt;b&gt;"
    assert results.facets["topic"][0].label == "Barnehage"
    assert results.facets["topic"][0].value == "3"
    assert results.suggestion == "barnehageplass"


def test_completion_response_is_read_into_hits():
    from elasticsearch.dsl.response import Response

    from search.backends.elasticsearch import ElasticsearchBackend

    s = build_autocomplete("barneh", language="nb", limit=6)
    raw = {
        "hits": {"total": {"value": 0, "relation": "eq"}, "hits": []},
        "suggest": {
            "titles": [
                {
                    "text": "barneh",
                    "offset": 0,
                    "length": 6,
                    "options": [
                        {
                            "text": "Søke barnehageplass",
                            "_index": "portal-pages-1",
                            "_id": "page:7@nb",
                            "_score": 10.0,
                            "_source": {
                                "key": "page:7",
                                "kind": "service",
                                "title": "Søke barnehageplass",
                                "url": "/barnehage/soke/",
                            },
                        }
                    ],
                }
            ]
        },
    }
    hits = ElasticsearchBackend._suggestions(Response(s, raw))
    assert [(h.page_id, h.title, h.url) for h in hits] == [
        (7, "Søke barnehageplass", "/barnehage/soke/")
    ]


def test_the_client_gets_the_api_key_and_ca_certificate_that_are_configured(settings):
    from search.backends.elasticsearch import ElasticsearchBackend, client_options

    settings.ELASTICSEARCH_API_KEY = ""
    settings.ELASTICSEARCH_CA_CERTS = ""
    assert client_options() == {}

    settings.ELASTICSEARCH_API_KEY = "a2V5OnNlY3JldA=="
    settings.ELASTICSEARCH_CA_CERTS = "/etc/ssl/certs/ca-certificates.crt"
    client = ElasticsearchBackend(url="https://search.example:9200").client
    # The official client keeps the API key as an Authorization header.
    assert client._headers["authorization"] == "ApiKey a2V5OnNlY3JldA=="
    node = client.transport.node_pool.get().config
    assert node.ca_certs == "/etc/ssl/certs/ca-certificates.crt"
