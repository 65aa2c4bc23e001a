"""System admin: 'Kop surat' — each office's letterhead and signatory (letterhead_settings),
and its electronic signature certificate (signing_settings): choose a .p12/.pfx, type
the passphrase (kept in the OS keyring, never shown), see what is installed, remove it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lapor_desktop.gui import doc_output, fmt, messages
from lapor_desktop.gui.ops import run_op
from lapor_desktop.gui.widgets import FieldErrors, compact_combo, error_label
from lapor_desktop.pdf.data import Letterhead, Signatory
from lapor_desktop.services import letterhead_settings as lh
from lapor_desktop.services import reference, signing_settings
from lapor_desktop.services.context import Ctx
from lapor_desktop.services.errors import ServiceError
from lapor_desktop.services.signing_settings import SigningStatus

LETTERHEAD_FIELDS = ("government", "office", "address", "phone", "website", "email", "city")
SIGNATORY_FIELDS = ("jabatan", "name", "pangkat", "nip", "an")


class LetterheadPage(QWidget):
    def __init__(self, ctx: Ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.config: lh.LetterheadConfig | None = None
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Kantor:")))
        self.office_combo = QComboBox()
        self.office_combo.setAccessibleName(self.tr("Kantor"))
        offices = reference.list_offices(ctx)
        for o in offices:
            self.office_combo.addItem(f"{o.code} — {o.name}", o.code)
        regency = next((o.code for o in offices if o.kind == "kabupaten"), None)
        if regency:  # the regency office's kop first: it heads most letters
            self.office_combo.setCurrentIndex(self.office_combo.findData(regency))
        compact_combo(self.office_combo, 30)
        top.addWidget(self.office_combo, 1)
        self.source_label = QLabel()
        top.addWidget(self.source_label)
        outer.addLayout(top)
        # Shown when the office prints a borrowed or sample kop or an incomplete signer.
        self.gaps_label = QLabel()
        self.gaps_label.setTextFormat(Qt.TextFormat.PlainText)
        self.gaps_label.setWordWrap(True)
        self.gaps_label.setStyleSheet("color: #8a5a00;")
        self.gaps_label.setAccessibleName(self.tr("Catatan kop surat"))
        self.gaps_label.hide()
        outer.addWidget(self.gaps_label)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll, 1)
        body = QWidget()
        scroll.setWidget(body)
        lay = QVBoxLayout(body)
        self.general_error = error_label()
        self.errors = FieldErrors(self.general_error)

        row = QHBoxLayout()
        head_box = QGroupBox(self.tr("Kop surat"))
        form = QFormLayout(head_box)
        labels = {
            "government": self.tr("Pemerintah daerah:"),
            "office": self.tr("Nama kantor:"),
            "address": self.tr("Alamat:"),
            "phone": self.tr("Telepon:"),
            "website": self.tr("Laman:"),
            "email": self.tr("Pos-el:"),
            "city": self.tr("Tempat surat:"),
        }
        self.edits: dict[str, QLineEdit] = {}
        for name in LETTERHEAD_FIELDS:
            edit = QLineEdit()
            self.edits[name] = edit
            self.errors.add_row(form, labels[name], edit, name)
        emblem_row = QWidget()
        er = QHBoxLayout(emblem_row)
        er.setContentsMargins(0, 0, 0, 0)
        self.emblem_edit = QLineEdit()
        self.emblem_edit.setAccessibleName(self.tr("Berkas lambang"))
        er.addWidget(self.emblem_edit, 1)
        self.emblem_button = QPushButton(self.tr("Pilih…"))
        self.emblem_button.clicked.connect(self._choose_emblem)
        er.addWidget(self.emblem_button)
        self.errors.add_row(form, self.tr("Lambang (PNG/JPEG):"), emblem_row, "emblem")
        row.addWidget(head_box, 3)

        sig_box = QGroupBox(self.tr("Penanda tangan"))
        sform = QFormLayout(sig_box)
        self.signatory_check = QCheckBox(self.tr("Atur penanda tangan kantor ini di sini"))
        self.signatory_check.setToolTip(
            self.tr(
                "Jika tidak dicentang, surat ditandatangani menurut templat bawaan atau oleh "
                "kepala kantor yang menyetujui."
            )
        )
        sform.addRow(self.signatory_check)
        slabels = {
            "jabatan": self.tr("Jabatan:"),
            "name": self.tr("Nama:"),
            "pangkat": self.tr("Pangkat/golongan:"),
            "nip": self.tr("NIP:"),
            "an": self.tr("Atas nama (a.n.):"),
        }
        self.sig_edits: dict[str, QLineEdit] = {}
        for name in SIGNATORY_FIELDS:
            edit = QLineEdit()
            self.sig_edits[name] = edit
            self.errors.add_row(sform, slabels[name], edit, f"signatory.{name}")
        self.sig_edits["nip"].setMaxLength(18)
        self.signatory_check.toggled.connect(self._signatory_toggled)
        row.addWidget(sig_box, 2)
        lay.addLayout(row)
        lay.addWidget(self.general_error)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Simpan kop surat"))
        self.save_button.clicked.connect(self.save)
        self.reset_button = QPushButton(self.tr("Kembalikan ke bawaan"))
        self.reset_button.setToolTip(
            self.tr("Hapus perubahan admin; kantor memakai kop dari templat atau data kantor.")
        )
        self.reset_button.clicked.connect(self.reset)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        self.saved_label = QLabel()
        self.saved_label.setStyleSheet("color: #1b5e20;")
        buttons.addWidget(self.saved_label, 1)
        lay.addLayout(buttons)

        self._build_signing(lay)
        lay.addStretch(1)
        self.office_combo.currentIndexChanged.connect(self.refresh)
        self.refresh()

    # ------------------------------------------------------------ letterhead

    def office_code(self) -> str:
        return str(self.office_combo.currentData() or "")

    def select(self, code: str) -> None:
        self.office_combo.setCurrentIndex(self.office_combo.findData(code))

    def refresh(self) -> None:
        self.errors.clear()
        self.saved_label.clear()
        try:
            self.config = lh.get_letterhead(self.ctx, self.office_code())
        except ServiceError as exc:
            self.errors.show(exc)
            return
        c = self.config
        for name, edit in self.edits.items():
            edit.setText(getattr(c.letterhead, name))
        self.emblem_edit.setText(c.letterhead.emblem)
        self.signatory_check.setChecked(c.signatory is not None)
        for name, edit in self.sig_edits.items():
            edit.setText(getattr(c.signatory, name) if c.signatory else "")
        for edit in (*self.edits.values(), *self.sig_edits.values(), self.emblem_edit):
            edit.setCursorPosition(0)  # long addresses show their beginning
        self._signatory_toggled(c.signatory is not None)
        sources = {
            lh.SOURCE_SETTING: self.tr("diatur oleh admin"),
            lh.SOURCE_TEMPLATE: self.tr("templat bawaan"),
            lh.SOURCE_DATABASE: self.tr("dari data kantor"),
        }
        self.source_label.setText(self.tr("Sumber: {0}").format(sources.get(c.source, c.source)))
        self.gaps_label.setText(
            self.tr(
                "Perhatian — surat kantor ini tercetak dengan kop/penanda tangan yang belum "
                "lengkap:"
            )
            + "\n"
            + "\n".join(f"• {gap}" for gap in c.gaps)
        )
        self.gaps_label.setVisible(bool(c.gaps))
        self.reset_button.setEnabled(c.source == lh.SOURCE_SETTING)
        self.refresh_signing()

    def _signatory_toggled(self, on: bool) -> None:
        for edit in self.sig_edits.values():
            edit.setEnabled(on)

    def _choose_emblem(self) -> None:
        paths = doc_output.ask_open_paths(
            self, self.tr("Pilih berkas lambang"), self.tr("Gambar (*.png *.jpg *.jpeg)")
        )
        if paths:
            self.emblem_edit.setText(str(paths[0]))

    def save(self) -> None:
        self.errors.clear()
        self.saved_label.clear()
        letterhead = Letterhead(
            **{name: edit.text() for name, edit in self.edits.items()},
            emblem=self.emblem_edit.text(),
        )
        signatory = None
        if self.signatory_check.isChecked():
            old = self.config.signatory if self.config else None
            signatory = Signatory(
                **{name: edit.text() for name, edit in self.sig_edits.items()},
                electronic=bool(old and old.electronic),
            )
        try:
            self.config = lh.save_letterhead(self.ctx, self.office_code(), letterhead, signatory)
        except ServiceError as exc:
            self.errors.show(exc)  # everything typed stays
            return
        self.refresh()
        self.saved_label.setText(self.tr("Kop surat {0} tersimpan.").format(self.office_code()))

    def reset(self) -> None:
        if not messages.confirm(
            self,
            self.tr("Kembalikan kop surat {0} ke bawaan? Perubahan admin dihapus.").format(
                self.office_code()
            ),
        ):
            return
        try:
            lh.reset_letterhead(self.ctx, self.office_code())
        except ServiceError as exc:
            self.errors.show(exc)
            return
        self.refresh()

    # ------------------------------------------------------------ electronic signature

    def _build_signing(self, lay: QVBoxLayout) -> None:
        box = QGroupBox(self.tr("Tanda tangan elektronik"))
        form = QFormLayout(box)
        self.signing_status_label = QLabel()
        self.signing_status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.signing_status_label.setWordWrap(True)
        self.signing_status_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        form.addRow(self.tr("Status:"), self.signing_status_label)
        self.signing_error = error_label()
        self.signing_errors = FieldErrors(self.signing_error)
        file_row = QWidget()
        fr = QHBoxLayout(file_row)
        fr.setContentsMargins(0, 0, 0, 0)
        self.pfx_edit = QLineEdit()
        self.pfx_edit.setPlaceholderText(self.tr("Berkas sertifikat .p12 atau .pfx"))
        fr.addWidget(self.pfx_edit, 1)
        self.pfx_button = QPushButton(self.tr("Pilih berkas…"))
        self.pfx_button.clicked.connect(self._choose_pfx)
        fr.addWidget(self.pfx_button)
        self.signing_errors.add_row(form, self.tr("Sertifikat:"), file_row, "pfx")
        self.pfx_edit.setAccessibleName(self.tr("Berkas sertifikat"))
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setToolTip(
            self.tr("Disimpan di keyring sistem operasi, tidak pernah di berkas atau basis data.")
        )
        self.signing_errors.add_row(
            form, self.tr("Kata sandi sertifikat:"), self.passphrase_edit, "passphrase"
        )
        form.addRow(self.signing_error)
        buttons = QHBoxLayout()
        self.install_button = QPushButton(self.tr("Pasang sertifikat"))
        self.install_button.clicked.connect(self.install_certificate)
        self.remove_button = QPushButton(self.tr("Hapus sertifikat"))
        self.remove_button.clicked.connect(self.remove_certificate)
        buttons.addWidget(self.install_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        lay.addWidget(box)

    def _choose_pfx(self) -> None:
        paths = doc_output.ask_open_paths(
            self, self.tr("Pilih sertifikat"), self.tr("Sertifikat PKCS#12 (*.p12 *.pfx)")
        )
        if paths:
            self.pfx_edit.setText(str(paths[0]))

    def refresh_signing(self) -> None:
        try:
            status = signing_settings.signing_status(self.ctx, self.office_code())
        except ServiceError as exc:
            self.signing_status_label.setText(exc.message)
            return
        self._show_signing(status)

    def _show_signing(self, st: SigningStatus) -> None:
        self.remove_button.setEnabled(st.configured)
        if not st.configured:
            self.signing_status_label.setStyleSheet("")
            self.signing_status_label.setText(
                self.tr("Belum dipasang: surat dicetak dengan ruang tanda tangan basah.")
            )
            return
        lines = [
            self.tr("Pemilik: {0}").format(st.subject),
            self.tr("Penerbit: {0}").format(st.issuer),
            self.tr("Berlaku sampai: {0}").format(
                fmt.long_date(st.valid_until) if st.valid_until else "—"
            ),
        ]
        if st.usable:
            lines.append(self.tr("Surat kantor ini ditandatangani secara elektronik."))
            self.signing_status_label.setStyleSheet("color: #1b5e20;")
        else:
            lines.append(self.tr("Tidak dapat dipakai: {0}").format(st.problem))
            self.signing_status_label.setStyleSheet("color: #b71c1c;")
        self.signing_status_label.setText("\n".join(lines))

    def install_certificate(self) -> None:
        self.signing_errors.clear()
        path_text = self.pfx_edit.text().strip()
        if not path_text:
            self.signing_errors.set("pfx", self.tr("Pilih berkas sertifikat terlebih dahulu."))
            return
        ctx, code, passphrase = self.ctx, self.office_code(), self.passphrase_edit.text()
        self.install_button.setEnabled(False)

        def done(status: SigningStatus) -> None:
            self.passphrase_edit.clear()
            self.pfx_edit.clear()
            self._show_signing(status)

        run_op(  # reads the certificate and makes a trial signature: off the UI thread
            self,
            lambda: signing_settings.configure_signing(ctx, code, Path(path_text), passphrase),
            done,
            self.signing_errors.show,
            lambda: self.install_button.setEnabled(True),
        )

    def remove_certificate(self) -> None:
        code = self.office_code()
        if not messages.confirm(
            self,
            self.tr(
                "Hapus sertifikat tanda tangan elektronik {0}? Surat berikutnya dicetak tanpa "
                "tanda tangan elektronik."
            ).format(code),
        ):
            return
        self.signing_errors.clear()
        try:
            signing_settings.remove_signing(self.ctx, code)
        except ServiceError as exc:
            self.signing_errors.show(exc)
            return
        self.refresh_signing()
