# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'passphrase.ui'
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

class Ui_PassphraseDialog(object):
    def setupUi(self, PassphraseDialog):
        if not PassphraseDialog.objectName():
            PassphraseDialog.setObjectName(u"PassphraseDialog")
        PassphraseDialog.setMinimumSize(QSize(440, 0))
        self.main_layout = QVBoxLayout(PassphraseDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(PassphraseDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setVerticalSpacing(2)
        self.secret_label = QLabel(PassphraseDialog)
        self.secret_label.setObjectName(u"secret_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.secret_label)

        self.secret_edit = QLineEdit(PassphraseDialog)
        self.secret_edit.setObjectName(u"secret_edit")
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.secret_edit)

        self.secret_error = QLabel(PassphraseDialog)
        self.secret_error.setObjectName(u"secret_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.secret_error)

        self.repeat_label = QLabel(PassphraseDialog)
        self.repeat_label.setObjectName(u"repeat_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.repeat_label)

        self.repeat_edit = QLineEdit(PassphraseDialog)
        self.repeat_edit.setObjectName(u"repeat_edit")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.repeat_edit)

        self.repeat_error = QLabel(PassphraseDialog)
        self.repeat_error.setObjectName(u"repeat_error")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.repeat_error)


        self.main_layout.addLayout(self.form)

        self.general_error = QLabel(PassphraseDialog)
        self.general_error.setObjectName(u"general_error")

        self.main_layout.addWidget(self.general_error)

        self.buttons = QDialogButtonBox(PassphraseDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.secret_label.setBuddy(self.secret_edit)
        self.repeat_label.setBuddy(self.repeat_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.secret_edit, self.repeat_edit)
        QWidget.setTabOrder(self.repeat_edit, self.buttons)

        self.retranslateUi(PassphraseDialog)

        QMetaObject.connectSlotsByName(PassphraseDialog)
    # setupUi

    def retranslateUi(self, PassphraseDialog):
        PassphraseDialog.setWindowTitle(QCoreApplication.translate("PassphraseDialog", u"Frasa sandi basis data", None))
        self.secret_label.setText(QCoreApplication.translate("PassphraseDialog", u"&Frasa sandi:", None))
#if QT_CONFIG(accessibility)
        self.secret_edit.setAccessibleName(QCoreApplication.translate("PassphraseDialog", u"Frasa sandi", None))
#endif // QT_CONFIG(accessibility)
        self.repeat_label.setText(QCoreApplication.translate("PassphraseDialog", u"&Ulangi frasa sandi:", None))
#if QT_CONFIG(accessibility)
        self.repeat_edit.setAccessibleName(QCoreApplication.translate("PassphraseDialog", u"Ulangi frasa sandi", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

