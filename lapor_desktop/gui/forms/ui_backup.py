# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'backup.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QTableView, QVBoxLayout, QWidget)

class Ui_BackupPage(object):
    def setupUi(self, BackupPage):
        if not BackupPage.objectName():
            BackupPage.setObjectName(u"BackupPage")
        self.main_layout = QVBoxLayout(BackupPage)
        self.main_layout.setObjectName(u"main_layout")
        self.folder_label = QLabel(BackupPage)
        self.folder_label.setObjectName(u"folder_label")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.folder_label)

        self.table = QTableView(BackupPage)
        self.table.setObjectName(u"table")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)

        self.main_layout.addWidget(self.table)

        self.actions_row = QHBoxLayout()
        self.actions_row.setObjectName(u"actions_row")
        self.backup_button = QPushButton(BackupPage)
        self.backup_button.setObjectName(u"backup_button")

        self.actions_row.addWidget(self.backup_button)

        self.restore_selected_button = QPushButton(BackupPage)
        self.restore_selected_button.setObjectName(u"restore_selected_button")

        self.actions_row.addWidget(self.restore_selected_button)

        self.restore_file_button = QPushButton(BackupPage)
        self.restore_file_button.setObjectName(u"restore_file_button")

        self.actions_row.addWidget(self.restore_file_button)

        self.export_button = QPushButton(BackupPage)
        self.export_button.setObjectName(u"export_button")

        self.actions_row.addWidget(self.export_button)

        self.actions_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions_row.addItem(self.actions_spacer)


        self.main_layout.addLayout(self.actions_row)

        self.keep_row = QHBoxLayout()
        self.keep_row.setObjectName(u"keep_row")
        self.keep_label = QLabel(BackupPage)
        self.keep_label.setObjectName(u"keep_label")

        self.keep_row.addWidget(self.keep_label)

        self.keep_spin = QSpinBox(BackupPage)
        self.keep_spin.setObjectName(u"keep_spin")
        self.keep_spin.setMinimum(1)

        self.keep_row.addWidget(self.keep_spin)

        self.keep_button = QPushButton(BackupPage)
        self.keep_button.setObjectName(u"keep_button")

        self.keep_row.addWidget(self.keep_button)

        self.keep_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.keep_row.addItem(self.keep_spacer)


        self.main_layout.addLayout(self.keep_row)

        self.note_label = QLabel(BackupPage)
        self.note_label.setObjectName(u"note_label")
        self.note_label.setWordWrap(True)

        self.main_layout.addWidget(self.note_label)

        self.main_layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.keep_label.setBuddy(self.keep_spin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.table, self.backup_button)
        QWidget.setTabOrder(self.backup_button, self.restore_selected_button)
        QWidget.setTabOrder(self.restore_selected_button, self.restore_file_button)
        QWidget.setTabOrder(self.restore_file_button, self.export_button)
        QWidget.setTabOrder(self.export_button, self.keep_spin)
        QWidget.setTabOrder(self.keep_spin, self.keep_button)

        self.retranslateUi(BackupPage)

        QMetaObject.connectSlotsByName(BackupPage)
    # setupUi

    def retranslateUi(self, BackupPage):
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("BackupPage", u"Daftar cadangan", None))
#endif // QT_CONFIG(accessibility)
        self.backup_button.setText(QCoreApplication.translate("BackupPage", u"&Buat cadangan sekarang", None))
        self.restore_selected_button.setText(QCoreApplication.translate("BackupPage", u"&Pulihkan yang dipilih\u2026", None))
        self.restore_file_button.setText(QCoreApplication.translate("BackupPage", u"Pulihkan dari &berkas\u2026", None))
        self.export_button.setText(QCoreApplication.translate("BackupPage", u"&Ekspor untuk PC lain\u2026", None))
        self.keep_label.setText(QCoreApplication.translate("BackupPage", u"Cadangan &otomatis disimpan untuk", None))
        self.keep_spin.setSuffix(QCoreApplication.translate("BackupPage", u" hari", None))
#if QT_CONFIG(accessibility)
        self.keep_spin.setAccessibleName(QCoreApplication.translate("BackupPage", u"Jumlah hari cadangan otomatis", None))
#endif // QT_CONFIG(accessibility)
        self.keep_button.setText(QCoreApplication.translate("BackupPage", u"&Simpan", None))
        self.note_label.setText(QCoreApplication.translate("BackupPage", u"Cadangan otomatis dibuat saat keluar dari akun atau menutup aplikasi, dan sekali sehari. Cadangan di folder ini hanya terbuka di PC ini; untuk PC lain gunakan Ekspor (dienkripsi dengan frasa sandi).", None))
        pass
    # retranslateUi

