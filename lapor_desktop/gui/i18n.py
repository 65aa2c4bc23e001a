"""Qt's own texts in Indonesian: the standard buttons (OK, Batal, Simpan, Ya, Tidak, …), Qt's
file dialog (where the platform has no native one), message-box details and the context
menus of text fields.

Qt ships no qtbase_id.qm, so the texts are here, keyed by the context and source text Qt
uses (as in qttranslations' qtbase_*.ts, and as Qt 6.12 asks: "&Look in:", "Files of
&type:"); `StandardTranslator` answers Qt's lookups from this table. The app's own texts
are written in Indonesian and need no translation. It is installed by
gui/application.make_application unless a translation of the app (another language) is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

_STANDARD_BUTTONS = {
    "OK": "OK",
    "Save": "Simpan",
    "Save All": "Simpan semua",
    "Open": "Buka",
    "&Yes": "&Ya",
    "Yes to &All": "Ya untuk &semua",
    "&No": "&Tidak",
    "N&o to All": "T&idak untuk semua",
    "Abort": "Hentikan",
    "Retry": "Coba lagi",
    "Ignore": "Abaikan",
    "Close": "Tutup",
    "Cancel": "Batal",
    "Discard": "Buang",
    "Help": "Bantuan",
    "Apply": "Terapkan",
    "Reset": "Atur ulang",
    "Restore Defaults": "Kembalikan bawaan",
}

_TEXT_MENU = {
    "&Undo": "&Urungkan",
    "&Redo": "&Ulangi",
    "Cu&t": "&Potong",
    "&Copy": "&Salin",
    "Copy &Link Location": "Salin &alamat tautan",
    "&Paste": "T&empel",
    "Delete": "Hapus",
    "Select All": "Pilih semua",
}

TRANSLATIONS: dict[str, dict[str, str]] = {
    "QPlatformTheme": _STANDARD_BUTTONS,
    "QDialogButtonBox": {"OK": "OK"},
    "QProgressDialog": {"Cancel": "Batal"},
    "QInputDialog": {"Enter a value:": "Masukkan nilai:"},
    "QMessageBox": {
        "Show Details...": "Tampilkan rincian...",
        "Hide Details...": "Sembunyikan rincian...",
    },
    "QLineEdit": _TEXT_MENU,
    "QWidgetTextControl": _TEXT_MENU,
    "QUnicodeControlCharacterMenu": {
        "Insert Unicode control character": "Sisipkan karakter kontrol Unicode"
    },
    "QAbstractSpinBox": {
        "&Select All": "&Pilih semua",
        "&Step up": "&Naikkan",
        "Step &down": "&Turunkan",
    },
    "QFileDialog": {
        "&Look in:": "&Cari di:",
        "Look in:": "Cari di:",
        "Back": "Kembali",
        "Go back": "Kembali",
        "Forward": "Maju",
        "Go forward": "Maju",
        "Parent Directory": "Folder induk",
        "Go to the parent directory": "Ke folder induk",
        "Create New Folder": "Buat folder baru",
        "Create a New Folder": "Buat folder baru",
        "List View": "Tampilan daftar",
        "Change to list view mode": "Tampilkan sebagai daftar",
        "Detail View": "Tampilan rinci",
        "Change to detail view mode": "Tampilkan dengan rincian",
        "Sidebar": "Bilah samping",
        "List of places and bookmarks": "Daftar tempat dan penanda",
        "Files": "Berkas",
        "Files of &type:": "&Jenis berkas:",
        "Files of type:": "Jenis berkas:",
        "Find Directory": "Pilih folder",
        "Open": "Buka",
        "Save As": "Simpan sebagai",
        "Directory:": "Folder:",
        "File &name:": "&Nama berkas:",
        "&Open": "&Buka",
        "&Choose": "&Pilih",
        "&Save": "&Simpan",
        "All Files (*)": "Semua berkas (*)",
        "All files (*)": "Semua berkas (*)",
        "Show ": "Tampilkan ",
        "&Rename": "&Ganti nama",
        "&Delete": "&Hapus",
        "Show &hidden files": "Tampilkan berkas &tersembunyi",
        "&New Folder": "Folder &baru",
        "Directories": "Folder",
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.": (
            "%1\nFolder tidak ditemukan.\nPeriksa kembali nama foldernya."
        ),
        "%1 already exists.\nDo you want to replace it?": "%1 sudah ada.\nGanti berkas itu?",
        "%1\nFile not found.\nPlease verify the correct file name was given.": (
            "%1\nBerkas tidak ditemukan.\nPeriksa kembali nama berkasnya."
        ),
        "'%1' is write protected.\nDo you want to delete it anyway?": (
            "'%1' dilindungi dari perubahan.\nTetap hapus?"
        ),
        "New Folder": "Folder baru",
        "Delete": "Hapus",
        "Are you sure you want to delete '%1'?": "Yakin menghapus '%1'?",
        "Could not delete directory.": "Folder tidak dapat dihapus.",
        "Recent Places": "Tempat terakhir",
        "Remove": "Hapus",
    },
    "QAbstractFileIconProvider": {
        "Drive": "Drive",
        "File Folder": "Folder berkas",
        "Folder": "Folder",
        "Alias": "Alias",
        "Shortcut": "Pintasan",
        "Unknown": "Tidak dikenal",
        "File": "Berkas",
        "%1 File": "Berkas %1",
    },
    "QFileSystemModel": {
        "Name": "Nama",
        "Size": "Ukuran",
        "Kind": "Jenis",
        "Type": "Jenis",
        "Date Modified": "Tanggal diubah",
        "My Computer": "Komputer Saya",
        "Computer": "Komputer",
    },
    "QScrollBar": {
        "Scroll here": "Gulir ke sini",
        "Left edge": "Tepi kiri",
        "Top": "Paling atas",
        "Right edge": "Tepi kanan",
        "Bottom": "Paling bawah",
        "Page left": "Satu halaman ke kiri",
        "Page up": "Satu halaman ke atas",
        "Page right": "Satu halaman ke kanan",
        "Page down": "Satu halaman ke bawah",
        "Scroll left": "Gulir ke kiri",
        "Scroll up": "Gulir ke atas",
        "Scroll right": "Gulir ke kanan",
        "Scroll down": "Gulir ke bawah",
    },
}


class StandardTranslator(QTranslator):
    """Answers Qt's own lookups from TRANSLATIONS; anything else keeps its source text
    (None, a null QString, means "not translated here"; "" would blank the text)."""

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        return TRANSLATIONS.get(context, {}).get(source_text)

    def isEmpty(self) -> bool:
        return False


def install(app: QCoreApplication) -> StandardTranslator:
    """Install the Indonesian texts for Qt's own widgets (once per application)."""
    existing = app.findChild(StandardTranslator)
    if isinstance(existing, StandardTranslator):
        return existing
    translator = StandardTranslator(app)
    app.installTranslator(translator)
    return translator
