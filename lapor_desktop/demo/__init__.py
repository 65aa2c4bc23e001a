"""Demo data: realistic Kampar complaints for demos, screenshots and benchmarks (not a use
case: a setup step, like `init`).

`generate(ctx, cases, seed)` fills an initialized database with `cases` complaints whose
texts, places, reporters, offices and histories look like the real work of the regency:

- Indonesian titles and bodies from varied templates (jalan rusak, lampu jalan mati, sampah,
  puskesmas, KTP-el, guru honorer, bansos, banjir, pungli, izin usaha, air PDAM, sekolah
  rusak, dana desa, ...), located in real Kampar kecamatan and desa/kelurahan;
- a pool of reporters with Indonesian names and valid Kampar NIKs (1401 + kecamatan code +
  birth date, +40 for women, + serial);
- every status reached through a history that follows the workflow table action by action
  (status == fold of the history), with holds, archives, re-dispositions, "bukan wewenang",
  returned answers, reopened cases, acceptances, automatic closes and Ombudsman
  escalations; some cases stuck and overdue; received over the 12 months before
  `ctx.clock.now()`; the current deadline columns filled exactly as the deadlines engine
  would (`deadlines.clocks_for`), answer letters numbered gaplessly per office and year;
- demo users for every role (see `DEMO_PASSWORD`): `loket1`, `loket2`, `admin1`,
  `admin2`, `inspektur1`, and `<opd>.admin` / `<opd>.kepala` for every OPD (e.g.
  `pupr.admin`, `pupr.kepala`, `dinkes.admin`, `kec-01.kepala`).

Deterministic: the same seed on the same database state gives the same cases, histories
and texts (row ids also depend on the device code, so two PCs never make colliding ids).

Demo tickets carry the device code `DEMO` (`YYMM-DEMO-NNNNN`), which no real installation
can have (real device codes never contain the letter O), so demo cases are recognisable
and never clash with real ones. Policy: demo data may be added to a database without
complaints or with demo complaints only (again and again: numbers, tickets and letters
continue); a database that holds any real complaint is refused, so demo cases can never
mix with real casework.

The parts: `texts` (the words, from resources/demo/texts.toml), `simulator` (the
workflow of one case), `generator` (plans, texts and rows of many cases), `tables` (the
columns, from the peewee models), `loader` (the database side: one transaction, a writer
thread or a second process, PRAGMAs, triggers and index rebuilds). Measured figures:
README, Performance.
"""

from __future__ import annotations

from .generator import DEMO_DEVICE, ProgressFn
from .loader import (
    BULK_INDEX_THRESHOLD,
    DEMO_PASSWORD,
    FTS_TRIGGERS,
    MAX_CASES,
    PROCESS_THRESHOLD,
    DemoResult,
    generate,
)
from .simulator import PERIOD_DAYS

__all__ = [
    "BULK_INDEX_THRESHOLD",
    "DEMO_DEVICE",
    "DEMO_PASSWORD",
    "FTS_TRIGGERS",
    "MAX_CASES",
    "PERIOD_DAYS",
    "PROCESS_THRESHOLD",
    "DemoResult",
    "ProgressFn",
    "generate",
]
