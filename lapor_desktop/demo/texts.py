"""The words of the demo data, read from `resources/demo/texts.toml` (data, not code):
complaint templates per category, openings and closings, places, people's names, notes
of each workflow action, and the channels with their weights."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from typing import Any

from lapor_desktop import paths
from lapor_desktop.domain.workflow import Action


@dataclass(frozen=True)
class Template:
    category: str
    opds: tuple[str, ...]  # the competent OPDs, most likely first; "KEC" = the location's
    pairs: tuple[tuple[str, str], ...]  # (title, body core) that belong together
    answers: tuple[str, ...]
    klasifikasi: str = "pengaduan"
    weight: float = 1.0
    anonim: float = 0.05
    rahasia: float = 0.03


def _strings(data: dict[str, Any], key: str) -> tuple[str, ...]:
    values = tuple(data[key])
    if not values or not all(isinstance(v, str) for v in values):
        raise ValueError(f"texts.toml: '{key}' must be a non-empty list of strings")
    return values


def _template(t: dict[str, Any]) -> Template:
    pairs = tuple((str(title), str(body)) for title, body in t["pairs"])
    return Template(
        category=str(t["category"]),
        opds=tuple(str(o) for o in t["opds"]),
        pairs=pairs,
        answers=_strings(t, "answers"),
        klasifikasi=str(t.get("klasifikasi", "pengaduan")),
        weight=float(t.get("weight", 1.0)),
        anonim=float(t.get("anonim", 0.05)),
        rahasia=float(t.get("rahasia", 0.03)),
    )


_DATA = tomllib.loads((paths.resources_dir() / "demo" / "texts.toml").read_text("utf-8"))

TEMPLATES: tuple[Template, ...] = tuple(_template(t) for t in _DATA["template"])
OPENINGS = _strings(_DATA, "openings")
EXTRAS = _strings(_DATA, "extras")
CLOSINGS = _strings(_DATA, "closings")
STREETS = _strings(_DATA, "streets")
LANDMARKS = _strings(_DATA, "landmarks")
RIVERS = _strings(_DATA, "rivers")
MARKETS = _strings(_DATA, "markets")
WHEN = _strings(_DATA, "when")
MONTH_COUNTS = _strings(_DATA, "month_counts")
AMOUNTS = _strings(_DATA, "amounts")
OPERATORS = _strings(_DATA, "operators")
MALE = _strings(_DATA["names"], "male")
FEMALE = _strings(_DATA["names"], "female")
FAMILY = _strings(_DATA["names"], "family")
NOTES: dict[Action, tuple[str, ...]] = {
    Action(code): _strings(_DATA["notes"], code) for code in _DATA["notes"]
}
NOT_OURS_NOTE = str(_DATA["not_ours_note"])
AUTO_CLOSE_NOTE = str(_DATA["auto_close_note"])
ESCALATE_NOTE = str(_DATA["escalate_note"])
CHANNELS: tuple[tuple[str, float], ...] = tuple((str(c), float(w)) for c, w in _DATA["channels"])
# Arrive in office hours and are logged by the front desk; the rest by the regency admin.
OFFICE_CHANNELS = frozenset(_strings(_DATA, "office_channels"))
