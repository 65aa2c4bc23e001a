# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sign_in.ui'
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

class Ui_SignInDialog(object):
    def setupUi(self, SignInDialog):
        if not SignInDialog.objectName():
            SignInDialog.setObjectName(u"SignInDialog")
        SignInDialog.setMinimumSize(QSize(400, 0))
        self.main_layout = QVBoxLayout(SignInDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.title_label = QLabel(SignInDialog)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setTextFormat(Qt.TextFormat.RichText)

        self.main_layout.addWidget(self.title_label)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setVerticalSpacing(2)
        self.username_label = QLabel(SignInDialog)
        self.username_label.setObjectName(u"username_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.username_label)

        self.username_edit = QLineEdit(SignInDialog)
        self.username_edit.setObjectName(u"username_edit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username_edit)

        self.username_error = QLabel(SignInDialog)
        self.username_error.setObjectName(u"username_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.username_error)

        self.password_label = QLabel(SignInDialog)
        self.password_label.setObjectName(u"password_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password_edit = QLineEdit(SignInDialog)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.password_edit)

        self.password_error = QLabel(SignInDialog)
        self.password_error.setObjectName(u"password_error")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.password_error)


        self.main_layout.addLayout(self.form)

        self.error_label = QLabel(SignInDialog)
        self.error_label.setObjectName(u"error_label")

        self.main_layout.addWidget(self.error_label)

        self.status_label = QLabel(SignInDialog)
        self.status_label.setObjectName(u"status_label")

        self.main_layout.addWidget(self.status_label)

        self.buttons = QDialogButtonBox(SignInDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.username_label.setBuddy(self.username_edit)
        self.password_label.setBuddy(self.password_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username_edit, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.buttons)

        self.retranslateUi(SignInDialog)

        QMetaObject.connectSlotsByName(SignInDialog)
    # setupUi

    def retranslateUi(self, SignInDialog):
        SignInDialog.setWindowTitle(QCoreApplication.translate("SignInDialog", u"Masuk \u2014 LAPOR Desktop", None))
        self.title_label.setText(QCoreApplication.translate("SignInDialog", u"<b>LAPOR Desktop</b><br>Pengelolaan Pengaduan Kabupaten Kampar", None))
        self.username_label.setText(QCoreApplication.translate("SignInDialog", u"&Nama pengguna:", None))
#if QT_CONFIG(accessibility)
        self.username_edit.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Nama pengguna", None))
#endif // QT_CONFIG(accessibility)
        self.password_label.setText(QCoreApplication.translate("SignInDialog", u"&Kata sandi:", None))
#if QT_CONFIG(accessibility)
        self.password_edit.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Kata sandi", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

