"""Search at the counter: a typed ticket or LAPOR! tracking number is the first hit (the
one Enter opens), then the full-text hits — whatever their dates."""

from __future__ import annotations

from lapor_desktop.services import cases

from .conftest import World


def test_exact_ticket_first_then_text_hits(world: World) -> None:
    first = world.new_case(title="Jalan rusak", body="Lubang besar.")
    world.new_case(title="Lampu padam")
    # A newer case quoting the first one's ticket: a full-text hit, newer, so it came first.
    quoting = world.new_case(title="Susulan", body=f"Lanjutan dari laporan {first}.")
    loket = world.as_("loket")
    assert [r.ticket for r in cases.search(loket, first).rows] == [first, quoting]
    # typed in lower case, with spaces around it
    assert cases.search(loket, f"  {first.lower()} ").rows[0].ticket == first
    # a prefix is no exact ticket: plain full-text order (newest first)
    prefix = first.rsplit("-", 1)[0]
    hits = [r.ticket for r in cases.search(loket, prefix).rows]
    assert hits[0] != first and first in hits


def test_exact_tracking_number_first_and_not_repeated_on_later_pages(world: World) -> None:
    tracked = world.new_case(title="Air PDAM keruh", tracking_id="LAPOR-8812")
    for i in range(4):
        world.new_case(title=f"Keluhan {i}", body="Sama dengan LAPOR-8812 yang lalu.")
    loket = world.as_("loket")
    seen: list[str] = []
    page = cases.search(loket, "LAPOR-8812", limit=2)
    seen += [r.ticket for r in page.rows]
    assert seen[0] == tracked
    while page.next_cursor is not None:
        page = cases.search(loket, "LAPOR-8812", limit=2, after=page.next_cursor)
        seen += [r.ticket for r in page.rows]
    assert len(seen) == 5 and len(set(seen)) == 5  # every hit once, the exact one first


def test_exact_hit_respects_scope(world: World) -> None:
    t = world.new_case(title="Jalan rusak")
    assert cases.search(world.as_("dinkes"), t).rows == []
