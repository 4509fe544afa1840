"""The layers of docs/architecture.md are checked by import-linter (`make lint`);
these tests make sure no local app escapes the check."""

import configparser
from pathlib import Path

from django.apps import apps
from django.conf import settings

CONFIG = Path(settings.BASE_DIR) / ".importlinter"


def _config() -> configparser.ConfigParser:
    parser = configparser.ConfigParser()
    parser.read(CONFIG, encoding="utf-8")
    return parser


def _local_apps() -> list[str]:
    base = Path(settings.BASE_DIR).resolve()
    return [
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == base
    ]


def test_every_local_app_is_checked_by_import_linter():
    config = _config()
    roots = config["importlinter"]["root_packages"].split()
    layers = config["importlinter:contract:apps"]["layers"]
    missing_root = [app for app in _local_apps() if app not in roots]
    missing_layer = [app for app in _local_apps() if app not in layers]
    missing_own = [
        app
        for app in _local_apps()
        if f"importlinter:contract:{app}-layers" not in config
    ]
    assert not (missing_root or missing_layer or missing_own), (
        "Add each app to .importlinter: root_packages "
        f"{missing_root}, the apps contract {missing_layer}, "
        f"a contract of its own layers {missing_own}"
    )
    assert len(_local_apps()) >= 7  # the check found the apps at all


def test_own_layers_contracts_are_exhaustive():
    """A module that no layer names would escape its app's contract."""
    config = _config()
    lax = [
        name
        for name in config.sections()
        if name.endswith("-layers") and config[name].get("exhaustive") != "true"
    ]
    assert lax == []
