# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sync_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QTabWidget, QTableView, QVBoxLayout, QWidget)

class Ui_SyncPage(object):
    def setupUi(self, SyncPage):
        if not SyncPage.objectName():
            SyncPage.setObjectName(u"SyncPage")
        self.main_layout = QVBoxLayout(SyncPage)
        self.main_layout.setObjectName(u"main_layout")
        self.title_label = QLabel(SyncPage)
        self.title_label.setObjectName(u"title_label")

        self.main_layout.addWidget(self.title_label)

        self.top_row = QHBoxLayout()
        self.top_row.setObjectName(u"top_row")
        self.state_label = QLabel(SyncPage)
        self.state_label.setObjectName(u"state_label")
        self.state_label.setWordWrap(True)

        self.top_row.addWidget(self.state_label)

        self.sync_button = QPushButton(SyncPage)
        self.sync_button.setObjectName(u"sync_button")

        self.top_row.addWidget(self.sync_button)

        self.cancel_button = QPushButton(SyncPage)
        self.cancel_button.setObjectName(u"cancel_button")

        self.top_row.addWidget(self.cancel_button)

        self.top_row.setStretch(0, 1)

        self.main_layout.addLayout(self.top_row)

        self.progress_label = QLabel(SyncPage)
        self.progress_label.setObjectName(u"progress_label")
        self.progress_label.setWordWrap(True)

        self.main_layout.addWidget(self.progress_label)

        self.tabs = QTabWidget(SyncPage)
        self.tabs.setObjectName(u"tabs")
        self.history_tab = QWidget()
        self.history_tab.setObjectName(u"history_tab")
        self.history_layout = QVBoxLayout(self.history_tab)
        self.history_layout.setObjectName(u"history_layout")
        self.history_table = QTableView(self.history_tab)
        self.history_table.setObjectName(u"history_table")
        self.history_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_table.verticalHeader().setVisible(False)

        self.history_layout.addWidget(self.history_table)

        self.tabs.addTab(self.history_tab, "")
        self.failed_tab = QWidget()
        self.failed_tab.setObjectName(u"failed_tab")
        self.failed_layout = QVBoxLayout(self.failed_tab)
        self.failed_layout.setObjectName(u"failed_layout")
        self.failed_note = QLabel(self.failed_tab)
        self.failed_note.setObjectName(u"failed_note")
        self.failed_note.setWordWrap(True)

        self.failed_layout.addWidget(self.failed_note)

        self.failed_table = QTableView(self.failed_tab)
        self.failed_table.setObjectName(u"failed_table")
        self.failed_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.failed_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.failed_table.verticalHeader().setVisible(False)

        self.failed_layout.addWidget(self.failed_table)

        self.failed_actions = QHBoxLayout()
        self.failed_actions.setObjectName(u"failed_actions")
        self.redo_button = QPushButton(self.failed_tab)
        self.redo_button.setObjectName(u"redo_button")

        self.failed_actions.addWidget(self.redo_button)

        self.drop_button = QPushButton(self.failed_tab)
        self.drop_button.setObjectName(u"drop_button")

        self.failed_actions.addWidget(self.drop_button)

        self.failed_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.failed_actions.addItem(self.failed_spacer)


        self.failed_layout.addLayout(self.failed_actions)

        self.tabs.addTab(self.failed_tab, "")
        self.conflicts_tab = QWidget()
        self.conflicts_tab.setObjectName(u"conflicts_tab")
        self.conflicts_layout = QVBoxLayout(self.conflicts_tab)
        self.conflicts_layout.setObjectName(u"conflicts_layout")
        self.conflicts_slot = QWidget(self.conflicts_tab)
        self.conflicts_slot.setObjectName(u"conflicts_slot")
        self.conflicts_slot_layout = QVBoxLayout(self.conflicts_slot)
        self.conflicts_slot_layout.setObjectName(u"conflicts_slot_layout")
        self.conflicts_slot_layout.setContentsMargins(0, 0, 0, 0)
        self.conflicts_note = QLabel(self.conflicts_slot)
        self.conflicts_note.setObjectName(u"conflicts_note")
        self.conflicts_note.setWordWrap(True)

        self.conflicts_slot_layout.addWidget(self.conflicts_note)

        self.conflicts_table = QTableView(self.conflicts_slot)
        self.conflicts_table.setObjectName(u"conflicts_table")
        self.conflicts_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflicts_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflicts_table.verticalHeader().setVisible(False)

        self.conflicts_slot_layout.addWidget(self.conflicts_table)


        self.conflicts_layout.addWidget(self.conflicts_slot)

        self.tabs.addTab(self.conflicts_tab, "")
        self.unsent_tab = QWidget()
        self.unsent_tab.setObjectName(u"unsent_tab")
        self.unsent_layout = QVBoxLayout(self.unsent_tab)
        self.unsent_layout.setObjectName(u"unsent_layout")
        self.unsent_note = QLabel(self.unsent_tab)
        self.unsent_note.setObjectName(u"unsent_note")
        self.unsent_note.setWordWrap(True)

        self.unsent_layout.addWidget(self.unsent_note)

        self.unsent_table = QTableView(self.unsent_tab)
        self.unsent_table.setObjectName(u"unsent_table")
        self.unsent_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.unsent_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unsent_table.verticalHeader().setVisible(False)

        self.unsent_layout.addWidget(self.unsent_table)

        self.tabs.addTab(self.unsent_tab, "")
        self.connection_tab = QWidget()
        self.connection_tab.setObjectName(u"connection_tab")
        self.connection_layout = QVBoxLayout(self.connection_tab)
        self.connection_layout.setObjectName(u"connection_layout")
        self.connection_note = QLabel(self.connection_tab)
        self.connection_note.setObjectName(u"connection_note")
        self.connection_note.setWordWrap(True)

        self.connection_layout.addWidget(self.connection_note)

        self.connection_form = QFormLayout()
        self.connection_form.setObjectName(u"connection_form")
        self.host_label = QLabel(self.connection_tab)
        self.host_label.setObjectName(u"host_label")

        self.connection_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.host_label)

        self.host_edit = QLineEdit(self.connection_tab)
        self.host_edit.setObjectName(u"host_edit")

        self.connection_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.host_edit)

        self.port_label = QLabel(self.connection_tab)
        self.port_label.setObjectName(u"port_label")

        self.connection_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.port_label)

        self.port_spin = QSpinBox(self.connection_tab)
        self.port_spin.setObjectName(u"port_spin")
        self.port_spin.setMaximum(65535)
        self.port_spin.setMinimum(1)
        self.port_spin.setValue(5432)

        self.connection_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.port_spin)

        self.dbname_label = QLabel(self.connection_tab)
        self.dbname_label.setObjectName(u"dbname_label")

        self.connection_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dbname_label)

        self.dbname_edit = QLineEdit(self.connection_tab)
        self.dbname_edit.setObjectName(u"dbname_edit")

        self.connection_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dbname_edit)

        self.sslmode_label = QLabel(self.connection_tab)
        self.sslmode_label.setObjectName(u"sslmode_label")

        self.connection_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sslmode_label)

        self.sslmode_combo = QComboBox(self.connection_tab)
        self.sslmode_combo.setObjectName(u"sslmode_combo")

        self.connection_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sslmode_combo)

        self.ca_label = QLabel(self.connection_tab)
        self.ca_label.setObjectName(u"ca_label")

        self.connection_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.ca_label)

        self.ca_row = QHBoxLayout()
        self.ca_row.setObjectName(u"ca_row")
        self.ca_edit = QLineEdit(self.connection_tab)
        self.ca_edit.setObjectName(u"ca_edit")

        self.ca_row.addWidget(self.ca_edit)

        self.ca_button = QPushButton(self.connection_tab)
        self.ca_button.setObjectName(u"ca_button")

        self.ca_row.addWidget(self.ca_button)


        self.connection_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.ca_row)

        self.user_label = QLabel(self.connection_tab)
        self.user_label.setObjectName(u"user_label")

        self.connection_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.user_label)

        self.user_edit = QLineEdit(self.connection_tab)
        self.user_edit.setObjectName(u"user_edit")

        self.connection_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.user_edit)

        self.password_label = QLabel(self.connection_tab)
        self.password_label.setObjectName(u"password_label")

        self.connection_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password_edit = QLineEdit(self.connection_tab)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.connection_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.password_edit)

        self.interval_label = QLabel(self.connection_tab)
        self.interval_label.setObjectName(u"interval_label")

        self.connection_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.interval_label)

        self.interval_spin = QSpinBox(self.connection_tab)
        self.interval_spin.setObjectName(u"interval_spin")
        self.interval_spin.setMinimum(1)
        self.interval_spin.setMaximum(120)
        self.interval_spin.setValue(2)

        self.connection_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.interval_spin)


        self.connection_layout.addLayout(self.connection_form)

        self.connection_error = QLabel(self.connection_tab)
        self.connection_error.setObjectName(u"connection_error")
        self.connection_error.setWordWrap(True)

        self.connection_layout.addWidget(self.connection_error)

        self.connection_actions = QHBoxLayout()
        self.connection_actions.setObjectName(u"connection_actions")
        self.test_button = QPushButton(self.connection_tab)
        self.test_button.setObjectName(u"test_button")

        self.connection_actions.addWidget(self.test_button)

        self.save_button = QPushButton(self.connection_tab)
        self.save_button.setObjectName(u"save_button")

        self.connection_actions.addWidget(self.save_button)

        self.connection_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.connection_actions.addItem(self.connection_spacer)


        self.connection_layout.addLayout(self.connection_actions)

        self.connection_vspacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.connection_layout.addItem(self.connection_vspacer)

        self.tabs.addTab(self.connection_tab, "")

        self.main_layout.addWidget(self.tabs)

#if QT_CONFIG(shortcut)
        self.host_label.setBuddy(self.host_edit)
        self.port_label.setBuddy(self.port_spin)
        self.dbname_label.setBuddy(self.dbname_edit)
        self.sslmode_label.setBuddy(self.sslmode_combo)
        self.ca_label.setBuddy(self.ca_edit)
        self.user_label.setBuddy(self.user_edit)
        self.password_label.setBuddy(self.password_edit)
        self.interval_label.setBuddy(self.interval_spin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SyncPage)

        QMetaObject.connectSlotsByName(SyncPage)
    # setupUi

    def retranslateUi(self, SyncPage):
#if QT_CONFIG(accessibility)
        SyncPage.setAccessibleName(QCoreApplication.translate("SyncPage", u"Sinkronisasi", None))
#endif // QT_CONFIG(accessibility)
        self.title_label.setText(QCoreApplication.translate("SyncPage", u"<b>Sinkronisasi dengan server kabupaten</b>", None))
        self.state_label.setText("")
        self.sync_button.setText(QCoreApplication.translate("SyncPage", u"&Sinkronkan sekarang (F9)", None))
        self.cancel_button.setText(QCoreApplication.translate("SyncPage", u"&Hentikan", None))
        self.progress_label.setText("")
#if QT_CONFIG(accessibility)
        self.tabs.setAccessibleName(QCoreApplication.translate("SyncPage", u"Bagian sinkronisasi", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.history_table.setAccessibleName(QCoreApplication.translate("SyncPage", u"Riwayat sinkronisasi", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.history_tab), QCoreApplication.translate("SyncPage", u"&Riwayat", None))
        self.failed_note.setText(QCoreApplication.translate("SyncPage", u"Tindakan yang ditolak server pusat, dengan alasannya. Kirim ulang: tindakan yang sama dilakukan lagi pada keadaan laporan sekarang. Abaikan: tindakan tetap tercatat sebagai ditolak.", None))
#if QT_CONFIG(accessibility)
        self.failed_table.setAccessibleName(QCoreApplication.translate("SyncPage", u"Daftar gagal disinkronkan", None))
#endif // QT_CONFIG(accessibility)
        self.redo_button.setText(QCoreApplication.translate("SyncPage", u"&Kirim ulang", None))
        self.drop_button.setText(QCoreApplication.translate("SyncPage", u"&Abaikan", None))
        self.tabs.setTabText(self.tabs.indexOf(self.failed_tab), QCoreApplication.translate("SyncPage", u"&Gagal disinkronkan", None))
        self.conflicts_note.setText(QCoreApplication.translate("SyncPage", u"Perubahan data pelapor atau kepala laporan yang bertabrakan dengan perubahan di kantor lain. Penyelesaian (pakai milik saya / pakai milik mereka / gabungkan per kolom) tersedia di sini.", None))
#if QT_CONFIG(accessibility)
        self.conflicts_table.setAccessibleName(QCoreApplication.translate("SyncPage", u"Daftar konflik", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.conflicts_tab), QCoreApplication.translate("SyncPage", u"&Konflik", None))
        self.unsent_note.setText(QCoreApplication.translate("SyncPage", u"Pekerjaan yang tersimpan di komputer ini dan belum sampai di server pusat, per orang (juga milik login yang dinonaktifkan, untuk serah terima).", None))
#if QT_CONFIG(accessibility)
        self.unsent_table.setAccessibleName(QCoreApplication.translate("SyncPage", u"Belum terkirim per orang", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.unsent_tab), QCoreApplication.translate("SyncPage", u"&Belum terkirim", None))
        self.connection_note.setText(QCoreApplication.translate("SyncPage", u"Koneksi komputer ini ke server kabupaten. Kata sandi disimpan di keyring sistem, tidak pernah di berkas.", None))
        self.host_label.setText(QCoreApplication.translate("SyncPage", u"&Host server:", None))
#if QT_CONFIG(accessibility)
        self.host_edit.setAccessibleName(QCoreApplication.translate("SyncPage", u"Host server", None))
#endif // QT_CONFIG(accessibility)
        self.port_label.setText(QCoreApplication.translate("SyncPage", u"&Port:", None))
#if QT_CONFIG(accessibility)
        self.port_spin.setAccessibleName(QCoreApplication.translate("SyncPage", u"Port", None))
#endif // QT_CONFIG(accessibility)
        self.dbname_label.setText(QCoreApplication.translate("SyncPage", u"&Basis data:", None))
#if QT_CONFIG(accessibility)
        self.dbname_edit.setAccessibleName(QCoreApplication.translate("SyncPage", u"Basis data pusat", None))
#endif // QT_CONFIG(accessibility)
        self.sslmode_label.setText(QCoreApplication.translate("SyncPage", u"Mode &TLS:", None))
#if QT_CONFIG(accessibility)
        self.sslmode_combo.setAccessibleName(QCoreApplication.translate("SyncPage", u"Mode TLS", None))
#endif // QT_CONFIG(accessibility)
        self.ca_label.setText(QCoreApplication.translate("SyncPage", u"Berkas &CA:", None))
#if QT_CONFIG(accessibility)
        self.ca_edit.setAccessibleName(QCoreApplication.translate("SyncPage", u"Berkas sertifikat CA", None))
#endif // QT_CONFIG(accessibility)
        self.ca_button.setText(QCoreApplication.translate("SyncPage", u"Pilih\u2026", None))
        self.user_label.setText(QCoreApplication.translate("SyncPage", u"&Login:", None))
#if QT_CONFIG(accessibility)
        self.user_edit.setAccessibleName(QCoreApplication.translate("SyncPage", u"Nama login", None))
#endif // QT_CONFIG(accessibility)
        self.password_label.setText(QCoreApplication.translate("SyncPage", u"Kata &sandi:", None))
#if QT_CONFIG(accessibility)
        self.password_edit.setAccessibleName(QCoreApplication.translate("SyncPage", u"Kata sandi server pusat", None))
#endif // QT_CONFIG(accessibility)
        self.interval_label.setText(QCoreApplication.translate("SyncPage", u"Sinkron &setiap (menit):", None))
#if QT_CONFIG(accessibility)
        self.interval_spin.setAccessibleName(QCoreApplication.translate("SyncPage", u"Selang sinkronisasi dalam menit", None))
#endif // QT_CONFIG(accessibility)
        self.connection_error.setText("")
        self.test_button.setText(QCoreApplication.translate("SyncPage", u"&Uji koneksi", None))
        self.save_button.setText(QCoreApplication.translate("SyncPage", u"Sim&pan koneksi", None))
        self.tabs.setTabText(self.tabs.indexOf(self.connection_tab), QCoreApplication.translate("SyncPage", u"K&oneksi", None))
    # retranslateUi

