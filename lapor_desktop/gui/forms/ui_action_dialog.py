# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog,
    QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

from lapor_desktop.gui.office_picker import OfficePicker

class Ui_ActionDialog(object):
    def setupUi(self, ActionDialog):
        if not ActionDialog.objectName():
            ActionDialog.setObjectName(u"ActionDialog")
        ActionDialog.resize(480, 320)
        ActionDialog.setMinimumSize(QSize(460, 0))
        self.outer_layout = QVBoxLayout(ActionDialog)
        self.outer_layout.setObjectName(u"outer_layout")
        self.head_label = QLabel(ActionDialog)
        self.head_label.setObjectName(u"head_label")
        self.head_label.setTextFormat(Qt.TextFormat.PlainText)
        self.head_label.setWordWrap(True)

        self.outer_layout.addWidget(self.head_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.category_label = QLabel(ActionDialog)
        self.category_label.setObjectName(u"category_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.category_label)

        self.category_box = QVBoxLayout()
        self.category_box.setSpacing(2)
        self.category_box.setObjectName(u"category_box")
        self.category_combo = QComboBox(ActionDialog)
        self.category_combo.setObjectName(u"category_combo")

        self.category_box.addWidget(self.category_combo)

        self.category_error = QLabel(ActionDialog)
        self.category_error.setObjectName(u"category_error")
        self.category_error.setStyleSheet(u"color: #b71c1c;")
        self.category_error.setTextFormat(Qt.TextFormat.PlainText)
        self.category_error.setWordWrap(True)

        self.category_box.addWidget(self.category_error)


        self.form_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.category_box)

        self.klasifikasi_label = QLabel(ActionDialog)
        self.klasifikasi_label.setObjectName(u"klasifikasi_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.klasifikasi_label)

        self.klasifikasi_box = QVBoxLayout()
        self.klasifikasi_box.setSpacing(2)
        self.klasifikasi_box.setObjectName(u"klasifikasi_box")
        self.klasifikasi_combo = QComboBox(ActionDialog)
        self.klasifikasi_combo.setObjectName(u"klasifikasi_combo")

        self.klasifikasi_box.addWidget(self.klasifikasi_combo)

        self.klasifikasi_error = QLabel(ActionDialog)
        self.klasifikasi_error.setObjectName(u"klasifikasi_error")
        self.klasifikasi_error.setStyleSheet(u"color: #b71c1c;")
        self.klasifikasi_error.setTextFormat(Qt.TextFormat.PlainText)
        self.klasifikasi_error.setWordWrap(True)

        self.klasifikasi_box.addWidget(self.klasifikasi_error)


        self.form_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.klasifikasi_box)

        self.opd_label = QLabel(ActionDialog)
        self.opd_label.setObjectName(u"opd_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.opd_label)

        self.opd_box = QVBoxLayout()
        self.opd_box.setSpacing(2)
        self.opd_box.setObjectName(u"opd_box")
        self.opd_picker = OfficePicker(ActionDialog)
        self.opd_picker.setObjectName(u"opd_picker")

        self.opd_box.addWidget(self.opd_picker)

        self.opd_error = QLabel(ActionDialog)
        self.opd_error.setObjectName(u"opd_error")
        self.opd_error.setStyleSheet(u"color: #b71c1c;")
        self.opd_error.setTextFormat(Qt.TextFormat.PlainText)
        self.opd_error.setWordWrap(True)

        self.opd_box.addWidget(self.opd_error)


        self.form_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.opd_box)

        self.for_reporter_check = QCheckBox(ActionDialog)
        self.for_reporter_check.setObjectName(u"for_reporter_check")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.for_reporter_check)

        self.note_label = QLabel(ActionDialog)
        self.note_label.setObjectName(u"note_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_box = QVBoxLayout()
        self.note_box.setSpacing(2)
        self.note_box.setObjectName(u"note_box")
        self.note_edit = QPlainTextEdit(ActionDialog)
        self.note_edit.setObjectName(u"note_edit")
        self.note_edit.setTabChangesFocus(True)

        self.note_box.addWidget(self.note_edit)

        self.note_error = QLabel(ActionDialog)
        self.note_error.setObjectName(u"note_error")
        self.note_error.setStyleSheet(u"color: #b71c1c;")
        self.note_error.setTextFormat(Qt.TextFormat.PlainText)
        self.note_error.setWordWrap(True)

        self.note_box.addWidget(self.note_error)


        self.form_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.note_box)


        self.outer_layout.addLayout(self.form_layout)

        self.general_error = QLabel(ActionDialog)
        self.general_error.setObjectName(u"general_error")
        self.general_error.setStyleSheet(u"color: #b71c1c;")
        self.general_error.setTextFormat(Qt.TextFormat.PlainText)
        self.general_error.setWordWrap(True)

        self.outer_layout.addWidget(self.general_error)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.ok_button = QPushButton(ActionDialog)
        self.ok_button.setObjectName(u"ok_button")

        self.buttons_layout.addWidget(self.ok_button)

        self.cancel_button = QPushButton(ActionDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.cancel_button)


        self.outer_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.category_label.setBuddy(self.category_combo)
        self.klasifikasi_label.setBuddy(self.klasifikasi_combo)
        self.opd_label.setBuddy(self.opd_picker)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.category_combo, self.klasifikasi_combo)
        QWidget.setTabOrder(self.klasifikasi_combo, self.opd_picker)
        QWidget.setTabOrder(self.opd_picker, self.for_reporter_check)
        QWidget.setTabOrder(self.for_reporter_check, self.note_edit)
        QWidget.setTabOrder(self.note_edit, self.ok_button)
        QWidget.setTabOrder(self.ok_button, self.cancel_button)

        self.retranslateUi(ActionDialog)

        self.ok_button.setDefault(True)


        QMetaObject.connectSlotsByName(ActionDialog)
    # setupUi

    def retranslateUi(self, ActionDialog):
        ActionDialog.setWindowTitle(QCoreApplication.translate("ActionDialog", u"Tindakan", None))
        self.category_label.setText(QCoreApplication.translate("ActionDialog", u"&Kategori:", None))
        self.klasifikasi_label.setText(QCoreApplication.translate("ActionDialog", u"K&lasifikasi:", None))
        self.opd_label.setText(QCoreApplication.translate("ActionDialog", u"&OPD tujuan:", None))
        self.for_reporter_check.setText(QCoreApplication.translate("ActionDialog", u"Dapat &disampaikan kepada pelapor", None))
#if QT_CONFIG(accessibility)
        self.for_reporter_check.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Untuk pelapor", None))
#endif // QT_CONFIG(accessibility)
        self.note_label.setText(QCoreApplication.translate("ActionDialog", u"&Catatan (opsional):", None))
        self.ok_button.setText(QCoreApplication.translate("ActionDialog", u"OK", None))
        self.cancel_button.setText(QCoreApplication.translate("ActionDialog", u"Batal", None))
    # retranslateUi

