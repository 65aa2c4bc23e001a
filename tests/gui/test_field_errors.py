"""gui/field_errors.py: every message at once beside its field, the first faulty field
focused, a message gone when its field changes, and the form's size never changing."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from lapor_desktop.gui.field_errors import FieldErrors
from lapor_desktop.services.errors import ServiceError, ValidationError

pytestmark = pytest.mark.gui


def form(qtbot):  # type: ignore[no-untyped-def]
    page = QWidget()
    qtbot.addWidget(page)
    lay = QFormLayout(page)
    general = QLabel()
    errors = FieldErrors(general)
    fields = {
        "name": QLineEdit(),
        "body": QPlainTextEdit(),
        "kind": QComboBox(),
        "day": QDateEdit(),
        "count": QSpinBox(),
        "ok": QCheckBox("ok"),
    }
    fields["kind"].addItems(["a", "b"])
    for name, field in fields.items():
        label = QLabel()
        lay.addRow(name, field)
        lay.addRow("", label)
        errors.add(field, label, name)
    lay.addRow(general)
    page.show()
    qtbot.waitExposed(page)
    return page, errors, fields


def test_all_at_once_first_focused_cleared_on_edit_and_nothing_moves(qtbot) -> None:
    page, errors, f = form(qtbot)
    before = (page.sizeHint(), [w.geometry() for w in f.values()])
    assert errors.show({f["kind"]: "Pilih jenis.", "name": "Isi nama.", f["count"]: "Angka."})
    assert [errors.text(n) for n in ("name", "kind", "count", "body")] == [
        "Isi nama.",
        "Pilih jenis.",
        "Angka.",
        "",
    ]
    qtbot.waitUntil(lambda: page.focusWidget() is f["name"])  # first in the form's order
    assert (page.sizeHint(), [w.geometry() for w in f.values()]) == before
    f["name"].setText("Siti")
    f["kind"].setCurrentIndex(1)
    assert errors.text("name") == "" and errors.text("kind") == ""
    assert errors.text("count") == "Angka."
    f["count"].setValue(3)
    assert errors.text("count") == ""
    errors.show({f["body"]: "x", f["day"]: "y", f["ok"]: "z"})
    f["body"].setPlainText("isi")
    f["day"].setDate(f["day"].date().addDays(1))
    f["ok"].setChecked(True)
    assert [errors.text(n) for n in ("body", "day", "ok")] == ["", "", ""]
    assert not errors.show({})  # nothing wrong: nothing shown, False


def test_a_service_refusal_lands_beside_its_field_or_under_the_form(qtbot) -> None:
    _page, errors, _f = form(qtbot)
    errors.show_error(ValidationError("Nama terlalu panjang.", "name"))
    assert errors.text("name") == "Nama terlalu panjang." and errors.text("") == ""
    errors.show_error(ServiceError("Basis data sibuk."))
    assert errors.text("") == "Basis data sibuk." and errors.text("name") == ""
    errors.show_error(ValidationError("Tidak dikenal.", "lain"))  # no such field: general
    assert errors.text("") == "Tidak dikenal."
