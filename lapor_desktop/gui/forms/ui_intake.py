# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'intake.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

from lapor_desktop.gui.date_field import DateField

class Ui_IntakeForm(object):
    def setupUi(self, IntakeForm):
        if not IntakeForm.objectName():
            IntakeForm.setObjectName(u"IntakeForm")
        self.outer_layout = QVBoxLayout(IntakeForm)
        self.outer_layout.setObjectName(u"outer_layout")
        self.outer_layout.setContentsMargins(0, 0, 0, 0)
        self.form_scroll = QScrollArea(IntakeForm)
        self.form_scroll.setObjectName(u"form_scroll")
        self.form_scroll.setWidgetResizable(True)
        self.form_body = QWidget()
        self.form_body.setObjectName(u"form_body")
        self.form_layout = QVBoxLayout(self.form_body)
        self.form_layout.setObjectName(u"form_layout")
        self.reporter_group = QGroupBox(self.form_body)
        self.reporter_group.setObjectName(u"reporter_group")
        self.reporter_form = QFormLayout(self.reporter_group)
        self.reporter_form.setObjectName(u"reporter_form")
        self.nik_label = QLabel(self.reporter_group)
        self.nik_label.setObjectName(u"nik_label")

        self.reporter_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nik_label)

        self.nik_box = QVBoxLayout()
        self.nik_box.setSpacing(1)
        self.nik_box.setObjectName(u"nik_box")
        self.nik_box.setContentsMargins(0, 0, 0, 0)
        self.nik_edit = QLineEdit(self.reporter_group)
        self.nik_edit.setObjectName(u"nik_edit")
        self.nik_edit.setMaxLength(24)

        self.nik_box.addWidget(self.nik_edit)

        self.nik_error = QLabel(self.reporter_group)
        self.nik_error.setObjectName(u"nik_error")
        self.nik_error.setText(u"")
        self.nik_error.setTextFormat(Qt.TextFormat.PlainText)

        self.nik_box.addWidget(self.nik_error)


        self.reporter_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.nik_box)

        self.nik_status = QLabel(self.reporter_group)
        self.nik_status.setObjectName(u"nik_status")
        self.nik_status.setTextFormat(Qt.TextFormat.PlainText)
        self.nik_status.setWordWrap(True)

        self.reporter_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nik_status)

        self.name_label = QLabel(self.reporter_group)
        self.name_label.setObjectName(u"name_label")

        self.reporter_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_box = QVBoxLayout()
        self.name_box.setSpacing(1)
        self.name_box.setObjectName(u"name_box")
        self.name_box.setContentsMargins(0, 0, 0, 0)
        self.name_edit = QLineEdit(self.reporter_group)
        self.name_edit.setObjectName(u"name_edit")

        self.name_box.addWidget(self.name_edit)

        self.name_error = QLabel(self.reporter_group)
        self.name_error.setObjectName(u"name_error")
        self.name_error.setText(u"")
        self.name_error.setTextFormat(Qt.TextFormat.PlainText)

        self.name_box.addWidget(self.name_error)


        self.reporter_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.name_box)

        self.phone_label = QLabel(self.reporter_group)
        self.phone_label.setObjectName(u"phone_label")

        self.reporter_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone_box = QVBoxLayout()
        self.phone_box.setSpacing(1)
        self.phone_box.setObjectName(u"phone_box")
        self.phone_box.setContentsMargins(0, 0, 0, 0)
        self.phone_edit = QLineEdit(self.reporter_group)
        self.phone_edit.setObjectName(u"phone_edit")

        self.phone_box.addWidget(self.phone_edit)

        self.phone_error = QLabel(self.reporter_group)
        self.phone_error.setObjectName(u"phone_error")
        self.phone_error.setText(u"")
        self.phone_error.setTextFormat(Qt.TextFormat.PlainText)

        self.phone_box.addWidget(self.phone_error)


        self.reporter_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.phone_box)

        self.email_label = QLabel(self.reporter_group)
        self.email_label.setObjectName(u"email_label")

        self.reporter_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.email_label)

        self.email_box = QVBoxLayout()
        self.email_box.setSpacing(1)
        self.email_box.setObjectName(u"email_box")
        self.email_box.setContentsMargins(0, 0, 0, 0)
        self.email_edit = QLineEdit(self.reporter_group)
        self.email_edit.setObjectName(u"email_edit")

        self.email_box.addWidget(self.email_edit)

        self.email_error = QLabel(self.reporter_group)
        self.email_error.setObjectName(u"email_error")
        self.email_error.setText(u"")
        self.email_error.setTextFormat(Qt.TextFormat.PlainText)

        self.email_box.addWidget(self.email_error)


        self.reporter_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.email_box)

        self.address_label = QLabel(self.reporter_group)
        self.address_label.setObjectName(u"address_label")

        self.reporter_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address_box = QVBoxLayout()
        self.address_box.setSpacing(1)
        self.address_box.setObjectName(u"address_box")
        self.address_box.setContentsMargins(0, 0, 0, 0)
        self.address_edit = QLineEdit(self.reporter_group)
        self.address_edit.setObjectName(u"address_edit")

        self.address_box.addWidget(self.address_edit)

        self.address_error = QLabel(self.reporter_group)
        self.address_error.setObjectName(u"address_error")
        self.address_error.setText(u"")
        self.address_error.setTextFormat(Qt.TextFormat.PlainText)

        self.address_box.addWidget(self.address_error)


        self.reporter_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.address_box)

        self.kecamatan_label = QLabel(self.reporter_group)
        self.kecamatan_label.setObjectName(u"kecamatan_label")

        self.reporter_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.kecamatan_label)

        self.kecamatan_box = QVBoxLayout()
        self.kecamatan_box.setSpacing(1)
        self.kecamatan_box.setObjectName(u"kecamatan_box")
        self.kecamatan_box.setContentsMargins(0, 0, 0, 0)
        self.kecamatan_combo = QComboBox(self.reporter_group)
        self.kecamatan_combo.setObjectName(u"kecamatan_combo")

        self.kecamatan_box.addWidget(self.kecamatan_combo)

        self.kecamatan_error = QLabel(self.reporter_group)
        self.kecamatan_error.setObjectName(u"kecamatan_error")
        self.kecamatan_error.setText(u"")
        self.kecamatan_error.setTextFormat(Qt.TextFormat.PlainText)

        self.kecamatan_box.addWidget(self.kecamatan_error)


        self.reporter_form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.kecamatan_box)

        self.desa_label = QLabel(self.reporter_group)
        self.desa_label.setObjectName(u"desa_label")

        self.reporter_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.desa_label)

        self.desa_box = QVBoxLayout()
        self.desa_box.setSpacing(1)
        self.desa_box.setObjectName(u"desa_box")
        self.desa_box.setContentsMargins(0, 0, 0, 0)
        self.desa_combo = QComboBox(self.reporter_group)
        self.desa_combo.setObjectName(u"desa_combo")

        self.desa_box.addWidget(self.desa_combo)

        self.desa_error = QLabel(self.reporter_group)
        self.desa_error.setObjectName(u"desa_error")
        self.desa_error.setText(u"")
        self.desa_error.setTextFormat(Qt.TextFormat.PlainText)

        self.desa_box.addWidget(self.desa_error)


        self.reporter_form.setLayout(7, QFormLayout.ItemRole.FieldRole, self.desa_box)

        self.ktp_row = QHBoxLayout()
        self.ktp_row.setObjectName(u"ktp_row")
        self.ktp_row.setContentsMargins(0, 0, 0, 0)
        self.ktp_check = QCheckBox(self.reporter_group)
        self.ktp_check.setObjectName(u"ktp_check")

        self.ktp_row.addWidget(self.ktp_check)

        self.contact_button = QPushButton(self.reporter_group)
        self.contact_button.setObjectName(u"contact_button")
        self.contact_button.setVisible(False)

        self.ktp_row.addWidget(self.contact_button)

        self.ktp_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.ktp_row.addItem(self.ktp_spacer)


        self.reporter_form.setLayout(8, QFormLayout.ItemRole.FieldRole, self.ktp_row)


        self.form_layout.addWidget(self.reporter_group)

        self.complaint_group = QGroupBox(self.form_body)
        self.complaint_group.setObjectName(u"complaint_group")
        self.complaint_form = QFormLayout(self.complaint_group)
        self.complaint_form.setObjectName(u"complaint_form")
        self.channel_label = QLabel(self.complaint_group)
        self.channel_label.setObjectName(u"channel_label")

        self.complaint_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.channel_label)

        self.channel_box = QVBoxLayout()
        self.channel_box.setSpacing(1)
        self.channel_box.setObjectName(u"channel_box")
        self.channel_box.setContentsMargins(0, 0, 0, 0)
        self.channel_combo = QComboBox(self.complaint_group)
        self.channel_combo.setObjectName(u"channel_combo")

        self.channel_box.addWidget(self.channel_combo)

        self.channel_error = QLabel(self.complaint_group)
        self.channel_error.setObjectName(u"channel_error")
        self.channel_error.setText(u"")
        self.channel_error.setTextFormat(Qt.TextFormat.PlainText)

        self.channel_box.addWidget(self.channel_error)


        self.complaint_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.channel_box)

        self.klasifikasi_label = QLabel(self.complaint_group)
        self.klasifikasi_label.setObjectName(u"klasifikasi_label")

        self.complaint_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.klasifikasi_label)

        self.klasifikasi_box = QVBoxLayout()
        self.klasifikasi_box.setSpacing(1)
        self.klasifikasi_box.setObjectName(u"klasifikasi_box")
        self.klasifikasi_box.setContentsMargins(0, 0, 0, 0)
        self.klasifikasi_combo = QComboBox(self.complaint_group)
        self.klasifikasi_combo.setObjectName(u"klasifikasi_combo")

        self.klasifikasi_box.addWidget(self.klasifikasi_combo)

        self.klasifikasi_error = QLabel(self.complaint_group)
        self.klasifikasi_error.setObjectName(u"klasifikasi_error")
        self.klasifikasi_error.setText(u"")
        self.klasifikasi_error.setTextFormat(Qt.TextFormat.PlainText)

        self.klasifikasi_box.addWidget(self.klasifikasi_error)


        self.complaint_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.klasifikasi_box)

        self.title_label = QLabel(self.complaint_group)
        self.title_label.setObjectName(u"title_label")

        self.complaint_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_box = QVBoxLayout()
        self.title_box.setSpacing(1)
        self.title_box.setObjectName(u"title_box")
        self.title_box.setContentsMargins(0, 0, 0, 0)
        self.title_edit = QLineEdit(self.complaint_group)
        self.title_edit.setObjectName(u"title_edit")
        self.title_edit.setMaxLength(300)

        self.title_box.addWidget(self.title_edit)

        self.title_error = QLabel(self.complaint_group)
        self.title_error.setObjectName(u"title_error")
        self.title_error.setText(u"")
        self.title_error.setTextFormat(Qt.TextFormat.PlainText)

        self.title_box.addWidget(self.title_error)


        self.complaint_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.title_box)

        self.body_label = QLabel(self.complaint_group)
        self.body_label.setObjectName(u"body_label")

        self.complaint_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.body_label)

        self.body_box = QVBoxLayout()
        self.body_box.setSpacing(1)
        self.body_box.setObjectName(u"body_box")
        self.body_box.setContentsMargins(0, 0, 0, 0)
        self.body_edit = QPlainTextEdit(self.complaint_group)
        self.body_edit.setObjectName(u"body_edit")
        self.body_edit.setTabChangesFocus(True)
        self.body_edit.setMinimumSize(QSize(0, 110))

        self.body_box.addWidget(self.body_edit)

        self.body_error = QLabel(self.complaint_group)
        self.body_error.setObjectName(u"body_error")
        self.body_error.setText(u"")
        self.body_error.setTextFormat(Qt.TextFormat.PlainText)

        self.body_box.addWidget(self.body_error)


        self.complaint_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.body_box)

        self.loc_kecamatan_label = QLabel(self.complaint_group)
        self.loc_kecamatan_label.setObjectName(u"loc_kecamatan_label")

        self.complaint_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.loc_kecamatan_label)

        self.loc_kecamatan_box = QVBoxLayout()
        self.loc_kecamatan_box.setSpacing(1)
        self.loc_kecamatan_box.setObjectName(u"loc_kecamatan_box")
        self.loc_kecamatan_box.setContentsMargins(0, 0, 0, 0)
        self.loc_kecamatan_combo = QComboBox(self.complaint_group)
        self.loc_kecamatan_combo.setObjectName(u"loc_kecamatan_combo")

        self.loc_kecamatan_box.addWidget(self.loc_kecamatan_combo)

        self.location_error = QLabel(self.complaint_group)
        self.location_error.setObjectName(u"location_error")
        self.location_error.setText(u"")
        self.location_error.setTextFormat(Qt.TextFormat.PlainText)

        self.loc_kecamatan_box.addWidget(self.location_error)


        self.complaint_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.loc_kecamatan_box)

        self.loc_desa_label = QLabel(self.complaint_group)
        self.loc_desa_label.setObjectName(u"loc_desa_label")

        self.complaint_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.loc_desa_label)

        self.loc_desa_combo = QComboBox(self.complaint_group)
        self.loc_desa_combo.setObjectName(u"loc_desa_combo")

        self.complaint_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.loc_desa_combo)

        self.location_label = QLabel(self.complaint_group)
        self.location_label.setObjectName(u"location_label")

        self.complaint_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.location_label)

        self.location_edit = QLineEdit(self.complaint_group)
        self.location_edit.setObjectName(u"location_edit")

        self.complaint_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.location_edit)

        self.incident_label = QLabel(self.complaint_group)
        self.incident_label.setObjectName(u"incident_label")

        self.complaint_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.incident_label)

        self.incident_box = QVBoxLayout()
        self.incident_box.setSpacing(1)
        self.incident_box.setObjectName(u"incident_box")
        self.incident_box.setContentsMargins(0, 0, 0, 0)
        self.incident_edit = DateField(self.complaint_group)
        self.incident_edit.setObjectName(u"incident_edit")

        self.incident_box.addWidget(self.incident_edit)

        self.incident_error = QLabel(self.complaint_group)
        self.incident_error.setObjectName(u"incident_error")
        self.incident_error.setText(u"")
        self.incident_error.setTextFormat(Qt.TextFormat.PlainText)

        self.incident_box.addWidget(self.incident_error)


        self.complaint_form.setLayout(7, QFormLayout.ItemRole.FieldRole, self.incident_box)

        self.anonim_check = QCheckBox(self.complaint_group)
        self.anonim_check.setObjectName(u"anonim_check")

        self.complaint_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.anonim_check)

        self.rahasia_check = QCheckBox(self.complaint_group)
        self.rahasia_check.setObjectName(u"rahasia_check")

        self.complaint_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.rahasia_check)

        self.tracking_label = QLabel(self.complaint_group)
        self.tracking_label.setObjectName(u"tracking_label")

        self.complaint_form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.tracking_label)

        self.tracking_box = QVBoxLayout()
        self.tracking_box.setSpacing(1)
        self.tracking_box.setObjectName(u"tracking_box")
        self.tracking_box.setContentsMargins(0, 0, 0, 0)
        self.tracking_edit = QLineEdit(self.complaint_group)
        self.tracking_edit.setObjectName(u"tracking_edit")
        self.tracking_edit.setMaxLength(60)

        self.tracking_box.addWidget(self.tracking_edit)

        self.tracking_error = QLabel(self.complaint_group)
        self.tracking_error.setObjectName(u"tracking_error")
        self.tracking_error.setText(u"")
        self.tracking_error.setTextFormat(Qt.TextFormat.PlainText)

        self.tracking_box.addWidget(self.tracking_error)


        self.complaint_form.setLayout(10, QFormLayout.ItemRole.FieldRole, self.tracking_box)

        self.files_label = QLabel(self.complaint_group)
        self.files_label.setObjectName(u"files_label")

        self.complaint_form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.files_label)

        self.files_row = QHBoxLayout()
        self.files_row.setObjectName(u"files_row")
        self.files_row.setContentsMargins(0, 0, 0, 0)
        self.files_list = QListWidget(self.complaint_group)
        self.files_list.setObjectName(u"files_list")
        self.files_list.setMaximumSize(QSize(16777215, 70))

        self.files_row.addWidget(self.files_list)

        self.add_file_button = QPushButton(self.complaint_group)
        self.add_file_button.setObjectName(u"add_file_button")

        self.files_row.addWidget(self.add_file_button)


        self.complaint_form.setLayout(11, QFormLayout.ItemRole.FieldRole, self.files_row)


        self.form_layout.addWidget(self.complaint_group)

        self.general_error = QLabel(self.form_body)
        self.general_error.setObjectName(u"general_error")
        self.general_error.setTextFormat(Qt.TextFormat.PlainText)
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)

        self.form_layout.addWidget(self.general_error)

        self.result_label = QLabel(self.form_body)
        self.result_label.setObjectName(u"result_label")
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setStyleSheet(u"font-size: 14pt; font-weight: bold; color: #1b5e20;")

        self.form_layout.addWidget(self.result_label)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.button_row.setContentsMargins(0, 0, 0, 0)
        self.save_button = QPushButton(self.form_body)
        self.save_button.setObjectName(u"save_button")

        self.button_row.addWidget(self.save_button)

        self.new_button = QPushButton(self.form_body)
        self.new_button.setObjectName(u"new_button")

        self.button_row.addWidget(self.new_button)

        self.open_button = QPushButton(self.form_body)
        self.open_button.setObjectName(u"open_button")
        self.open_button.setEnabled(False)

        self.button_row.addWidget(self.open_button)

        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_row.addItem(self.button_spacer)


        self.form_layout.addLayout(self.button_row)

        self.receipt_status = QLabel(self.form_body)
        self.receipt_status.setObjectName(u"receipt_status")
        self.receipt_status.setTextFormat(Qt.TextFormat.PlainText)
        self.receipt_status.setWordWrap(True)

        self.form_layout.addWidget(self.receipt_status)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.form_layout.addItem(self.bottom_spacer)

        self.form_scroll.setWidget(self.form_body)

        self.outer_layout.addWidget(self.form_scroll)

#if QT_CONFIG(shortcut)
        self.nik_label.setBuddy(self.nik_edit)
        self.name_label.setBuddy(self.name_edit)
        self.phone_label.setBuddy(self.phone_edit)
        self.email_label.setBuddy(self.email_edit)
        self.address_label.setBuddy(self.address_edit)
        self.kecamatan_label.setBuddy(self.kecamatan_combo)
        self.desa_label.setBuddy(self.desa_combo)
        self.channel_label.setBuddy(self.channel_combo)
        self.klasifikasi_label.setBuddy(self.klasifikasi_combo)
        self.title_label.setBuddy(self.title_edit)
        self.body_label.setBuddy(self.body_edit)
        self.loc_kecamatan_label.setBuddy(self.loc_kecamatan_combo)
        self.loc_desa_label.setBuddy(self.loc_desa_combo)
        self.location_label.setBuddy(self.location_edit)
        self.incident_label.setBuddy(self.incident_edit)
        self.tracking_label.setBuddy(self.tracking_edit)
        self.files_label.setBuddy(self.files_list)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nik_edit, self.name_edit)
        QWidget.setTabOrder(self.name_edit, self.phone_edit)
        QWidget.setTabOrder(self.phone_edit, self.email_edit)
        QWidget.setTabOrder(self.email_edit, self.address_edit)
        QWidget.setTabOrder(self.address_edit, self.kecamatan_combo)
        QWidget.setTabOrder(self.kecamatan_combo, self.desa_combo)
        QWidget.setTabOrder(self.desa_combo, self.ktp_check)
        QWidget.setTabOrder(self.ktp_check, self.contact_button)
        QWidget.setTabOrder(self.contact_button, self.channel_combo)
        QWidget.setTabOrder(self.channel_combo, self.klasifikasi_combo)
        QWidget.setTabOrder(self.klasifikasi_combo, self.title_edit)
        QWidget.setTabOrder(self.title_edit, self.body_edit)
        QWidget.setTabOrder(self.body_edit, self.loc_kecamatan_combo)
        QWidget.setTabOrder(self.loc_kecamatan_combo, self.loc_desa_combo)
        QWidget.setTabOrder(self.loc_desa_combo, self.location_edit)
        QWidget.setTabOrder(self.location_edit, self.incident_edit)
        QWidget.setTabOrder(self.incident_edit, self.anonim_check)
        QWidget.setTabOrder(self.anonim_check, self.rahasia_check)
        QWidget.setTabOrder(self.rahasia_check, self.tracking_edit)
        QWidget.setTabOrder(self.tracking_edit, self.files_list)
        QWidget.setTabOrder(self.files_list, self.add_file_button)
        QWidget.setTabOrder(self.add_file_button, self.save_button)
        QWidget.setTabOrder(self.save_button, self.new_button)
        QWidget.setTabOrder(self.new_button, self.open_button)

        self.retranslateUi(IntakeForm)

        self.save_button.setDefault(True)


        QMetaObject.connectSlotsByName(IntakeForm)
    # setupUi

    def retranslateUi(self, IntakeForm):
        self.reporter_group.setTitle(QCoreApplication.translate("IntakeForm", u"1. Pelapor", None))
        self.nik_label.setText(QCoreApplication.translate("IntakeForm", u"&NIK:", None))
#if QT_CONFIG(accessibility)
        self.nik_edit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"NIK", None))
#endif // QT_CONFIG(accessibility)
        self.nik_edit.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"16 digit NIK dari KTP", None))
        self.name_label.setText(QCoreApplication.translate("IntakeForm", u"Nama &lengkap:", None))
#if QT_CONFIG(accessibility)
        self.name_edit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Nama lengkap", None))
#endif // QT_CONFIG(accessibility)
        self.phone_label.setText(QCoreApplication.translate("IntakeForm", u"&Telepon:", None))
#if QT_CONFIG(accessibility)
        self.phone_edit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Telepon", None))
#endif // QT_CONFIG(accessibility)
        self.email_label.setText(QCoreApplication.translate("IntakeForm", u"&E-mail:", None))
#if QT_CONFIG(accessibility)
        self.email_edit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"E-mail", None))
#endif // QT_CONFIG(accessibility)
        self.address_label.setText(QCoreApplication.translate("IntakeForm", u"&Alamat:", None))
#if QT_CONFIG(accessibility)
        self.address_edit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Alamat", None))
#endif // QT_CONFIG(accessibility)
        self.kecamatan_label.setText(QCoreApplication.translate("IntakeForm", u"Kecamatan:", None))
#if QT_CONFIG(accessibility)
        self.kecamatan_combo.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Kecamatan", None))
#endif // QT_CONFIG(accessibility)
        self.desa_label.setText(QCoreApplication.translate("IntakeForm", u"Desa/kelurahan:", None))
#if QT_CONFIG(accessibility)
        self.desa_combo.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Desa/kelurahan", None))
#endif // QT_CONFIG(accessibility)
        self.ktp_check.setText(QCoreApplication.translate("IntakeForm", u"KTP asli sudah dilihat petugas", None))
#if QT_CONFIG(accessibility)
        self.ktp_check.setAccessibleName(QCoreApplication.translate("IntakeForm", u"KTP dilihat", None))
#endif // QT_CONFIG(accessibility)
        self.contact_button.setText(QCoreApplication.translate("IntakeForm", u"Simpan kontak saja", None))
#if QT_CONFIG(tooltip)
        self.contact_button.setToolTip(QCoreApplication.translate("IntakeForm", u"Simpan perubahan telepon, e-mail dan alamat pelapor tanpa laporan baru.", None))
#endif // QT_CONFIG(tooltip)
        self.complaint_group.setTitle(QCoreApplication.translate("IntakeForm", u"2. Laporan", None))
        self.channel_label.setText(QCoreApplication.translate("IntakeForm", u"&Saluran:", None))
#if QT_CONFIG(accessibility)
        self.channel_combo.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Saluran", None))
#endif // QT_CONFIG(accessibility)
        self.klasifikasi_label.setText(QCoreApplication.translate("IntakeForm", u"&Klasifikasi:", None))
#if QT_CONFIG(accessibility)
        self.klasifikasi_combo.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Klasifikasi", None))
#endif // QT_CONFIG(accessibility)
        self.title_label.setText(QCoreApplication.translate("IntakeForm", u"&Judul laporan:", None))
#if QT_CONFIG(accessibility)
        self.title_edit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Judul laporan", None))
#endif // QT_CONFIG(accessibility)
        self.body_label.setText(QCoreApplication.translate("IntakeForm", u"&Isi laporan:", None))
#if QT_CONFIG(accessibility)
        self.body_edit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Isi laporan", None))
#endif // QT_CONFIG(accessibility)
        self.body_edit.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"Isi laporan (Ctrl+Enter untuk menyimpan)", None))
        self.loc_kecamatan_label.setText(QCoreApplication.translate("IntakeForm", u"L&okasi \u2014 kecamatan:", None))
#if QT_CONFIG(accessibility)
        self.loc_kecamatan_combo.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Lokasi \u2014 kecamatan", None))
#endif // QT_CONFIG(accessibility)
        self.loc_desa_label.setText(QCoreApplication.translate("IntakeForm", u"Lokasi \u2014 desa/kelurahan:", None))
#if QT_CONFIG(accessibility)
        self.loc_desa_combo.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Lokasi \u2014 desa/kelurahan", None))
#endif // QT_CONFIG(accessibility)
        self.location_label.setText(QCoreApplication.translate("IntakeForm", u"Lokasi \u2014 keterangan:", None))
#if QT_CONFIG(accessibility)
        self.location_edit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Lokasi \u2014 keterangan", None))
#endif // QT_CONFIG(accessibility)
        self.incident_label.setText(QCoreApplication.translate("IntakeForm", u"Tan&ggal kejadian:", None))
#if QT_CONFIG(accessibility)
        self.incident_edit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Tanggal kejadian", None))
#endif // QT_CONFIG(accessibility)
        self.anonim_check.setText(QCoreApplication.translate("IntakeForm", u"Anonim (identitas disembunyikan dari OPD)", None))
#if QT_CONFIG(accessibility)
        self.anonim_check.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Anonim", None))
#endif // QT_CONFIG(accessibility)
        self.rahasia_check.setText(QCoreApplication.translate("IntakeForm", u"Rahasia (isi tidak dipublikasikan)", None))
#if QT_CONFIG(accessibility)
        self.rahasia_check.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Rahasia", None))
#endif // QT_CONFIG(accessibility)
        self.tracking_label.setText(QCoreApplication.translate("IntakeForm", u"Nomor t&racking LAPOR!:", None))
#if QT_CONFIG(accessibility)
        self.tracking_edit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Nomor tracking LAPOR!", None))
#endif // QT_CONFIG(accessibility)
        self.files_label.setText(QCoreApplication.translate("IntakeForm", u"Lampiran:", None))
#if QT_CONFIG(accessibility)
        self.files_list.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Lampiran", None))
#endif // QT_CONFIG(accessibility)
        self.add_file_button.setText(QCoreApplication.translate("IntakeForm", u"Tambah lampiran\u2026", None))
#if QT_CONFIG(accessibility)
        self.result_label.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Nomor tiket", None))
#endif // QT_CONFIG(accessibility)
        self.save_button.setText(QCoreApplication.translate("IntakeForm", u"Simpan (Enter)", None))
        self.new_button.setText(QCoreApplication.translate("IntakeForm", u"Laporan baru (Ctrl+N)", None))
        self.open_button.setText(QCoreApplication.translate("IntakeForm", u"Buka laporan", None))
        pass
    # retranslateUi

