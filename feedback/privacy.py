"""Personal data helpers shared by feedback and hearings. Pure functions.

Norwegian national identity numbers (fødselsnummer, D-nummer, H-nummer) are 11
digits DDMMYY + individual number (3) + two mod-11 check digits. We look for them in
free text so handlers are warned and nothing with one is ever published.
"""

import datetime
import re

_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)

# Eleven digits, optionally written as 6 + space/dot/dash + 5, not inside a longer
# number.
_CANDIDATE = re.compile(r"(?<![\d])(\d{6})[ .\-]?(\d{5})(?![\d])")


def _check_digit(digits: list[int], weights: tuple[int, ...]) -> int | None:
    remainder = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
    check = 11 - remainder
    if check == 11:
        return 0
    if check == 10:
        return None  # no valid number has this
    return check


def _plausible_date(digits: str) -> bool:
    day, month, year = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    if day > 40:  # D-nummer: day + 40
        day -= 40
    if month > 80:  # synthetic test numbers (Skatteetaten): month + 80
        month -= 80
    elif month > 40:  # H-nummer: month + 40
        month -= 40
    try:
        # The century does not matter for validity; 2000 is a leap year, so
        # 29 February is accepted.
        datetime.date(2000 + year, month, day)
    except ValueError:
        return False
    return True


def is_valid_fnr(value: str) -> bool:
    """True if `value` (11 digits, separators allowed) is a valid fødselsnummer,
    D-nummer or H-nummer by date and both mod-11 check digits."""
    digits = re.sub(r"[ .\-]", "", value or "")
    if len(digits) != 11 or not digits.isdigit():
        return False
    if not _plausible_date(digits):
        return False
    numbers = [int(c) for c in digits]
    k1 = _check_digit(numbers[:9], _WEIGHTS_1)
    if k1 is None or k1 != numbers[9]:
        return False
    k2 = _check_digit(numbers[:10], _WEIGHTS_2)
    return k2 is not None and k2 == numbers[10]


def find_fnr(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of valid national ID numbers in `text`."""
    spans = []
    for match in _CANDIDATE.finditer(text or ""):
        if is_valid_fnr(match.group(1) + match.group(2)):
            spans.append(match.span())
    return spans


def contains_fnr(text: str) -> bool:
    return bool(find_fnr(text))


def mask_fnr(text: str, mask: str = "***********") -> str:
    """`text` with every valid national ID number replaced by `mask`."""
    spans = find_fnr(text)
    for start, end in reversed(spans):
        text = text[:start] + mask + text[end:]
    return text
