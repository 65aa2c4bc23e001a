"""What a user action changed, and who is told (like Anki's OpChanges).

An op that writes returns (or its page turns its result into) a `Changed`: the kinds of
data touched and the tickets. The main window hands it to every page registered with
`Watchers.watch(page, kinds)`: the page on screen that shows one of those kinds reloads at
once, the others are marked stale and reload when the person comes back to them. Pages
implement `Refreshable`; nobody probes for attributes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from lapor_desktop.services.casework import ActionResult


class Kind(StrEnum):
    CASES = "cases"  # a case's status, fields, attachments or timeline; work lists, counts
    LETTERS = "letters"  # the letter register: a number reserved or a letter produced
    REPORTERS = "reporters"  # a reporter registered or updated


@dataclass(frozen=True)
class Changed:
    kinds: frozenset[Kind]
    tickets: frozenset[str] = frozenset()

    @classmethod
    def case(cls, ticket: str, *more: Kind) -> Changed:
        """One case changed (and maybe more kinds of data with it)."""
        return cls(frozenset((Kind.CASES, *more)), frozenset((ticket,)))

    @classmethod
    def of_action(cls, result: ActionResult) -> Changed:
        """A workflow action: the case, and the letter register when it reserved a number."""
        more = (Kind.LETTERS,) if result.letter_number else ()
        return cls.case(result.ticket, *more)

    def touches(self, kinds: Iterable[Kind]) -> bool:
        return not self.kinds.isdisjoint(kinds)


class Refreshable(Protocol):
    """A page that can reload what it shows (keeping what the person typed)."""

    def refresh(self) -> None: ...


@dataclass
class Watcher:
    page: Refreshable
    kinds: frozenset[Kind]
    stale: bool = False

    def refresh(self) -> None:
        self.stale = False
        self.page.refresh()


@dataclass
class Watchers:
    """The pages that reload: all of them on request (F5), those showing a changed kind
    when told of a `Changed`."""

    entries: list[Watcher] = field(default_factory=list)

    def watch(self, page: Refreshable, kinds: Iterable[Kind] = ()) -> Watcher:
        entry = Watcher(page, frozenset(kinds))
        self.entries.append(entry)
        return entry

    def forget(self, page: object) -> None:
        self.entries = [e for e in self.entries if e.page is not page]

    def of(self, page: object) -> Watcher | None:
        for e in self.entries:
            if e.page is page:
                return e
        return None

    def tell(self, changed: Changed, shown: object) -> list[Watcher]:
        """Marks the watchers of a changed kind stale; returns those among them that are
        on screen (to reload now)."""
        now: list[Watcher] = []
        for e in self.entries:
            if changed.touches(e.kinds):
                e.stale = True
                if e.page is shown:
                    now.append(e)
        return now
