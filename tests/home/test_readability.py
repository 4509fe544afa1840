import pytest

from home.readability import band_for, lix


def test_worked_example():
    # 10 words, 2 sentences, 0 long words: 10/2 + 0 = 5.
    result = lix("Dette er en enkel tekst. Den er lett å lese.")
    assert (result.words, result.sentences, result.long_words) == (10, 2, 0)
    assert result.score == 5.0
    assert result.band == "very_easy"


def test_long_words_are_more_than_six_letters():
    # "barnehage" (9) is long; "skolen" (6) is not; punctuation does not count.
    result = lix("Barnehage skolen.")
    assert result.long_words == 1
    assert result.score == pytest.approx(2 / 1 + 100 * 1 / 2)


def test_hard_text_warns():
    text = (
        "Kommunestyrets saksbehandlingsrutiner innebærer omfattende "
        "dokumentasjonskrav vedrørende forvaltningsmessige beslutninger."
    )
    result = lix(text)
    assert result.score > 50 and result.warn
    assert result.band == "very_hard"


def test_line_breaks_end_sentences():
    # Headings and list items carry no full stop but are sentences to a reader.
    assert lix("Søke plass\nSlik søker du\nHva koster det").sentences == 3


def test_empty_text():
    result = lix("")
    assert result.score == 0 and result.words == 0 and not result.warn


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0, "very_easy"),
        (29.9, "very_easy"),
        (30, "easy"),
        (39.9, "easy"),
        (40, "medium"),
        (50, "hard"),
        (59.9, "hard"),
        (60, "very_hard"),
    ],
)
def test_bands(score, band):
    assert band_for(score)[0] == band


def test_warn_threshold_is_strictly_above():
    # 5 words, 1 sentence, 2 long (40 %): 5 + 40 = 45 → no warning at 50.
    assert not lix("Vi behandler søknader raskt her.").warn


def test_reading_text_makes_each_block_a_line():
    """A heading or list item is a sentence to a reader, as the editor's
    innerText gives it while typing (one score on opening and while typing)."""
    from home.readability import reading_text

    html = "<h2>Slik søker du</h2><ul><li>Fyll ut skjemaet</li><li>Send</li></ul>"
    assert reading_text("Tittel", html, "") == (
        "Tittel\nSlik søker du\nFyll ut skjemaet\nSend"
    )
    assert reading_text("<p>Pris&nbsp;er 0&nbsp;kr.</p>") == "Pris er 0 kr."


def test_the_hardest_sentences_are_named_hardest_first():
    from home.readability import lix

    easy = "Du kan søke. Det er lett. Vi svarer fort."
    hard = (
        "Kommunestyrets saksbehandlingsrutiner innebærer omfattende "
        "dokumentasjonskrav vedrørende forvaltningsmessige beslutninger i saken."
    )
    harder = (
        "Forvaltningsmessige saksbehandlingsrutiner forutsetter dokumentasjon "
        "vedrørende kommunestyrets beslutningsgrunnlag og økonomiplanarbeid."
    )
    result = lix(f"{easy} {hard} {harder}", warn_above=50)
    # As the editor finds them in the text (without the full stop).
    expected = (harder.rstrip("."), hard.rstrip("."))
    assert result.hardest == expected
    assert lix(easy, warn_above=50).hardest == ()
    assert result.as_dict()["hardest"] == list(expected)


def test_language_profile_words_are_found_as_words_start():
    from home.readability import plain_word_hits

    profile = [
        ("ansøkning", "søknad"),
        ("dersom", "hvis"),
        ("iht.", "etter"),
        ("søk", "x"),
    ]
    text = "Dersom du vil, send Ansøkningen iht. reglene. Send ansøkninger tidlig."
    assert plain_word_hits(text, profile) == [
        {"found": "Dersom", "instead": "hvis"},
        {"found": "Ansøkningen", "instead": "søknad"},
        {"found": "iht.", "instead": "etter"},
    ]
    # «søk» is not inside «Ansøkningen»: a word must start with it.
    assert plain_word_hits("Søknaden er klar.", profile) == [
        {"found": "Søknaden", "instead": "x"}
    ]
    assert plain_word_hits("", profile) == []
