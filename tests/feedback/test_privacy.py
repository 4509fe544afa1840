import pytest

from feedback.privacy import contains_fnr, find_fnr, is_valid_fnr, mask_fnr

# Synthetic numbers with valid check digits (not real people).
VALID = ["01010150074", "15076500565", "41010150068"]  # last: D-nummer


@pytest.mark.parametrize("number", VALID)
def test_valid_numbers(number):
    assert is_valid_fnr(number)


@pytest.mark.parametrize(
    "number",
    ["01010150075", "12345678901", "0101015001", "32010150011", "abcdefghijk", ""],
)
def test_invalid_numbers(number):
    assert not is_valid_fnr(number)


def test_found_in_text_with_space_and_masked():
    text = "Mitt fødselsnummer er 010101 50074, ring meg på 12345678."
    assert contains_fnr(text)
    assert len(find_fnr(text)) == 1
    assert mask_fnr(text) == "Mitt fødselsnummer er ***********, ring meg på 12345678."


def test_longer_numbers_and_phone_numbers_are_not_flagged():
    assert not contains_fnr("Kontonummer 1234.56.78903 og telefon 66 90 90 00")
    assert not contains_fnr("Ordre 0101015001199")
