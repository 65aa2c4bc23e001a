"""System admin: 'Kop surat' — each office's letterhead and signatory (letterhead_settings),
and its electronic signature certificate (signing_settings): choose a .p12/.pfx, type
the passphrase (kept in the OS keyring, never shown), see what is installed, remove it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit, QWidget

from lapor_desktop.gui import doc_output, fmt, messages
from lapor_desktop.gui.field_errors import FieldErrors
from lapor_desktop.gui.forms.ui_letterhead import Ui_LetterheadPage
from lapor_desktop.gui.ops import run_op
from lapor_desktop.gui.widgets import compact_combo
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
        self.ui = ui = Ui_LetterheadPage()
        ui.setupUi(self)
        self.office_combo = ui.office_combo
        offices = reference.list_offices(ctx)
        for o in offices:
            self.office_combo.addItem(f"{o.code} — {o.name}", o.code)
        regency = next((o.code for o in offices if o.kind == "kabupaten"), None)
        if regency:  # the regency office's kop first: it heads most letters
            self.office_combo.setCurrentIndex(self.office_combo.findData(regency))
        compact_combo(self.office_combo, 30)
        self.source_label = ui.source_label
        # Shown when the office prints a borrowed or sample kop or an incomplete signer.
        self.gaps_label = ui.gaps_label
        self.gaps_label.hide()

        self.errors = FieldErrors(ui.general_error, 1)
        self.edits: dict[str, QLineEdit] = {}
        for name in LETTERHEAD_FIELDS:
            self.edits[name] = getattr(ui, f"{name}_edit")
            self.errors.add(self.edits[name], getattr(ui, f"{name}_error"), name)
        self.emblem_edit = ui.emblem_edit
        self.emblem_button = ui.emblem_button
        self.errors.add(ui.emblem_edit, ui.emblem_error, "emblem")
        self.emblem_button.clicked.connect(self._choose_emblem)
        self.signatory_check = ui.signatory_check
        self.sig_edits: dict[str, QLineEdit] = {}
        for name in SIGNATORY_FIELDS:
            self.sig_edits[name] = getattr(ui, f"sig_{name}_edit")
            self.errors.add(
                self.sig_edits[name], getattr(ui, f"sig_{name}_error"), f"signatory.{name}"
            )
        self.signatory_check.toggled.connect(self._signatory_toggled)
        self.save_button = ui.save_button
        self.save_button.clicked.connect(self.save)
        self.reset_button = ui.reset_button
        self.reset_button.clicked.connect(self.reset)
        self.saved_label = ui.saved_label

        self.signing_status_label = ui.signing_status_label
        self.pfx_edit = ui.pfx_edit
        self.pfx_button = ui.pfx_button
        self.pfx_button.clicked.connect(self._choose_pfx)
        self.passphrase_edit = ui.passphrase_edit
        self.install_button = ui.install_button
        self.install_button.clicked.connect(self.install_certificate)
        self.passphrase_edit.returnPressed.connect(self.install_certificate)
        self.remove_button = ui.remove_button
        self.remove_button.clicked.connect(self.remove_certificate)
        self.signing_errors = FieldErrors(ui.signing_error, 1)
        self.signing_errors.add(ui.pfx_edit, ui.pfx_error, "pfx")
        self.signing_errors.add(ui.passphrase_edit, ui.passphrase_error, "passphrase")
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
            self.errors.show_error(exc)
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
        self._choose_file(
            self.emblem_edit,
            self.tr("Pilih berkas lambang"),
            self.tr("Gambar (*.png *.jpg *.jpeg)"),
        )

    def _choose_file(self, edit: QLineEdit, title: str, file_filter: str) -> None:
        """The path of a file the person picks, into `edit`."""
        paths = doc_output.ask_open_paths(self, title, file_filter)
        if paths:
            edit.setText(str(paths[0]))

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
            self.errors.show_error(exc)  # everything typed stays
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
            self.errors.show_error(exc)
            return
        self.refresh()

    # ------------------------------------------------------------ electronic signature

    def _choose_pfx(self) -> None:
        self._choose_file(
            self.pfx_edit, self.tr("Pilih sertifikat"), self.tr("Sertifikat PKCS#12 (*.p12 *.pfx)")
        )

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
            self.signing_errors.show(
                {self.pfx_edit: self.tr("Pilih berkas sertifikat terlebih dahulu.")}
            )
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
            self.signing_errors.show_error,
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
            self.signing_errors.show_error(exc)
            return
        self.refresh_signing()
