# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'letterhead.ui'
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
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_LetterheadPage(object):
    def setupUi(self, LetterheadPage):
        if not LetterheadPage.objectName():
            LetterheadPage.setObjectName(u"LetterheadPage")
        self.main_layout = QVBoxLayout(LetterheadPage)
        self.main_layout.setObjectName(u"main_layout")
        self.top_row = QHBoxLayout()
        self.top_row.setObjectName(u"top_row")
        self.office_pick_label = QLabel(LetterheadPage)
        self.office_pick_label.setObjectName(u"office_pick_label")

        self.top_row.addWidget(self.office_pick_label)

        self.office_combo = QComboBox(LetterheadPage)
        self.office_combo.setObjectName(u"office_combo")

        self.top_row.addWidget(self.office_combo)

        self.source_label = QLabel(LetterheadPage)
        self.source_label.setObjectName(u"source_label")

        self.top_row.addWidget(self.source_label)

        self.top_row.setStretch(1, 1)

        self.main_layout.addLayout(self.top_row)

        self.gaps_label = QLabel(LetterheadPage)
        self.gaps_label.setObjectName(u"gaps_label")
        self.gaps_label.setTextFormat(Qt.TextFormat.PlainText)
        self.gaps_label.setWordWrap(True)
        self.gaps_label.setStyleSheet(u"color: #8a5a00;")

        self.main_layout.addWidget(self.gaps_label)

        self.scroll = QScrollArea(LetterheadPage)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.body = QWidget()
        self.body.setObjectName(u"body")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setObjectName(u"body_layout")
        self.boxes_row = QHBoxLayout()
        self.boxes_row.setObjectName(u"boxes_row")
        self.head_box = QGroupBox(self.body)
        self.head_box.setObjectName(u"head_box")
        self.head_form = QFormLayout(self.head_box)
        self.head_form.setObjectName(u"head_form")
        self.head_form.setVerticalSpacing(2)
        self.government_label = QLabel(self.head_box)
        self.government_label.setObjectName(u"government_label")

        self.head_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.government_label)

        self.government_edit = QLineEdit(self.head_box)
        self.government_edit.setObjectName(u"government_edit")

        self.head_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.government_edit)

        self.government_error = QLabel(self.head_box)
        self.government_error.setObjectName(u"government_error")

        self.head_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.government_error)

        self.office_label = QLabel(self.head_box)
        self.office_label.setObjectName(u"office_label")

        self.head_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.office_label)

        self.office_edit = QLineEdit(self.head_box)
        self.office_edit.setObjectName(u"office_edit")

        self.head_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.office_edit)

        self.office_error = QLabel(self.head_box)
        self.office_error.setObjectName(u"office_error")

        self.head_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.office_error)

        self.address_label = QLabel(self.head_box)
        self.address_label.setObjectName(u"address_label")

        self.head_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address_edit = QLineEdit(self.head_box)
        self.address_edit.setObjectName(u"address_edit")

        self.head_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.address_edit)

        self.address_error = QLabel(self.head_box)
        self.address_error.setObjectName(u"address_error")

        self.head_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.address_error)

        self.phone_label = QLabel(self.head_box)
        self.phone_label.setObjectName(u"phone_label")

        self.head_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone_edit = QLineEdit(self.head_box)
        self.phone_edit.setObjectName(u"phone_edit")

        self.head_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.phone_edit)

        self.phone_error = QLabel(self.head_box)
        self.phone_error.setObjectName(u"phone_error")

        self.head_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.phone_error)

        self.website_label = QLabel(self.head_box)
        self.website_label.setObjectName(u"website_label")

        self.head_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.website_label)

        self.website_edit = QLineEdit(self.head_box)
        self.website_edit.setObjectName(u"website_edit")

        self.head_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.website_edit)

        self.website_error = QLabel(self.head_box)
        self.website_error.setObjectName(u"website_error")

        self.head_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.website_error)

        self.email_label = QLabel(self.head_box)
        self.email_label.setObjectName(u"email_label")

        self.head_form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.email_label)

        self.email_edit = QLineEdit(self.head_box)
        self.email_edit.setObjectName(u"email_edit")

        self.head_form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.email_edit)

        self.email_error = QLabel(self.head_box)
        self.email_error.setObjectName(u"email_error")

        self.head_form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.email_error)

        self.city_label = QLabel(self.head_box)
        self.city_label.setObjectName(u"city_label")

        self.head_form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.city_label)

        self.city_edit = QLineEdit(self.head_box)
        self.city_edit.setObjectName(u"city_edit")

        self.head_form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.city_edit)

        self.city_error = QLabel(self.head_box)
        self.city_error.setObjectName(u"city_error")

        self.head_form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.city_error)

        self.emblem_label = QLabel(self.head_box)
        self.emblem_label.setObjectName(u"emblem_label")

        self.head_form.setWidget(14, QFormLayout.ItemRole.LabelRole, self.emblem_label)

        self.emblem_row = QHBoxLayout()
        self.emblem_row.setObjectName(u"emblem_row")
        self.emblem_edit = QLineEdit(self.head_box)
        self.emblem_edit.setObjectName(u"emblem_edit")

        self.emblem_row.addWidget(self.emblem_edit)

        self.emblem_button = QPushButton(self.head_box)
        self.emblem_button.setObjectName(u"emblem_button")

        self.emblem_row.addWidget(self.emblem_button)

        self.emblem_row.setStretch(0, 1)

        self.head_form.setLayout(14, QFormLayout.ItemRole.FieldRole, self.emblem_row)

        self.emblem_error = QLabel(self.head_box)
        self.emblem_error.setObjectName(u"emblem_error")

        self.head_form.setWidget(15, QFormLayout.ItemRole.FieldRole, self.emblem_error)


        self.boxes_row.addWidget(self.head_box)

        self.sig_box = QGroupBox(self.body)
        self.sig_box.setObjectName(u"sig_box")
        self.sig_form = QFormLayout(self.sig_box)
        self.sig_form.setObjectName(u"sig_form")
        self.sig_form.setVerticalSpacing(2)
        self.signatory_check = QCheckBox(self.sig_box)
        self.signatory_check.setObjectName(u"signatory_check")

        self.sig_form.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.signatory_check)

        self.sig_jabatan_label = QLabel(self.sig_box)
        self.sig_jabatan_label.setObjectName(u"sig_jabatan_label")

        self.sig_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sig_jabatan_label)

        self.sig_jabatan_edit = QLineEdit(self.sig_box)
        self.sig_jabatan_edit.setObjectName(u"sig_jabatan_edit")

        self.sig_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sig_jabatan_edit)

        self.sig_jabatan_error = QLabel(self.sig_box)
        self.sig_jabatan_error.setObjectName(u"sig_jabatan_error")

        self.sig_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.sig_jabatan_error)

        self.sig_name_label = QLabel(self.sig_box)
        self.sig_name_label.setObjectName(u"sig_name_label")

        self.sig_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sig_name_label)

        self.sig_name_edit = QLineEdit(self.sig_box)
        self.sig_name_edit.setObjectName(u"sig_name_edit")

        self.sig_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sig_name_edit)

        self.sig_name_error = QLabel(self.sig_box)
        self.sig_name_error.setObjectName(u"sig_name_error")

        self.sig_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.sig_name_error)

        self.sig_pangkat_label = QLabel(self.sig_box)
        self.sig_pangkat_label.setObjectName(u"sig_pangkat_label")

        self.sig_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.sig_pangkat_label)

        self.sig_pangkat_edit = QLineEdit(self.sig_box)
        self.sig_pangkat_edit.setObjectName(u"sig_pangkat_edit")

        self.sig_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.sig_pangkat_edit)

        self.sig_pangkat_error = QLabel(self.sig_box)
        self.sig_pangkat_error.setObjectName(u"sig_pangkat_error")

        self.sig_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.sig_pangkat_error)

        self.sig_nip_label = QLabel(self.sig_box)
        self.sig_nip_label.setObjectName(u"sig_nip_label")

        self.sig_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.sig_nip_label)

        self.sig_nip_edit = QLineEdit(self.sig_box)
        self.sig_nip_edit.setObjectName(u"sig_nip_edit")
        self.sig_nip_edit.setMaxLength(18)

        self.sig_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.sig_nip_edit)

        self.sig_nip_error = QLabel(self.sig_box)
        self.sig_nip_error.setObjectName(u"sig_nip_error")

        self.sig_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.sig_nip_error)

        self.sig_an_label = QLabel(self.sig_box)
        self.sig_an_label.setObjectName(u"sig_an_label")

        self.sig_form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.sig_an_label)

        self.sig_an_edit = QLineEdit(self.sig_box)
        self.sig_an_edit.setObjectName(u"sig_an_edit")

        self.sig_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.sig_an_edit)

        self.sig_an_error = QLabel(self.sig_box)
        self.sig_an_error.setObjectName(u"sig_an_error")

        self.sig_form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.sig_an_error)


        self.boxes_row.addWidget(self.sig_box)

        self.boxes_row.setStretch(0, 3)
        self.boxes_row.setStretch(1, 2)

        self.body_layout.addLayout(self.boxes_row)

        self.general_error = QLabel(self.body)
        self.general_error.setObjectName(u"general_error")

        self.body_layout.addWidget(self.general_error)

        self.save_row = QHBoxLayout()
        self.save_row.setObjectName(u"save_row")
        self.save_button = QPushButton(self.body)
        self.save_button.setObjectName(u"save_button")

        self.save_row.addWidget(self.save_button)

        self.reset_button = QPushButton(self.body)
        self.reset_button.setObjectName(u"reset_button")

        self.save_row.addWidget(self.reset_button)

        self.saved_label = QLabel(self.body)
        self.saved_label.setObjectName(u"saved_label")
        self.saved_label.setStyleSheet(u"color: #1b5e20;")

        self.save_row.addWidget(self.saved_label)

        self.save_row.setStretch(2, 1)

        self.body_layout.addLayout(self.save_row)

        self.signing_box = QGroupBox(self.body)
        self.signing_box.setObjectName(u"signing_box")
        self.signing_form = QFormLayout(self.signing_box)
        self.signing_form.setObjectName(u"signing_form")
        self.signing_form.setVerticalSpacing(2)
        self.signing_status_title = QLabel(self.signing_box)
        self.signing_status_title.setObjectName(u"signing_status_title")

        self.signing_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.signing_status_title)

        self.signing_status_label = QLabel(self.signing_box)
        self.signing_status_label.setObjectName(u"signing_status_label")
        self.signing_status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.signing_status_label.setWordWrap(True)
        self.signing_status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.signing_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.signing_status_label)

        self.pfx_label = QLabel(self.signing_box)
        self.pfx_label.setObjectName(u"pfx_label")

        self.signing_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.pfx_label)

        self.pfx_row = QHBoxLayout()
        self.pfx_row.setObjectName(u"pfx_row")
        self.pfx_edit = QLineEdit(self.signing_box)
        self.pfx_edit.setObjectName(u"pfx_edit")

        self.pfx_row.addWidget(self.pfx_edit)

        self.pfx_button = QPushButton(self.signing_box)
        self.pfx_button.setObjectName(u"pfx_button")

        self.pfx_row.addWidget(self.pfx_button)

        self.pfx_row.setStretch(0, 1)

        self.signing_form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.pfx_row)

        self.pfx_error = QLabel(self.signing_box)
        self.pfx_error.setObjectName(u"pfx_error")

        self.signing_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.pfx_error)

        self.passphrase_label = QLabel(self.signing_box)
        self.passphrase_label.setObjectName(u"passphrase_label")

        self.signing_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.passphrase_label)

        self.passphrase_edit = QLineEdit(self.signing_box)
        self.passphrase_edit.setObjectName(u"passphrase_edit")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.signing_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.passphrase_edit)

        self.passphrase_error = QLabel(self.signing_box)
        self.passphrase_error.setObjectName(u"passphrase_error")

        self.signing_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.passphrase_error)

        self.signing_error = QLabel(self.signing_box)
        self.signing_error.setObjectName(u"signing_error")

        self.signing_form.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.signing_error)

        self.signing_buttons = QHBoxLayout()
        self.signing_buttons.setObjectName(u"signing_buttons")
        self.install_button = QPushButton(self.signing_box)
        self.install_button.setObjectName(u"install_button")

        self.signing_buttons.addWidget(self.install_button)

        self.remove_button = QPushButton(self.signing_box)
        self.remove_button.setObjectName(u"remove_button")

        self.signing_buttons.addWidget(self.remove_button)

        self.signing_buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.signing_buttons.addItem(self.signing_buttons_spacer)


        self.signing_form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.signing_buttons)


        self.body_layout.addWidget(self.signing_box)

        self.body_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.body_layout.addItem(self.body_spacer)

        self.scroll.setWidget(self.body)

        self.main_layout.addWidget(self.scroll)

        self.main_layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.office_pick_label.setBuddy(self.office_combo)
        self.government_label.setBuddy(self.government_edit)
        self.office_label.setBuddy(self.office_edit)
        self.address_label.setBuddy(self.address_edit)
        self.phone_label.setBuddy(self.phone_edit)
        self.website_label.setBuddy(self.website_edit)
        self.email_label.setBuddy(self.email_edit)
        self.city_label.setBuddy(self.city_edit)
        self.emblem_label.setBuddy(self.emblem_edit)
        self.sig_jabatan_label.setBuddy(self.sig_jabatan_edit)
        self.sig_name_label.setBuddy(self.sig_name_edit)
        self.sig_pangkat_label.setBuddy(self.sig_pangkat_edit)
        self.sig_nip_label.setBuddy(self.sig_nip_edit)
        self.sig_an_label.setBuddy(self.sig_an_edit)
        self.pfx_label.setBuddy(self.pfx_edit)
        self.passphrase_label.setBuddy(self.passphrase_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.office_combo, self.government_edit)
        QWidget.setTabOrder(self.government_edit, self.office_edit)
        QWidget.setTabOrder(self.office_edit, self.address_edit)
        QWidget.setTabOrder(self.address_edit, self.phone_edit)
        QWidget.setTabOrder(self.phone_edit, self.website_edit)
        QWidget.setTabOrder(self.website_edit, self.email_edit)
        QWidget.setTabOrder(self.email_edit, self.city_edit)
        QWidget.setTabOrder(self.city_edit, self.emblem_edit)
        QWidget.setTabOrder(self.emblem_edit, self.emblem_button)
        QWidget.setTabOrder(self.emblem_button, self.signatory_check)
        QWidget.setTabOrder(self.signatory_check, self.sig_jabatan_edit)
        QWidget.setTabOrder(self.sig_jabatan_edit, self.sig_name_edit)
        QWidget.setTabOrder(self.sig_name_edit, self.sig_pangkat_edit)
        QWidget.setTabOrder(self.sig_pangkat_edit, self.sig_nip_edit)
        QWidget.setTabOrder(self.sig_nip_edit, self.sig_an_edit)
        QWidget.setTabOrder(self.sig_an_edit, self.save_button)
        QWidget.setTabOrder(self.save_button, self.reset_button)
        QWidget.setTabOrder(self.reset_button, self.pfx_edit)
        QWidget.setTabOrder(self.pfx_edit, self.pfx_button)
        QWidget.setTabOrder(self.pfx_button, self.passphrase_edit)
        QWidget.setTabOrder(self.passphrase_edit, self.install_button)
        QWidget.setTabOrder(self.install_button, self.remove_button)

        self.retranslateUi(LetterheadPage)

        QMetaObject.connectSlotsByName(LetterheadPage)
    # setupUi

    def retranslateUi(self, LetterheadPage):
        self.office_pick_label.setText(QCoreApplication.translate("LetterheadPage", u"&Kantor:", None))
#if QT_CONFIG(accessibility)
        self.office_combo.setAccessibleName(QCoreApplication.translate("LetterheadPage", u"Kantor", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.gaps_label.setAccessibleName(QCoreApplication.translate("LetterheadPage", u"Catatan kop surat", None))
#endif // QT_CONFIG(accessibility)
        self.head_box.setTitle(QCoreApplication.translate("LetterheadPage", u"Kop surat", None))
        self.government_label.setText(QCoreApplication.translate("LetterheadPage", u"&Pemerintah daerah:", None))
#if QT_CONFIG(accessibility)
        self.government_edit.setAccessibleName(QCoreApplication.translate("LetterheadPage", u"Pemerintah daerah", None))
#endif // QT_CONFIG(accessibility)
        self.office_label.setText(QCoreApplication.translate("LetterheadPage", u"&Nama kantor:", None))
#if QT_CONFIG(accessibility)
        self.office_edit.setAccessibleName(QCoreApplication.translate("LetterheadPage", u"Nama kantor", None))
#endif // QT_CONFIG(accessibility)
        self.address_label.setText(QCoreApplication.translate("LetterheadPage", u"&Alamat:", None))
#if QT_CONFIG(accessibility)
        self.address_edit.setAccessibleName(QCoreApplication.translate("LetterheadPage", u"Alamat", None))
#endif // QT_CONFIG(accessibility)
        self.phone_label.setText(QCoreApplication.translate("LetterheadPage", u"&Telepon:", None))
#if QT_CONFIG(accessibility)
        self.phone_edit.setAccessibleName(QCoreApplication.translate("LetterheadPage", u"Telepon", None))
#endif // QT_CONFIG(accessibility)
        self.website_label.setText(QCoreApplication.translate("LetterheadPage", u"La&man:", None))
#if QT_CONFIG(accessibility)
        self.website_edit.setAccessibleName(QCoreApplication.translate("LetterheadPage", u"Laman", None))
#endif // QT_CONFIG(accessibility)
        self.email_label.setText(QCoreApplication.translate("LetterheadPage", u"P&os-el:", None))
#if QT_CONFIG(accessibility)
        self.email_edit.setAccessibleName(QCoreApplication.translate("LetterheadPage", u"Pos-el", None))
#endif // QT_CONFIG(accessibility)
        self.city_label.setText(QCoreApplication.translate("LetterheadPage", u"Tempat s&urat:", None))
#if QT_CONFIG(accessibility)
        self.city_edit.setAccessibleName(QCoreApplication.translate("LetterheadPage", u"Tempat surat", None))
#endif // QT_CONFIG(accessibility)
        self.emblem_label.setText(QCoreApplication.translate("LetterheadPage", u"&Lambang (PNG/JPEG):", None))
#if QT_CONFIG(accessibility)
        self.emblem_edit.setAccessibleName(QCoreApplication.translate("LetterheadPage", u"Berkas lambang", None))
#endif // QT_CONFIG(accessibility)
        self.emblem_button.setText(QCoreApplication.translate("LetterheadPage", u"Pilih\u2026", None))
        self.sig_box.setTitle(QCoreApplication.translate("LetterheadPage", u"Penanda tangan", None))
        self.signatory_check.setText(QCoreApplication.translate("LetterheadPage", u"Atur penanda tangan kantor ini di &sini", None))
#if QT_CONFIG(tooltip)
        self.signatory_check.setToolTip(QCoreApplication.translate("LetterheadPage", u"Jika tidak dicentang, surat ditandatangani menurut templat bawaan atau oleh kepala kantor yang menyetujui.", None))
#endif // QT_CONFIG(tooltip)
        self.sig_jabatan_label.setText(QCoreApplication.translate("LetterheadPage", u"&Jabatan:", None))
#if QT_CONFIG(accessibility)
        self.sig_jabatan_edit.setAccessibleName(QCoreApplication.translate("LetterheadPage", u"Jabatan", None))
#endif // QT_CONFIG(accessibility)
        self.sig_name_label.setText(QCoreApplication.translate("LetterheadPage", u"Nam&a:", None))
#if QT_CONFIG(accessibility)
        self.sig_name_edit.setAccessibleName(QCoreApplication.translate("LetterheadPage", u"Nama", None))
#endif // QT_CONFIG(accessibility)
        self.sig_pangkat_label.setText(QCoreApplication.translate("LetterheadPage", u"Pangkat/&golongan:", None))
#if QT_CONFIG(accessibility)
        self.sig_pangkat_edit.setAccessibleName(QCoreApplication.translate("LetterheadPage", u"Pangkat/golongan", None))
#endif // QT_CONFIG(accessibility)
        self.sig_nip_label.setText(QCoreApplication.translate("LetterheadPage", u"N&IP:", None))
#if QT_CONFIG(accessibility)
        self.sig_nip_edit.setAccessibleName(QCoreApplication.translate("LetterheadPage", u"NIP", None))
#endif // QT_CONFIG(accessibility)
        self.sig_an_label.setText(QCoreApplication.translate("LetterheadPage", u"Atas nama (a.n.):", None))
#if QT_CONFIG(accessibility)
        self.sig_an_edit.setAccessibleName(QCoreApplication.translate("LetterheadPage", u"Atas nama (a.n.)", None))
#endif // QT_CONFIG(accessibility)
        self.save_button.setText(QCoreApplication.translate("LetterheadPage", u"Simpan &kop surat", None))
        self.reset_button.setText(QCoreApplication.translate("LetterheadPage", u"Kembalikan ke &bawaan", None))
#if QT_CONFIG(tooltip)
        self.reset_button.setToolTip(QCoreApplication.translate("LetterheadPage", u"Hapus perubahan admin; kantor memakai kop dari templat atau data kantor.", None))
#endif // QT_CONFIG(tooltip)
        self.signing_box.setTitle(QCoreApplication.translate("LetterheadPage", u"Tanda tangan elektronik", None))
        self.signing_status_title.setText(QCoreApplication.translate("LetterheadPage", u"Status:", None))
        self.pfx_label.setText(QCoreApplication.translate("LetterheadPage", u"&Sertifikat:", None))
        self.pfx_edit.setPlaceholderText(QCoreApplication.translate("LetterheadPage", u"Berkas sertifikat .p12 atau .pfx", None))
#if QT_CONFIG(accessibility)
        self.pfx_edit.setAccessibleName(QCoreApplication.translate("LetterheadPage", u"Berkas sertifikat", None))
#endif // QT_CONFIG(accessibility)
        self.pfx_button.setText(QCoreApplication.translate("LetterheadPage", u"Pilih &berkas\u2026", None))
        self.passphrase_label.setText(QCoreApplication.translate("LetterheadPage", u"Kata sandi sertifikat:", None))
#if QT_CONFIG(accessibility)
        self.passphrase_edit.setAccessibleName(QCoreApplication.translate("LetterheadPage", u"Kata sandi sertifikat", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.passphrase_edit.setToolTip(QCoreApplication.translate("LetterheadPage", u"Disimpan di keyring sistem operasi, tidak pernah di berkas atau basis data.", None))
#endif // QT_CONFIG(tooltip)
        self.install_button.setText(QCoreApplication.translate("LetterheadPage", u"&Pasang sertifikat", None))
        self.remove_button.setText(QCoreApplication.translate("LetterheadPage", u"&Hapus sertifikat", None))
        pass
    # retranslateUi

