# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'change_password.ui'
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
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_ChangePasswordDialog(object):
    def setupUi(self, ChangePasswordDialog):
        if not ChangePasswordDialog.objectName():
            ChangePasswordDialog.setObjectName(u"ChangePasswordDialog")
        ChangePasswordDialog.setMinimumSize(QSize(440, 0))
        self.main_layout = QVBoxLayout(ChangePasswordDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.note_label = QLabel(ChangePasswordDialog)
        self.note_label.setObjectName(u"note_label")
        self.note_label.setWordWrap(True)

        self.main_layout.addWidget(self.note_label)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setVerticalSpacing(2)
        self.old_label = QLabel(ChangePasswordDialog)
        self.old_label.setObjectName(u"old_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.old_label)

        self.old_edit = QLineEdit(ChangePasswordDialog)
        self.old_edit.setObjectName(u"old_edit")
        self.old_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.old_edit)

        self.old_error = QLabel(ChangePasswordDialog)
        self.old_error.setObjectName(u"old_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.old_error)

        self.new_label = QLabel(ChangePasswordDialog)
        self.new_label.setObjectName(u"new_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.new_label)

        self.new_edit = QLineEdit(ChangePasswordDialog)
        self.new_edit.setObjectName(u"new_edit")
        self.new_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.new_edit)

        self.new_error = QLabel(ChangePasswordDialog)
        self.new_error.setObjectName(u"new_error")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.new_error)

        self.repeat_label = QLabel(ChangePasswordDialog)
        self.repeat_label.setObjectName(u"repeat_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.repeat_label)

        self.repeat_edit = QLineEdit(ChangePasswordDialog)
        self.repeat_edit.setObjectName(u"repeat_edit")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.repeat_edit)

        self.repeat_error = QLabel(ChangePasswordDialog)
        self.repeat_error.setObjectName(u"repeat_error")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.repeat_error)


        self.main_layout.addLayout(self.form)

        self.error_label = QLabel(ChangePasswordDialog)
        self.error_label.setObjectName(u"error_label")

        self.main_layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(ChangePasswordDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.old_label.setBuddy(self.old_edit)
        self.new_label.setBuddy(self.new_edit)
        self.repeat_label.setBuddy(self.repeat_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.old_edit, self.new_edit)
        QWidget.setTabOrder(self.new_edit, self.repeat_edit)
        QWidget.setTabOrder(self.repeat_edit, self.buttons)

        self.retranslateUi(ChangePasswordDialog)

        QMetaObject.connectSlotsByName(ChangePasswordDialog)
    # setupUi

    def retranslateUi(self, ChangePasswordDialog):
        ChangePasswordDialog.setWindowTitle(QCoreApplication.translate("ChangePasswordDialog", u"Ganti kata sandi", None))
        self.old_label.setText(QCoreApplication.translate("ChangePasswordDialog", u"Kata sandi &lama:", None))
#if QT_CONFIG(accessibility)
        self.old_edit.setAccessibleName(QCoreApplication.translate("ChangePasswordDialog", u"Kata sandi lama", None))
#endif // QT_CONFIG(accessibility)
        self.new_label.setText(QCoreApplication.translate("ChangePasswordDialog", u"Kata sandi &baru:", None))
#if QT_CONFIG(accessibility)
        self.new_edit.setAccessibleName(QCoreApplication.translate("ChangePasswordDialog", u"Kata sandi baru", None))
#endif // QT_CONFIG(accessibility)
        self.repeat_label.setText(QCoreApplication.translate("ChangePasswordDialog", u"&Ulangi kata sandi baru:", None))
#if QT_CONFIG(accessibility)
        self.repeat_edit.setAccessibleName(QCoreApplication.translate("ChangePasswordDialog", u"Ulangi kata sandi baru", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

