"""Many demo cases: their plans (when, how, where, about what: coverage of every status,
OPD and kecamatan first), their texts, the reporter pool, and the rows of the cases,
their histories and answer letters, handed in order to a sink (the loader's writer
thread, or the pipe from the generating process). No database access here: what it needs
from the database comes in a `Work`, which is picklable for a second process.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from lapor_desktop.domain.workflow import Status
from lapor_desktop.pdf.dates import MONTHS, long_date
from lapor_desktop.services import letters_register, reference

from .simulator import PERIOD_DAYS, Case, Person, Plan, Refs, Simulator, Staff, ds, ts
from .tables import CASE_ACTION, COMPLAINT, LETTER, Table
from .texts import (
    AMOUNTS,
    CHANNELS,
    CLOSINGS,
    EXTRAS,
    FAMILY,
    FEMALE,
    LANDMARKS,
    MALE,
    MARKETS,
    MONTH_COUNTS,
    OFFICE_CHANNELS,
    OPENINGS,
    OPERATORS,
    RIVERS,
    STREETS,
    TEMPLATES,
    WHEN,
)

DEMO_DEVICE = "DEMO"
BATCH = 5_000  # cases generated and inserted per step (bounded memory)

ProgressFn = Callable[[int, int], None]


class Generator(Simulator):
    """The simulator plus the planning and the texts of many cases."""

    def __init__(self, now: datetime, refs: Refs, staff: Staff, seed: int, id_seed: str) -> None:
        super().__init__(now, refs, staff, seed, id_seed)
        self._channel_names = [c for c, _ in CHANNELS]
        self._channel_cum = list(itertools.accumulate(w for _, w in CHANNELS))
        self._template_ids = list(range(len(TEMPLATES)))
        self._template_cum = list(itertools.accumulate(t.weight for t in TEMPLATES))
        self._kec_offices = {
            k.code: refs.opd_by_code.get(f"KEC-{k.code[-2:]}") for k in refs.kecamatan
        }

    # -- planning

    def plans(self, n: int) -> list[Plan]:
        rng = self.rng
        ri, pick, rnd = self.ri, self.pick, self.random
        refs = self.refs
        start = self.now - timedelta(days=PERIOD_DAYS)
        kec_count = len(refs.kecamatan)
        by_opd: dict[str, list[int]] = {}
        for i, t in enumerate(TEMPLATES):
            for code in t.opds:
                by_opd.setdefault(code, []).append(i)
        plans: list[Plan] = []

        def plan_for(received: datetime, template: int | None, kec: int | None) -> Plan:
            channel = rng.choices(self._channel_names, cum_weights=self._channel_cum)[0]
            if channel in OFFICE_CHANNELS:  # walk-in, phone and letters: office hours
                received = self.office_time(received.date())
                if received > self.now:
                    received = self.now - timedelta(minutes=ri(1, 600))
                    if not self.cal.is_working_day(received.date()):
                        channel = "lapor"
            if template is None:
                template = rng.choices(self._template_ids, cum_weights=self._template_cum)[0]
            if kec is None:
                kec = rng.randrange(kec_count)
            t = TEMPLATES[template]
            code = t.opds[0] if rnd() < 0.7 else pick(t.opds)
            return Plan(received, channel, template, kec, self._opd_code(code, kec))

        def days_ago(days: float) -> datetime:
            at = self.office_time((self.now - timedelta(days=days)).date())
            return min(at, self.now - timedelta(minutes=ri(30, 90)))

        # Coverage first (so a few hundred cases already show every status, OPD and
        # kecamatan): one case per OPD, then one case stopping at each status.
        for i, office in enumerate(refs.opds):
            if len(plans) >= n:
                break
            if office.code.startswith("KEC-"):
                kec = next(
                    (j for j, k in enumerate(refs.kecamatan) if k.code[-2:] == office.code[-2:]),
                    i % kec_count,
                )
                options = by_opd.get("KEC", [])
            else:
                kec = i % kec_count
                options = by_opd.get(office.code, [])
            template = pick(options) if options else None
            p = plan_for(days_ago(rng.uniform(30, PERIOD_DAYS - 5)), template, kec)
            p.opd, p.plain = office.code, True
            plans.append(p)
        forced = (
            (Status.DITERIMA, 1.0),
            (Status.TERTUNDA, 9.0),
            (Status.TERVERIFIKASI, 4.0),
            (Status.TERDISPOSISI, 7.0),
            (Status.DIPROSES, 15.0),
            (Status.DIPROSES, 120.0),  # stuck: overdue and escalated
            (Status.MENUNGGU_PERSETUJUAN, 16.0),
            (Status.DIJAWAB, 9.0),
            (Status.SELESAI, 45.0),
            (Status.ARSIP, 12.0),
        )
        for status, ago in forced:
            if len(plans) >= n:
                break
            p = plan_for(days_ago(ago), None, None)
            p.stop_at, p.fast, p.plain = status, True, status not in (Status.TERTUNDA, Status.ARSIP)
            plans.append(p)
        span = (self.now - start).total_seconds()
        while len(plans) < n:
            received = start + timedelta(seconds=int(rnd() * span))
            plans.append(plan_for(received, None, None))
        plans.sort(key=lambda p: p.received)
        return plans

    def _opd_code(self, code: str, kec: int) -> str:
        if code == "KEC":
            office = self._kec_offices.get(self.refs.kecamatan[kec].code)
            if office is not None:
                return office.code
            code = "SETDA"
        if code in self.refs.opd_by_code:
            return code
        return self.pick(self.refs.opds).code

    # -- one case

    def slots(self, plan: Plan) -> dict[str, str]:
        ri, pick = self.ri, self.pick
        kec = self.refs.kecamatan[plan.kec]
        desas = self.refs.desa.get(kec.code) or (reference.Region(kec.code + "2001", kec.name),)
        d = pick(desas)
        kind = "Kelurahan" if d.code[6:7] == "1" else "Desa"
        n_school = ri(1, 40)
        school = pick(
            (
                f"SD Negeri {n_school:03d} {d.name}",
                f"SMP Negeri {ri(1, 4)} {kec.name}",
                f"SD Negeri {n_school:03d} {kec.name}",
            )
        )
        received = plan.received.date()
        return {
            "desa": f"{kind} {d.name}",
            "desa_code": d.code,
            "kec": kec.name,
            "jalan": pick(STREETS),
            "landmark": pick(LANDMARKS),
            "sungai": pick(RIVERS),
            "pasar": pick((*MARKETS, f"pasar {kec.name}")),
            "puskesmas": f"Puskesmas {pick((kec.name, d.name))}",
            "sekolah": school,
            "waktu": pick(WHEN),
            "bulan": pick(MONTH_COUNTS),
            "nominal": pick(AMOUNTS),
            "jumlah": str(ri(3, 15)),
            "panjang": str(ri(2, 30) * 50),
            "rt": f"RT {ri(1, 9):03d}/RW {ri(1, 5):03d}",
            "tanggal": long_date(received - timedelta(days=ri(7, 120))),
            "tahun_mulai": str(received.year - ri(3, 15)),
            "bulan_depan": f"{MONTHS[received.month % 12]} {received.year + received.month // 12}",
            "tanggal_jawab": long_date(received + timedelta(days=ri(5, 20))),
        }


def make_reporters(
    gen: Generator, count: int, registered_by: list[Person], taken: set[str]
) -> list[tuple[Any, ...]]:
    """Reporter rows (in the model's field order) with valid Kampar NIKs (kecamatan code,
    birth date +40 for women) that are not `taken` yet."""

    ri, pick, rnd = gen.ri, gen.pick, gen.random
    refs = gen.refs
    today = gen.today
    rows: list[tuple[Any, ...]] = []
    for i in range(count):
        kec = refs.kecamatan[i % len(refs.kecamatan)] if i < 21 else pick(refs.kecamatan)
        female = rnd() < 0.45
        first = pick(FEMALE if female else MALE)
        family = pick(FAMILY)
        if female and family == "Saputra":
            family = "Saputri"
        name = f"{first} {family}".strip()
        if rnd() < 0.25:
            name = f"{first} {pick(FEMALE if female else MALE)} {family}".strip()
        while True:
            born = today - timedelta(days=ri(18 * 366, 75 * 365))
            day = born.day + (40 if female else 0)
            serial = ri(1, 9999) if rnd() < 0.2 else ri(1, 400)
            nik = f"{kec.code}{day:02d}{born:%m%y}{serial:04d}"
            if nik not in taken:
                taken.add(nik)
                break
        desas = refs.desa.get(kec.code) or ()
        desa = pick(desas) if desas else None
        place = f"{'Kelurahan' if desa.code[6:7] == '1' else 'Desa'} {desa.name}" if desa else ""
        address = (
            f"{pick(STREETS)} No. {ri(1, 150)}, RT {ri(1, 9):03d}/"
            f"RW {ri(1, 5):03d}, {place}, Kecamatan {kec.name}"
        )
        phone = f"{pick(OPERATORS)}{ri(1000000, 99999999)}"
        email = ""
        if rnd() < 0.35:
            email = f"{name.split()[0].lower()}{ri(1, 999)}@gmail.com"
        # Registered over the 400 days before the demo period, in pool order.
        registered = gen.now - timedelta(days=PERIOD_DAYS + 400 - 400 * i / count, hours=3)
        rows.append(
            (
                gen.new_id(registered),
                nik,
                name,
                "P" if female else "L",
                ds(born),
                address,
                kec.code,
                desa.code if desa else "",
                phone,
                email,
                "ktp_seen" if rnd() < 0.55 else "none",
                pick(registered_by).id,
                ts(registered.replace(microsecond=0)),
                1,
            )
        )
    return rows


CaseTotals = tuple[dict[str, int], int, int, int, str, str]


class Sink(Protocol):
    """Where the load's statements go, in order: the writer thread, or the pipe from the
    generating process to the one that writes."""

    def put(self, table: Table, rows: list[tuple[Any, ...]]) -> None: ...

    def execute(self, sql: str, params: tuple[Any, ...]) -> None: ...


@dataclass
class Work:
    """Everything the generation of the cases needs once the database was read: picklable,
    so that a second process can do it."""

    gen: Generator
    plans: list[Plan]
    reporter_ids: list[str]
    first_num: int
    last_seq: dict[str, int]
    index_sql: list[str]  # the history's secondary indexes, built after its rows
    letter_numbers: dict[tuple[str, int], int]  # the last answer-letter numbers used


def produce(work: Work, progress: ProgressFn | None, sink: Sink) -> tuple[CaseTotals, int]:
    """The cases, their histories, index builds and letters, as statements for `sink`."""
    totals = generate_cases(
        work.gen, work.plans, work.reporter_ids, work.first_num, work.last_seq, progress, sink
    )
    # The index builds run on the writer (without the GIL) while the letters are numbered.
    for sql in work.index_sql:
        sink.execute(sql, ())
    return totals, insert_letters(work.gen, sink, work.letter_numbers)


def generate_cases(
    gen: Generator,
    plans: list[Plan],
    reporter_ids: list[str],
    first_num: int,
    last_seq: dict[str, int],
    progress: ProgressFn | None,
    writer: Sink,
) -> CaseTotals:
    ri, pick, rnd = gen.ri, gen.pick, gen.random
    refs = gen.refs
    by_status: dict[str, int] = {}
    n_actions = overdue = escalated = 0
    pool = len(reporter_ids)
    total = len(plans)
    first_ticket = last_ticket = ""
    for start in range(0, total, BATCH):
        complaint_rows: list[tuple[Any, ...]] = []
        action_rows: list[tuple[Any, ...]] = []
        for i, plan in enumerate(plans[start : start + BATCH], start):
            tpl = TEMPLATES[plan.template]
            slots = gen.slots(plan)
            channel = plan.channel
            c = Case(plan, gen.new_id(plan.received), plan.received)
            gen.simulate(c, tpl, slots, channel)
            prefix = f"{plan.received:%y%m}-{DEMO_DEVICE}-"
            seq = last_seq.get(prefix, 0) + 1
            last_seq[prefix] = seq
            ticket = f"{prefix}{seq:05d}"
            first_ticket = first_ticket or ticket
            last_ticket = ticket
            title, core = gen.pick(tpl.pairs)
            title = title.format_map(slots)
            body = (gen.pick(OPENINGS) + core + " " + pick(EXTRAS) + pick(CLOSINGS)).format_map(
                slots
            )
            location = f"{slots['jalan']}, {slots['desa']}, Kecamatan {slots['kec']}"
            if rnd() < 0.3:
                location = f"Dekat {slots['landmark']}, {location}"
            anonim = rnd() < tpl.anonim
            rahasia = rnd() < tpl.rahasia
            incident = None
            if rnd() < 0.6:
                incident = plan.received.date() - timedelta(days=ri(0, 30))
            # A few frequent reporters, many who complain once.
            reporter = reporter_ids[min(pool - 1, int(pool * rnd() ** 1.6))]
            category = c.category
            if category is None and rnd() < 0.3 and tpl.category in refs.categories:
                category = tpl.category  # the front desk already picked it at intake
            due_clock, due, soon, esc_due, late = gen.due_columns(c)
            intake_user = c.acts[0][6]
            kec_code = refs.kecamatan[plan.kec].code
            tracking = ""
            if channel == "lapor":
                ri(2_000_000, 9_999_999)  # still drawn: the rest of the demo stays as it was
                # unique per case (schema v10): n -> n * 7919 mod 8,000,000 is one-to-one
                tracking = str(2_000_000 + (first_num + i) * 7_919 % 8_000_000)
            complaint_rows.append(  # in Complaint's field order (tables.COMPLAINT)
                (
                    c.cid,
                    first_num + i,
                    ticket,
                    tracking,
                    reporter,
                    channel,
                    tpl.klasifikasi,
                    title,
                    body,
                    kec_code,
                    slots["desa_code"],
                    location,
                    ds(incident),
                    ts(plan.received),
                    int(anonim),
                    int(rahasia),
                    category,
                    c.status.value,
                    c.opd.id if c.opd else None,
                    gen.rule_set_for(plan.received)[0],
                    refs.regency.id,
                    intake_user,
                    ts(c.disposed_at),
                    ts(c.answered_at),
                    ts(c.closed_at),
                    ts(c.escalated_at),
                    c.reopen,
                    c.answer,
                    ts(plan.received),
                    len(c.acts),  # 1 at intake, +1 per later action (as casework writes it)
                    due_clock,
                    ds(due),
                    ds(soon),
                    ds(esc_due),
                    c.opd.code if c.opd else None,
                )
            )
            action_rows.extend(c.acts)
            by_status[c.status.value] = by_status.get(c.status.value, 0) + 1
            overdue += late
            escalated += c.escalated_at is not None
        writer.put(COMPLAINT, complaint_rows)
        writer.put(CASE_ACTION, action_rows)
        # The batch's full-text entries, by the writer too (its triggers are off for the
        # load): one statement, so it runs without the GIL while the next batch is made.
        writer.execute(FTS_FILL, (first_num + start, first_num + start + len(complaint_rows)))
        n_actions += len(action_rows)
        if progress is not None:
            progress(min(start + BATCH, total), total)
    return by_status, n_actions, overdue, escalated, first_ticket, last_ticket


FTS_FILL = (
    "INSERT INTO complaint_fts(rowid, title, body, location, ticket, tracking_id) "
    "SELECT num, title, body, location_text, ticket, tracking_id FROM complaint "
    "WHERE num >= ? AND num < ?"
)


def insert_letters(gen: Generator, writer: Sink, last: dict[tuple[str, int], int]) -> int:
    """Answer letters of every approval: gapless per office and year, in approval order.

    `last`: the numbers already used, read before the writer started (this thread does
    not touch the connection while the writer works).
    """
    codes = {o.id: o.code for o in gen.refs.opds}
    rows: list[tuple[Any, ...]] = []
    for office_id, at, case_id, user_id in sorted(gen.letters, key=lambda x: (x[1], x[2])):
        key = (office_id, at.year)
        number = last.get(key, 0) + 1
        last[key] = number
        full = letters_register.format_number("answer", number, codes[office_id], at.year)
        rows.append(
            (gen.new_id(at), office_id, at.year, number, full, "answer", case_id, user_id, ts(at))
        )
    writer.put(LETTER, rows)
    return len(rows)
