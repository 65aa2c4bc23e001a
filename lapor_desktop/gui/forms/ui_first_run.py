# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QRadioButton, QSizePolicy, QSpinBox, QStackedWidget,
    QVBoxLayout, QWidget)

class Ui_FirstRunDialog(object):
    def setupUi(self, FirstRunDialog):
        if not FirstRunDialog.objectName():
            FirstRunDialog.setObjectName(u"FirstRunDialog")
        FirstRunDialog.setMinimumSize(QSize(520, 0))
        self.main_layout = QVBoxLayout(FirstRunDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.pages = QStackedWidget(FirstRunDialog)
        self.pages.setObjectName(u"pages")
        self.form_page = QWidget()
        self.form_page.setObjectName(u"form_page")
        self.form_page_layout = QVBoxLayout(self.form_page)
        self.form_page_layout.setObjectName(u"form_page_layout")
        self.form_page_layout.setContentsMargins(0, 0, 0, 0)
        self.intro_label = QLabel(self.form_page)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.form_page_layout.addWidget(self.intro_label)

        self.mode_row = QHBoxLayout()
        self.mode_row.setObjectName(u"mode_row")
        self.local_radio = QRadioButton(self.form_page)
        self.local_radio.setObjectName(u"local_radio")
        self.local_radio.setChecked(True)

        self.mode_row.addWidget(self.local_radio)

        self.join_radio = QRadioButton(self.form_page)
        self.join_radio.setObjectName(u"join_radio")

        self.mode_row.addWidget(self.join_radio)


        self.form_page_layout.addLayout(self.mode_row)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setVerticalSpacing(2)
        self.username_label = QLabel(self.form_page)
        self.username_label.setObjectName(u"username_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.username_label)

        self.username_edit = QLineEdit(self.form_page)
        self.username_edit.setObjectName(u"username_edit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username_edit)

        self.username_error = QLabel(self.form_page)
        self.username_error.setObjectName(u"username_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.username_error)

        self.full_name_label = QLabel(self.form_page)
        self.full_name_label.setObjectName(u"full_name_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.full_name_label)

        self.full_name_edit = QLineEdit(self.form_page)
        self.full_name_edit.setObjectName(u"full_name_edit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.full_name_edit)

        self.full_name_error = QLabel(self.form_page)
        self.full_name_error.setObjectName(u"full_name_error")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.full_name_error)

        self.password_label = QLabel(self.form_page)
        self.password_label.setObjectName(u"password_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password_edit = QLineEdit(self.form_page)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.password_edit)

        self.password_error = QLabel(self.form_page)
        self.password_error.setObjectName(u"password_error")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.password_error)

        self.repeat_label = QLabel(self.form_page)
        self.repeat_label.setObjectName(u"repeat_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.repeat_label)

        self.repeat_edit = QLineEdit(self.form_page)
        self.repeat_edit.setObjectName(u"repeat_edit")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.repeat_edit)

        self.repeat_error = QLabel(self.form_page)
        self.repeat_error.setObjectName(u"repeat_error")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.repeat_error)

        self.demo_check = QCheckBox(self.form_page)
        self.demo_check.setObjectName(u"demo_check")

        self.form.setWidget(8, QFormLayout.ItemRole.SpanningRole, self.demo_check)

        self.demo_label = QLabel(self.form_page)
        self.demo_label.setObjectName(u"demo_label")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.demo_label)

        self.demo_spin = QSpinBox(self.form_page)
        self.demo_spin.setObjectName(u"demo_spin")
        self.demo_spin.setEnabled(False)
        self.demo_spin.setMinimum(10)
        self.demo_spin.setMaximum(100000)
        self.demo_spin.setValue(300)

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.demo_spin)


        self.form_page_layout.addLayout(self.form)

        self.join_box = QGroupBox(self.form_page)
        self.join_box.setObjectName(u"join_box")
        self.join_form = QFormLayout(self.join_box)
        self.join_form.setObjectName(u"join_form")
        self.join_host_label = QLabel(self.join_box)
        self.join_host_label.setObjectName(u"join_host_label")

        self.join_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.join_host_label)

        self.join_host_edit = QLineEdit(self.join_box)
        self.join_host_edit.setObjectName(u"join_host_edit")

        self.join_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.join_host_edit)

        self.join_port_label = QLabel(self.join_box)
        self.join_port_label.setObjectName(u"join_port_label")

        self.join_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.join_port_label)

        self.join_port_spin = QSpinBox(self.join_box)
        self.join_port_spin.setObjectName(u"join_port_spin")
        self.join_port_spin.setMinimum(1)
        self.join_port_spin.setMaximum(65535)
        self.join_port_spin.setValue(5432)

        self.join_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.join_port_spin)

        self.join_dbname_label = QLabel(self.join_box)
        self.join_dbname_label.setObjectName(u"join_dbname_label")

        self.join_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.join_dbname_label)

        self.join_dbname_edit = QLineEdit(self.join_box)
        self.join_dbname_edit.setObjectName(u"join_dbname_edit")

        self.join_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.join_dbname_edit)

        self.join_sslmode_label = QLabel(self.join_box)
        self.join_sslmode_label.setObjectName(u"join_sslmode_label")

        self.join_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.join_sslmode_label)

        self.join_sslmode_combo = QComboBox(self.join_box)
        self.join_sslmode_combo.setObjectName(u"join_sslmode_combo")

        self.join_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.join_sslmode_combo)

        self.join_ca_label = QLabel(self.join_box)
        self.join_ca_label.setObjectName(u"join_ca_label")

        self.join_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.join_ca_label)

        self.join_ca_row = QHBoxLayout()
        self.join_ca_row.setObjectName(u"join_ca_row")
        self.join_ca_edit = QLineEdit(self.join_box)
        self.join_ca_edit.setObjectName(u"join_ca_edit")

        self.join_ca_row.addWidget(self.join_ca_edit)

        self.join_ca_button = QPushButton(self.join_box)
        self.join_ca_button.setObjectName(u"join_ca_button")

        self.join_ca_row.addWidget(self.join_ca_button)


        self.join_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.join_ca_row)

        self.join_user_label = QLabel(self.join_box)
        self.join_user_label.setObjectName(u"join_user_label")

        self.join_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.join_user_label)

        self.join_user_edit = QLineEdit(self.join_box)
        self.join_user_edit.setObjectName(u"join_user_edit")

        self.join_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.join_user_edit)

        self.join_password_label = QLabel(self.join_box)
        self.join_password_label.setObjectName(u"join_password_label")

        self.join_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.join_password_label)

        self.join_password_edit = QLineEdit(self.join_box)
        self.join_password_edit.setObjectName(u"join_password_edit")
        self.join_password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.join_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.join_password_edit)


        self.form_page_layout.addWidget(self.join_box)

        self.general_error = QLabel(self.form_page)
        self.general_error.setObjectName(u"general_error")

        self.form_page_layout.addWidget(self.general_error)

        self.pages.addWidget(self.form_page)
        self.done_page = QWidget()
        self.done_page.setObjectName(u"done_page")
        self.done_page_layout = QVBoxLayout(self.done_page)
        self.done_page_layout.setObjectName(u"done_page_layout")
        self.done_page_layout.setContentsMargins(0, 0, 0, 0)
        self.done_label = QLabel(self.done_page)
        self.done_label.setObjectName(u"done_label")
        self.done_label.setWordWrap(True)
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_label.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.done_page_layout.addWidget(self.done_label)

        self.pages.addWidget(self.done_page)

        self.main_layout.addWidget(self.pages)

        self.status_label = QLabel(FirstRunDialog)
        self.status_label.setObjectName(u"status_label")

        self.main_layout.addWidget(self.status_label)

        self.buttons = QDialogButtonBox(FirstRunDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.username_label.setBuddy(self.username_edit)
        self.full_name_label.setBuddy(self.full_name_edit)
        self.password_label.setBuddy(self.password_edit)
        self.repeat_label.setBuddy(self.repeat_edit)
        self.demo_label.setBuddy(self.demo_spin)
        self.join_host_label.setBuddy(self.join_host_edit)
        self.join_port_label.setBuddy(self.join_port_spin)
        self.join_dbname_label.setBuddy(self.join_dbname_edit)
        self.join_sslmode_label.setBuddy(self.join_sslmode_combo)
        self.join_ca_label.setBuddy(self.join_ca_edit)
        self.join_user_label.setBuddy(self.join_user_edit)
        self.join_password_label.setBuddy(self.join_password_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username_edit, self.full_name_edit)
        QWidget.setTabOrder(self.full_name_edit, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.repeat_edit)
        QWidget.setTabOrder(self.repeat_edit, self.demo_check)
        QWidget.setTabOrder(self.demo_check, self.demo_spin)
        QWidget.setTabOrder(self.demo_spin, self.buttons)
        QWidget.setTabOrder(self.buttons, self.done_label)

        self.retranslateUi(FirstRunDialog)
        self.demo_check.toggled.connect(self.demo_spin.setEnabled)

        QMetaObject.connectSlotsByName(FirstRunDialog)
    # setupUi

    def retranslateUi(self, FirstRunDialog):
        FirstRunDialog.setWindowTitle(QCoreApplication.translate("FirstRunDialog", u"Penyiapan awal LAPOR Desktop", None))
        self.local_radio.setText(QCoreApplication.translate("FirstRunDialog", u"Basis data &lokal saja", None))
        self.join_radio.setText(QCoreApplication.translate("FirstRunDialog", u"&Gabung ke server kabupaten", None))
        self.username_label.setText(QCoreApplication.translate("FirstRunDialog", u"&Nama pengguna admin:", None))
        self.username_edit.setText(QCoreApplication.translate("FirstRunDialog", u"admin", None))
#if QT_CONFIG(accessibility)
        self.username_edit.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Nama pengguna admin", None))
#endif // QT_CONFIG(accessibility)
        self.full_name_label.setText(QCoreApplication.translate("FirstRunDialog", u"Nama &lengkap:", None))
        self.full_name_edit.setText(QCoreApplication.translate("FirstRunDialog", u"Administrator Sistem", None))
#if QT_CONFIG(accessibility)
        self.full_name_edit.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Nama lengkap", None))
#endif // QT_CONFIG(accessibility)
        self.password_label.setText(QCoreApplication.translate("FirstRunDialog", u"&Kata sandi:", None))
#if QT_CONFIG(accessibility)
        self.password_edit.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Kata sandi", None))
#endif // QT_CONFIG(accessibility)
        self.repeat_label.setText(QCoreApplication.translate("FirstRunDialog", u"&Ulangi kata sandi:", None))
#if QT_CONFIG(accessibility)
        self.repeat_edit.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Ulangi kata sandi", None))
#endif // QT_CONFIG(accessibility)
        self.demo_check.setText(QCoreApplication.translate("FirstRunDialog", u"Isi dengan &data contoh (untuk pelatihan/demo)", None))
#if QT_CONFIG(accessibility)
        self.demo_check.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Data contoh", None))
#endif // QT_CONFIG(accessibility)
        self.demo_label.setText(QCoreApplication.translate("FirstRunDialog", u"&Jumlah laporan contoh:", None))
#if QT_CONFIG(accessibility)
        self.demo_spin.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Jumlah laporan contoh", None))
#endif // QT_CONFIG(accessibility)
        self.join_box.setTitle(QCoreApplication.translate("FirstRunDialog", u"Server kabupaten", None))
        self.join_host_label.setText(QCoreApplication.translate("FirstRunDialog", u"&Host server:", None))
#if QT_CONFIG(accessibility)
        self.join_host_edit.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Host server", None))
#endif // QT_CONFIG(accessibility)
        self.join_port_label.setText(QCoreApplication.translate("FirstRunDialog", u"&Port:", None))
#if QT_CONFIG(accessibility)
        self.join_port_spin.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Port", None))
#endif // QT_CONFIG(accessibility)
        self.join_dbname_label.setText(QCoreApplication.translate("FirstRunDialog", u"&Basis data:", None))
        self.join_dbname_edit.setText(QCoreApplication.translate("FirstRunDialog", u"lapor", None))
#if QT_CONFIG(accessibility)
        self.join_dbname_edit.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Basis data pusat", None))
#endif // QT_CONFIG(accessibility)
        self.join_sslmode_label.setText(QCoreApplication.translate("FirstRunDialog", u"Mode &TLS:", None))
#if QT_CONFIG(accessibility)
        self.join_sslmode_combo.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Mode TLS", None))
#endif // QT_CONFIG(accessibility)
        self.join_ca_label.setText(QCoreApplication.translate("FirstRunDialog", u"Berkas &CA:", None))
#if QT_CONFIG(accessibility)
        self.join_ca_edit.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Berkas sertifikat CA", None))
#endif // QT_CONFIG(accessibility)
        self.join_ca_button.setText(QCoreApplication.translate("FirstRunDialog", u"Pilih\u2026", None))
        self.join_user_label.setText(QCoreApplication.translate("FirstRunDialog", u"&Login:", None))
#if QT_CONFIG(accessibility)
        self.join_user_edit.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Nama login", None))
#endif // QT_CONFIG(accessibility)
        self.join_password_label.setText(QCoreApplication.translate("FirstRunDialog", u"Kata &sandi:", None))
#if QT_CONFIG(accessibility)
        self.join_password_edit.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Kata sandi server pusat", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

