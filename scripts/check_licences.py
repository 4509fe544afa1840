"""Fail when a dependency that ships with the portal has a licence we cannot ship.

The portal is BSD-3-Clause. What a municipality installs from `pip install .` and
`npm ci` must let it run, change and redistribute the portal under that licence:
permissive licences, and the weak copyleft ones (LGPL, MPL) that bind only the
library itself. A strong copyleft (GPL, AGPL) or an unknown licence stops `make lint`
until someone has read it and either replaced the package or recorded the
reasoning in REVIEWED below. (pillow-heif was dropped for this: its binary wheels
bundle GPL-licensed code.)

Only what is installed for running the portal is checked: the `dependencies` of
pyproject.toml followed transitively, and the non-dev packages of package-lock.json.
Development tools (the `dev` extra) are not shipped.

Usage: python scripts/check_licences.py   (exit status 1 on a problem)
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent

# Case-insensitive patterns over the licence text a package declares (SPDX
# expression, License field or trove classifiers). Checked in this order.
FORBIDDEN = [r"\bAGPL", r"(?<!L)GPL", r"Affero", r"(?<!Lesser )General Public", r"SSPL"]
ALLOWED = [
    r"\bMIT\b",
    r"\bBSD\b",
    r"BSD-[23]-Clause",
    r"Apache",
    r"\bISC",
    r"\bPSF",
    r"Python Software Foundation",
    r"MPL-2\.0",
    r"Mozilla Public License 2\.0",
    r"LGPL",
    r"Lesser General Public",
    r"MIT-CMU",
    r"Historical Permission Notice",
    # Fonts (Inter): the SIL Open Font License lets a font be bundled, embedded
    # and redistributed with any software, whatever its licence; only selling the
    # font on its own is excluded, which we do not do.
    r"OFL-1\.1",
]

# Packages whose metadata says too little; each with why it is fine.
REVIEWED: dict[str, str] = {
    "pypi:django-otp": (
        "The Unlicense: a dedication to the public domain with a permissive "
        "fallback licence and no conditions, so it binds nothing we ship"
    ),
    "pypi:pillow": (
        "its LICENSE gathers the licences of the libraries in the wheel; the GPL "
        "is named for FreeType's dual FTL/GPLv2 licence (used under the FTL) and "
        "for xz's build scripts and tools, which are not in the binaries"
    ),
}


def python_dependencies() -> dict[str, metadata.Distribution]:
    """The installed distributions the project needs at run time, transitively,
    following the extras each requirement asks for (psycopg[binary])."""
    found: dict[str, metadata.Distribution] = {}

    def walk(name: str, extras: frozenset[str]) -> None:
        key = re.sub(r"[-_.]+", "-", name).lower()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            return  # a requirement whose marker excludes this platform
        first_visit = key not in found
        found[key] = dist
        for line in dist.requires or []:
            req = Requirement(line)
            if req.marker and not any(
                req.marker.evaluate({"extra": extra}) for extra in extras or {""}
            ):
                continue
            if first_visit or req.extras:
                walk(req.name, frozenset(req.extras))

    # The project's own requirements from pyproject.toml, not from the installed
    # metadata, which is stale until the next install.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for line in project["dependencies"]:
        req = Requirement(line)
        walk(req.name, frozenset(req.extras))
    return found


# A wheel that bundles a GPL library (pillow-heif ships libx265) may declare BSD for
# itself and name the GPL only in a bundled licence file, so those files are read
# too: the GPL's own text, or a GPL version named as a licence (not the LGPL, not
# the GCC runtime exception, not "GPL-compatible" as the PSF licence says).
GPL_TEXT = re.compile(
    r"GNU (AFFERO )?GENERAL PUBLIC LICENSE\s+Version [23]"
    r"|(?<![\w-])A?GPL(v[23]|-[23]\.0)(?![\w-]*with-GCC-exception)"
)


def bundled_gpl(dist: metadata.Distribution) -> list[str]:
    """The licence files shipped in the distribution that carry the GPL's text."""
    found = []
    for name in dist.metadata.get_all("License-File") or []:
        candidates = [f"licenses/{name}", name]
        for candidate in candidates:
            text = dist.read_text(candidate)
            if text is not None:
                if GPL_TEXT.search(text):
                    found.append(name)
                break
    return found


def python_licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    parts = [meta.get("License-Expression") or ""]
    declared = meta.get("License") or ""
    if len(declared) < 200:  # some packages paste the whole licence text here
        parts.append(declared)
    parts += [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    parts += [f"GPL in bundled {name}" for name in bundled_gpl(dist)]
    return "; ".join(p.strip() for p in parts if p and p.strip())


def npm_dependencies() -> dict[str, str]:
    lock = json.loads((ROOT / "package-lock.json").read_text())
    return {
        path.removeprefix("node_modules/"): info.get("license", "")
        for path, info in lock.get("packages", {}).items()
        if path and not info.get("dev")
    }


def verdict(name: str, licence: str) -> str | None:
    """None when the package may ship; else the reason it may not."""
    if name in REVIEWED:
        return None
    if any(re.search(p, licence, re.IGNORECASE) for p in FORBIDDEN):
        return f"strong copyleft ({licence})"
    if any(re.search(p, licence, re.IGNORECASE) for p in ALLOWED):
        return None
    return f"unknown licence ({licence or 'none declared'}): review it"


def main() -> int:
    packages = {
        f"pypi:{key}": python_licence(dist)
        for key, dist in python_dependencies().items()
    }
    packages |= {f"npm:{name}": lic for name, lic in npm_dependencies().items()}
    problems = [
        f"  {name}: {reason}"
        for name, licence in sorted(packages.items())
        if (reason := verdict(name, licence))
    ]
    if problems:
        sys.stdout.write("\n".join(["Licence check failed:", *problems]) + "\n")
        return 1
    sys.stdout.write(
        f"Licences: {len(packages)} shipped packages checked, all may ship.\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
