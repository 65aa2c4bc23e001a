# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'duplicate_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QSizePolicy, QVBoxLayout, QWidget)

class Ui_DuplicateDialog(object):
    def setupUi(self, DuplicateDialog):
        if not DuplicateDialog.objectName():
            DuplicateDialog.setObjectName(u"DuplicateDialog")
        DuplicateDialog.setMinimumSize(QSize(480, 0))
        self.main_layout = QVBoxLayout(DuplicateDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.suggestions_label = QLabel(DuplicateDialog)
        self.suggestions_label.setObjectName(u"suggestions_label")

        self.main_layout.addWidget(self.suggestions_label)

        self.suggestions_list = QListWidget(DuplicateDialog)
        self.suggestions_list.setObjectName(u"suggestions_list")

        self.main_layout.addWidget(self.suggestions_list)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.main_label = QLabel(DuplicateDialog)
        self.main_label.setObjectName(u"main_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.main_label)

        self.main_edit = QLineEdit(DuplicateDialog)
        self.main_edit.setObjectName(u"main_edit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.main_edit)

        self.note_label = QLabel(DuplicateDialog)
        self.note_label.setObjectName(u"note_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_edit = QLineEdit(DuplicateDialog)
        self.note_edit.setObjectName(u"note_edit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.note_edit)


        self.main_layout.addLayout(self.form)

        self.error_label = QLabel(DuplicateDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(DuplicateDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.suggestions_label.setBuddy(self.suggestions_list)
        self.main_label.setBuddy(self.main_edit)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DuplicateDialog)

        QMetaObject.connectSlotsByName(DuplicateDialog)
    # setupUi

    def retranslateUi(self, DuplicateDialog):
        DuplicateDialog.setWindowTitle(QCoreApplication.translate("DuplicateDialog", u"Tandai sebagai duplikat", None))
        self.suggestions_label.setText(QCoreApplication.translate("DuplicateDialog", u"Laporan yang &mirip (pilih laporan utama):", None))
#if QT_CONFIG(accessibility)
        self.suggestions_list.setAccessibleName(QCoreApplication.translate("DuplicateDialog", u"Usulan laporan utama", None))
#endif // QT_CONFIG(accessibility)
        self.main_label.setText(QCoreApplication.translate("DuplicateDialog", u"&Tiket laporan utama:", None))
#if QT_CONFIG(accessibility)
        self.main_edit.setAccessibleName(QCoreApplication.translate("DuplicateDialog", u"Tiket laporan utama", None))
#endif // QT_CONFIG(accessibility)
        self.note_label.setText(QCoreApplication.translate("DuplicateDialog", u"&Catatan:", None))
#if QT_CONFIG(accessibility)
        self.note_edit.setAccessibleName(QCoreApplication.translate("DuplicateDialog", u"Catatan", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

