# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'monthly.ui'
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
    QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QPlainTextEdit, QProgressBar, QSizePolicy,
    QSpacerItem, QSpinBox, QTableView, QVBoxLayout,
    QWidget)

class Ui_MonthlyPage(object):
    def setupUi(self, MonthlyPage):
        if not MonthlyPage.objectName():
            MonthlyPage.setObjectName(u"MonthlyPage")
        self.main_layout = QVBoxLayout(MonthlyPage)
        self.main_layout.setObjectName(u"main_layout")
        self.title_label = QLabel(MonthlyPage)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setStyleSheet(u"font-size: 15pt; font-weight: bold;")

        self.main_layout.addWidget(self.title_label)

        self.top_row = QHBoxLayout()
        self.top_row.setObjectName(u"top_row")
        self.rekap_box = QGroupBox(MonthlyPage)
        self.rekap_box.setObjectName(u"rekap_box")
        self.rekap_form = QFormLayout(self.rekap_box)
        self.rekap_form.setObjectName(u"rekap_form")
        self.month_label = QLabel(self.rekap_box)
        self.month_label.setObjectName(u"month_label")

        self.rekap_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.month_label)

        self.when_row = QHBoxLayout()
        self.when_row.setObjectName(u"when_row")
        self.month_combo = QComboBox(self.rekap_box)
        self.month_combo.setObjectName(u"month_combo")

        self.when_row.addWidget(self.month_combo)

        self.year_spin = QSpinBox(self.rekap_box)
        self.year_spin.setObjectName(u"year_spin")
        self.year_spin.setMinimum(2000)
        self.year_spin.setMaximum(2100)

        self.when_row.addWidget(self.year_spin)

        self.when_row.setStretch(0, 1)

        self.rekap_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.when_row)

        self.opd_label = QLabel(self.rekap_box)
        self.opd_label.setObjectName(u"opd_label")

        self.rekap_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.opd_label)

        self.opd_combo = QComboBox(self.rekap_box)
        self.opd_combo.setObjectName(u"opd_combo")

        self.rekap_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.opd_combo)

        self.kendala_label = QLabel(self.rekap_box)
        self.kendala_label.setObjectName(u"kendala_label")

        self.rekap_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kendala_label)

        self.kendala_edit = QPlainTextEdit(self.rekap_box)
        self.kendala_edit.setObjectName(u"kendala_edit")
        self.kendala_edit.setMinimumSize(QSize(0, 44))
        self.kendala_edit.setMaximumSize(QSize(16777215, 70))
        self.kendala_edit.setTabChangesFocus(True)

        self.rekap_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kendala_edit)

        self.upaya_label = QLabel(self.rekap_box)
        self.upaya_label.setObjectName(u"upaya_label")

        self.rekap_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.upaya_label)

        self.upaya_edit = QPlainTextEdit(self.rekap_box)
        self.upaya_edit.setObjectName(u"upaya_edit")
        self.upaya_edit.setMinimumSize(QSize(0, 44))
        self.upaya_edit.setMaximumSize(QSize(16777215, 70))
        self.upaya_edit.setTabChangesFocus(True)

        self.rekap_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.upaya_edit)

        self.buttons_row = QHBoxLayout()
        self.buttons_row.setObjectName(u"buttons_row")
        self.busy_bar = QProgressBar(self.rekap_box)
        self.busy_bar.setObjectName(u"busy_bar")
        self.busy_bar.setMaximum(0)
        self.busy_bar.setMaximumSize(QSize(140, 16777215))

        self.buttons_row.addWidget(self.busy_bar)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_row.addItem(self.buttons_spacer)


        self.rekap_form.setLayout(4, QFormLayout.ItemRole.SpanningRole, self.buttons_row)

        self.status_label = QLabel(self.rekap_box)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)

        self.rekap_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.status_label)


        self.top_row.addWidget(self.rekap_box)

        self.glance_side = QVBoxLayout()
        self.glance_side.setObjectName(u"glance_side")
        self.glance_box = QGroupBox(MonthlyPage)
        self.glance_box.setObjectName(u"glance_box")
        self.glance_grid = QGridLayout(self.glance_box)
        self.glance_grid.setObjectName(u"glance_grid")

        self.glance_side.addWidget(self.glance_box)


        self.top_row.addLayout(self.glance_side)

        self.top_row.setStretch(0, 3)
        self.top_row.setStretch(1, 2)

        self.main_layout.addLayout(self.top_row)

        self.opd_table = QTableView(MonthlyPage)
        self.opd_table.setObjectName(u"opd_table")
        self.opd_table.setAlternatingRowColors(True)
        self.opd_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.opd_table.verticalHeader().setVisible(False)

        self.main_layout.addWidget(self.opd_table)

        self.main_layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.month_label.setBuddy(self.month_combo)
        self.opd_label.setBuddy(self.opd_combo)
        self.kendala_label.setBuddy(self.kendala_edit)
        self.upaya_label.setBuddy(self.upaya_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.month_combo, self.year_spin)
        QWidget.setTabOrder(self.year_spin, self.opd_combo)
        QWidget.setTabOrder(self.opd_combo, self.kendala_edit)
        QWidget.setTabOrder(self.kendala_edit, self.upaya_edit)
        QWidget.setTabOrder(self.upaya_edit, self.opd_table)

        self.retranslateUi(MonthlyPage)

        QMetaObject.connectSlotsByName(MonthlyPage)
    # setupUi

    def retranslateUi(self, MonthlyPage):
        self.title_label.setText(QCoreApplication.translate("MonthlyPage", u"Rekapitulasi bulanan pengelolaan pengaduan", None))
        self.rekap_box.setTitle(QCoreApplication.translate("MonthlyPage", u"Rekap", None))
        self.month_label.setText(QCoreApplication.translate("MonthlyPage", u"&Bulan:", None))
#if QT_CONFIG(accessibility)
        self.month_combo.setAccessibleName(QCoreApplication.translate("MonthlyPage", u"Bulan", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.year_spin.setAccessibleName(QCoreApplication.translate("MonthlyPage", u"Tahun", None))
#endif // QT_CONFIG(accessibility)
        self.opd_label.setText(QCoreApplication.translate("MonthlyPage", u"&OPD:", None))
#if QT_CONFIG(accessibility)
        self.opd_combo.setAccessibleName(QCoreApplication.translate("MonthlyPage", u"Cakupan", None))
#endif // QT_CONFIG(accessibility)
        self.kendala_label.setText(QCoreApplication.translate("MonthlyPage", u"&Kendala:", None))
        self.kendala_edit.setPlaceholderText(QCoreApplication.translate("MonthlyPage", u"Opsional; dicetak pada bagian III (PDF).", None))
#if QT_CONFIG(accessibility)
        self.kendala_edit.setAccessibleName(QCoreApplication.translate("MonthlyPage", u"Kendala", None))
#endif // QT_CONFIG(accessibility)
        self.upaya_label.setText(QCoreApplication.translate("MonthlyPage", u"&Upaya:", None))
        self.upaya_edit.setPlaceholderText(QCoreApplication.translate("MonthlyPage", u"Opsional; dicetak pada bagian III (PDF).", None))
#if QT_CONFIG(accessibility)
        self.upaya_edit.setAccessibleName(QCoreApplication.translate("MonthlyPage", u"Upaya tindak lanjut", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.busy_bar.setAccessibleName(QCoreApplication.translate("MonthlyPage", u"Sedang menyusun", None))
#endif // QT_CONFIG(accessibility)
        self.glance_box.setTitle(QCoreApplication.translate("MonthlyPage", u"Ringkasan", None))
#if QT_CONFIG(accessibility)
        self.opd_table.setAccessibleName(QCoreApplication.translate("MonthlyPage", u"Rekap per OPD", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

