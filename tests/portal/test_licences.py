"""The licence check of `make lint` (scripts/check_licences.py): what it lets ship."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "check_licences.py"
spec = importlib.util.spec_from_file_location("check_licences", SCRIPT)
check_licences = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_licences)


@pytest.mark.parametrize(
    "licence",
    [
        # pillow-heif 0.22's own metadata: BSD for its code, GPLv2 for the wheels.
        "BSD-3-Clause; GNU General Public License v2 (GPLv2)",
        "GPL-3.0-or-later",
        "AGPL-3.0-only",
        "GNU Affero General Public License v3",
    ],
)
def test_strong_copyleft_may_not_ship(licence):
    assert "strong copyleft" in check_licences.verdict("pypi:x", licence)


@pytest.mark.parametrize(
    "licence",
    [
        "LGPL-3.0-only",  # psycopg
        "GNU Lesser General Public License v3 (LGPLv3)",
        "MPL-2.0",  # axe-core, certifi
        "BSD-3-Clause",
        "MIT License",
        "Apache-2.0 OR BSD-2-Clause",
        "MIT-CMU",  # pillow
    ],
)
def test_permissive_and_weak_copyleft_may_ship(licence):
    assert check_licences.verdict("pypi:x", licence) is None


def test_an_unknown_licence_asks_for_a_review():
    assert "review" in check_licences.verdict("pypi:x", "")
    assert "review" in check_licences.verdict("pypi:x", "Proprietary")


def test_what_the_portal_ships_today_may_ship():
    shipped = check_licences.python_dependencies()
    # Followed transitively and through extras: psycopg[binary] brings its wheel.
    assert {"django", "wagtail", "psycopg", "psycopg-binary"} <= shipped.keys()
    assert "pillow-heif" not in shipped
    assert "pytest" not in shipped  # development tools are not shipped
    assert check_licences.main() == 0


@pytest.mark.parametrize(
    ("text", "gpl"),
    [
        # Lines of pillow-heif 1.8.1's LICENSES_bundled.txt (x265).
        ('License for "pillow-heif" binary wheels: GPLv2, due to base library', True),
        ("License: GPLv2", True),
        ("GNU GENERAL PUBLIC LICENSE\n           Version 2, June 1991", True),
        # Not the GPL: the LGPL, the GCC runtime exception, the PSF's wording.
        ("License: LGPLv3", False),
        ("GNU LESSER GENERAL PUBLIC LICENSE\n Version 3", False),
        ("License: GPL-3.0-with-GCC-exception (libgcc, libstdc++)", False),
        ("All Python releases are Open Source ... GPL-compatible", False),
    ],
)
def test_gpl_in_a_bundled_licence_file_is_found(text, gpl):
    assert bool(check_licences.GPL_TEXT.search(text)) is gpl


def test_heic_is_decoded_without_the_gpl_encoder():
    from PIL import Image

    shipped = check_licences.python_dependencies()
    assert "pi-heif" in shipped
    # Pillow knows HEIF through pi-heif (registered in portal.apps).
    assert "HEIF" in Image.registered_extensions().values()
