# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'verify_page.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QProgressBar, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_VerifyPage(object):
    def setupUi(self, VerifyPage):
        if not VerifyPage.objectName():
            VerifyPage.setObjectName(u"VerifyPage")
        self.main_layout = QVBoxLayout(VerifyPage)
        self.main_layout.setObjectName(u"main_layout")
        self.title_label = QLabel(VerifyPage)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setStyleSheet(u"font-size: 15pt; font-weight: bold;")

        self.main_layout.addWidget(self.title_label)

        self.intro_label = QLabel(VerifyPage)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.file_label = QLabel(VerifyPage)
        self.file_label.setObjectName(u"file_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.file_label)

        self.file_row = QHBoxLayout()
        self.file_row.setObjectName(u"file_row")
        self.file_edit = QLineEdit(VerifyPage)
        self.file_edit.setObjectName(u"file_edit")
        self.file_edit.setClearButtonEnabled(True)

        self.file_row.addWidget(self.file_edit)

        self.choose_button = QPushButton(VerifyPage)
        self.choose_button.setObjectName(u"choose_button")

        self.file_row.addWidget(self.choose_button)

        self.check_file_button = QPushButton(VerifyPage)
        self.check_file_button.setObjectName(u"check_file_button")

        self.file_row.addWidget(self.check_file_button)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.file_row)

        self.code_label = QLabel(VerifyPage)
        self.code_label.setObjectName(u"code_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.code_label)

        self.code_row = QHBoxLayout()
        self.code_row.setObjectName(u"code_row")
        self.code_edit = QLineEdit(VerifyPage)
        self.code_edit.setObjectName(u"code_edit")
        self.code_edit.setClearButtonEnabled(True)

        self.code_row.addWidget(self.code_edit)

        self.check_code_button = QPushButton(VerifyPage)
        self.check_code_button.setObjectName(u"check_code_button")

        self.code_row.addWidget(self.check_code_button)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.code_row)


        self.main_layout.addLayout(self.form)

        self.busy_bar = QProgressBar(VerifyPage)
        self.busy_bar.setObjectName(u"busy_bar")
        self.busy_bar.setMaximum(0)
        self.busy_bar.setTextVisible(False)

        self.main_layout.addWidget(self.busy_bar)

        self.result_box = QGroupBox(VerifyPage)
        self.result_box.setObjectName(u"result_box")
        self.result_layout = QVBoxLayout(self.result_box)
        self.result_layout.setObjectName(u"result_layout")
        self.verdict_label = QLabel(self.result_box)
        self.verdict_label.setObjectName(u"verdict_label")

        self.result_layout.addWidget(self.verdict_label)

        self.reason_label = QLabel(self.result_box)
        self.reason_label.setObjectName(u"reason_label")
        self.reason_label.setWordWrap(True)
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.result_layout.addWidget(self.reason_label)

        self.details_label = QLabel(self.result_box)
        self.details_label.setObjectName(u"details_label")
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.result_layout.addWidget(self.details_label)


        self.main_layout.addWidget(self.result_box)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

#if QT_CONFIG(shortcut)
        self.file_label.setBuddy(self.file_edit)
        self.code_label.setBuddy(self.code_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.file_edit, self.choose_button)
        QWidget.setTabOrder(self.choose_button, self.check_file_button)
        QWidget.setTabOrder(self.check_file_button, self.code_edit)
        QWidget.setTabOrder(self.code_edit, self.check_code_button)
        QWidget.setTabOrder(self.check_code_button, self.reason_label)
        QWidget.setTabOrder(self.reason_label, self.details_label)

        self.retranslateUi(VerifyPage)

        QMetaObject.connectSlotsByName(VerifyPage)
    # setupUi

    def retranslateUi(self, VerifyPage):
        self.title_label.setText(QCoreApplication.translate("VerifyPage", u"Periksa keaslian surat", None))
        self.intro_label.setText(QCoreApplication.translate("VerifyPage", u"Pilih berkas PDF surat, tanda terima, lembar disposisi atau riwayat kasus yang dibuat LAPOR Desktop. Nomor, tiket dan sidik isinya dicocokkan dengan register; tanda tangan elektronik diperiksa bila ada. Untuk kertas cetakan, pindai kode QR-nya ke kolom Kode QR.", None))
        self.file_label.setText(QCoreApplication.translate("VerifyPage", u"&Berkas PDF:", None))
#if QT_CONFIG(accessibility)
        self.file_edit.setAccessibleName(QCoreApplication.translate("VerifyPage", u"Berkas PDF", None))
#endif // QT_CONFIG(accessibility)
        self.file_edit.setPlaceholderText(QCoreApplication.translate("VerifyPage", u"Ketik atau pilih lokasi berkas, lalu Enter", None))
        self.choose_button.setText(QCoreApplication.translate("VerifyPage", u"&Pilih berkas\u2026", None))
        self.check_file_button.setText(QCoreApplication.translate("VerifyPage", u"P&eriksa berkas", None))
        self.code_label.setText(QCoreApplication.translate("VerifyPage", u"&Kode QR:", None))
#if QT_CONFIG(accessibility)
        self.code_edit.setAccessibleName(QCoreApplication.translate("VerifyPage", u"Kode QR", None))
#endif // QT_CONFIG(accessibility)
        self.code_edit.setPlaceholderText(QCoreApplication.translate("VerifyPage", u"LAPOR|tiket|nomor|sidik \u2014 pindai atau tempel, lalu Enter", None))
        self.check_code_button.setText(QCoreApplication.translate("VerifyPage", u"Periksa k&ode", None))
#if QT_CONFIG(accessibility)
        self.busy_bar.setAccessibleName(QCoreApplication.translate("VerifyPage", u"Sedang memeriksa", None))
#endif // QT_CONFIG(accessibility)
        self.result_box.setTitle(QCoreApplication.translate("VerifyPage", u"Hasil pemeriksaan", None))
#if QT_CONFIG(accessibility)
        self.verdict_label.setAccessibleName(QCoreApplication.translate("VerifyPage", u"Hasil", None))
#endif // QT_CONFIG(accessibility)
        self.verdict_label.setText(QCoreApplication.translate("VerifyPage", u"\u2014", None))
#if QT_CONFIG(accessibility)
        self.reason_label.setAccessibleName(QCoreApplication.translate("VerifyPage", u"Alasan", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.details_label.setAccessibleName(QCoreApplication.translate("VerifyPage", u"Rincian", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

