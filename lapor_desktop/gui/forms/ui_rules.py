# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'rules.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDateEdit,
    QFormLayout, QFrame, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpinBox, QTableView,
    QVBoxLayout, QWidget)

class Ui_RulesPage(object):
    def setupUi(self, RulesPage):
        if not RulesPage.objectName():
            RulesPage.setObjectName(u"RulesPage")
        self.main_layout = QHBoxLayout(RulesPage)
        self.main_layout.setObjectName(u"main_layout")
        self.rules_side = QVBoxLayout()
        self.rules_side.setObjectName(u"rules_side")
        self.rules_table = QTableView(RulesPage)
        self.rules_table.setObjectName(u"rules_table")
        self.rules_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rules_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rules_table.verticalHeader().setVisible(False)

        self.rules_side.addWidget(self.rules_table)

        self.rule_scroll = QScrollArea(RulesPage)
        self.rule_scroll.setObjectName(u"rule_scroll")
        self.rule_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.rule_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rule_scroll.setWidgetResizable(True)
        self.rule_scroll_content = QWidget()
        self.rule_scroll_content.setObjectName(u"rule_scroll_content")
        self.rule_scroll_layout = QVBoxLayout(self.rule_scroll_content)
        self.rule_scroll_layout.setObjectName(u"rule_scroll_layout")
        self.rule_scroll_layout.setContentsMargins(0, 0, 0, 0)
        self.rule_box = QGroupBox(self.rule_scroll_content)
        self.rule_box.setObjectName(u"rule_box")
        self.rule_form = QFormLayout(self.rule_box)
        self.rule_form.setObjectName(u"rule_form")
        self.rule_form.setVerticalSpacing(2)
        self.rule_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.rule_name_label = QLabel(self.rule_box)
        self.rule_name_label.setObjectName(u"rule_name_label")

        self.rule_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.rule_name_label)

        self.rule_name_edit = QLineEdit(self.rule_box)
        self.rule_name_edit.setObjectName(u"rule_name_edit")

        self.rule_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.rule_name_edit)

        self.rule_name_error = QLabel(self.rule_box)
        self.rule_name_error.setObjectName(u"rule_name_error")

        self.rule_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.rule_name_error)

        self.rule_from_label = QLabel(self.rule_box)
        self.rule_from_label.setObjectName(u"rule_from_label")

        self.rule_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.rule_from_label)

        self.rule_from_edit = QDateEdit(self.rule_box)
        self.rule_from_edit.setObjectName(u"rule_from_edit")
        self.rule_from_edit.setCalendarPopup(True)

        self.rule_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.rule_from_edit)

        self.rule_from_error = QLabel(self.rule_box)
        self.rule_from_error.setObjectName(u"rule_from_error")

        self.rule_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.rule_from_error)

        self.verification_label = QLabel(self.rule_box)
        self.verification_label.setObjectName(u"verification_label")

        self.rule_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.verification_label)

        self.verification_row = QHBoxLayout()
        self.verification_row.setObjectName(u"verification_row")
        self.verification_days_spin = QSpinBox(self.rule_box)
        self.verification_days_spin.setObjectName(u"verification_days_spin")
        self.verification_days_spin.setMinimum(1)
        self.verification_days_spin.setMaximum(365)

        self.verification_row.addWidget(self.verification_days_spin)

        self.verification_kind_combo = QComboBox(self.rule_box)
        self.verification_kind_combo.setObjectName(u"verification_kind_combo")

        self.verification_row.addWidget(self.verification_kind_combo)


        self.rule_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.verification_row)

        self.verification_error = QLabel(self.rule_box)
        self.verification_error.setObjectName(u"verification_error")

        self.rule_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.verification_error)

        self.follow_up_label = QLabel(self.rule_box)
        self.follow_up_label.setObjectName(u"follow_up_label")

        self.rule_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.follow_up_label)

        self.follow_up_row = QHBoxLayout()
        self.follow_up_row.setObjectName(u"follow_up_row")
        self.follow_up_days_spin = QSpinBox(self.rule_box)
        self.follow_up_days_spin.setObjectName(u"follow_up_days_spin")
        self.follow_up_days_spin.setMinimum(1)
        self.follow_up_days_spin.setMaximum(365)

        self.follow_up_row.addWidget(self.follow_up_days_spin)

        self.follow_up_kind_combo = QComboBox(self.rule_box)
        self.follow_up_kind_combo.setObjectName(u"follow_up_kind_combo")

        self.follow_up_row.addWidget(self.follow_up_kind_combo)


        self.rule_form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.follow_up_row)

        self.follow_up_error = QLabel(self.rule_box)
        self.follow_up_error.setObjectName(u"follow_up_error")

        self.rule_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.follow_up_error)

        self.escalation_label = QLabel(self.rule_box)
        self.escalation_label.setObjectName(u"escalation_label")

        self.rule_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.escalation_label)

        self.escalation_row = QHBoxLayout()
        self.escalation_row.setObjectName(u"escalation_row")
        self.escalation_days_spin = QSpinBox(self.rule_box)
        self.escalation_days_spin.setObjectName(u"escalation_days_spin")
        self.escalation_days_spin.setMinimum(1)
        self.escalation_days_spin.setMaximum(365)

        self.escalation_row.addWidget(self.escalation_days_spin)

        self.escalation_kind_combo = QComboBox(self.rule_box)
        self.escalation_kind_combo.setObjectName(u"escalation_kind_combo")

        self.escalation_row.addWidget(self.escalation_kind_combo)


        self.rule_form.setLayout(8, QFormLayout.ItemRole.FieldRole, self.escalation_row)

        self.escalation_error = QLabel(self.rule_box)
        self.escalation_error.setObjectName(u"escalation_error")

        self.rule_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.escalation_error)

        self.reply_label = QLabel(self.rule_box)
        self.reply_label.setObjectName(u"reply_label")

        self.rule_form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.reply_label)

        self.reply_row = QHBoxLayout()
        self.reply_row.setObjectName(u"reply_row")
        self.reply_days_spin = QSpinBox(self.rule_box)
        self.reply_days_spin.setObjectName(u"reply_days_spin")
        self.reply_days_spin.setMinimum(1)
        self.reply_days_spin.setMaximum(365)

        self.reply_row.addWidget(self.reply_days_spin)

        self.reply_kind_combo = QComboBox(self.rule_box)
        self.reply_kind_combo.setObjectName(u"reply_kind_combo")

        self.reply_row.addWidget(self.reply_kind_combo)


        self.rule_form.setLayout(10, QFormLayout.ItemRole.FieldRole, self.reply_row)

        self.reply_error = QLabel(self.rule_box)
        self.reply_error.setObjectName(u"reply_error")

        self.rule_form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.reply_error)

        self.rule_error = QLabel(self.rule_box)
        self.rule_error.setObjectName(u"rule_error")

        self.rule_form.setWidget(12, QFormLayout.ItemRole.SpanningRole, self.rule_error)

        self.add_rule_button = QPushButton(self.rule_box)
        self.add_rule_button.setObjectName(u"add_rule_button")

        self.rule_form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.add_rule_button)


        self.rule_scroll_layout.addWidget(self.rule_box)

        self.rule_scroll.setWidget(self.rule_scroll_content)

        self.rules_side.addWidget(self.rule_scroll)

        self.rules_side.setStretch(0, 1)
        self.rules_side.setStretch(1, 1)

        self.main_layout.addLayout(self.rules_side)

        self.holiday_side = QVBoxLayout()
        self.holiday_side.setObjectName(u"holiday_side")
        self.holiday_table = QTableView(RulesPage)
        self.holiday_table.setObjectName(u"holiday_table")
        self.holiday_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.holiday_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.holiday_table.verticalHeader().setVisible(False)

        self.holiday_side.addWidget(self.holiday_table)

        self.holiday_scroll = QScrollArea(RulesPage)
        self.holiday_scroll.setObjectName(u"holiday_scroll")
        self.holiday_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.holiday_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.holiday_scroll.setWidgetResizable(True)
        self.holiday_scroll_content = QWidget()
        self.holiday_scroll_content.setObjectName(u"holiday_scroll_content")
        self.holiday_scroll_layout = QVBoxLayout(self.holiday_scroll_content)
        self.holiday_scroll_layout.setObjectName(u"holiday_scroll_layout")
        self.holiday_scroll_layout.setContentsMargins(0, 0, 0, 0)
        self.holiday_box = QGroupBox(self.holiday_scroll_content)
        self.holiday_box.setObjectName(u"holiday_box")
        self.holiday_form = QFormLayout(self.holiday_box)
        self.holiday_form.setObjectName(u"holiday_form")
        self.holiday_form.setVerticalSpacing(2)
        self.holiday_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.holiday_day_label = QLabel(self.holiday_box)
        self.holiday_day_label.setObjectName(u"holiday_day_label")

        self.holiday_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.holiday_day_label)

        self.holiday_day_edit = QDateEdit(self.holiday_box)
        self.holiday_day_edit.setObjectName(u"holiday_day_edit")
        self.holiday_day_edit.setCalendarPopup(True)

        self.holiday_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.holiday_day_edit)

        self.holiday_day_error = QLabel(self.holiday_box)
        self.holiday_day_error.setObjectName(u"holiday_day_error")

        self.holiday_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.holiday_day_error)

        self.holiday_kind_label = QLabel(self.holiday_box)
        self.holiday_kind_label.setObjectName(u"holiday_kind_label")

        self.holiday_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.holiday_kind_label)

        self.holiday_kind_combo = QComboBox(self.holiday_box)
        self.holiday_kind_combo.setObjectName(u"holiday_kind_combo")

        self.holiday_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.holiday_kind_combo)

        self.holiday_kind_error = QLabel(self.holiday_box)
        self.holiday_kind_error.setObjectName(u"holiday_kind_error")

        self.holiday_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.holiday_kind_error)

        self.holiday_reason_label = QLabel(self.holiday_box)
        self.holiday_reason_label.setObjectName(u"holiday_reason_label")

        self.holiday_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.holiday_reason_label)

        self.holiday_reason_edit = QLineEdit(self.holiday_box)
        self.holiday_reason_edit.setObjectName(u"holiday_reason_edit")

        self.holiday_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.holiday_reason_edit)

        self.holiday_reason_error = QLabel(self.holiday_box)
        self.holiday_reason_error.setObjectName(u"holiday_reason_error")

        self.holiday_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.holiday_reason_error)

        self.holiday_error = QLabel(self.holiday_box)
        self.holiday_error.setObjectName(u"holiday_error")

        self.holiday_form.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.holiday_error)

        self.holiday_buttons = QHBoxLayout()
        self.holiday_buttons.setObjectName(u"holiday_buttons")
        self.add_holiday_button = QPushButton(self.holiday_box)
        self.add_holiday_button.setObjectName(u"add_holiday_button")

        self.holiday_buttons.addWidget(self.add_holiday_button)

        self.remove_holiday_button = QPushButton(self.holiday_box)
        self.remove_holiday_button.setObjectName(u"remove_holiday_button")

        self.holiday_buttons.addWidget(self.remove_holiday_button)


        self.holiday_form.setLayout(7, QFormLayout.ItemRole.SpanningRole, self.holiday_buttons)


        self.holiday_scroll_layout.addWidget(self.holiday_box)

        self.holiday_scroll.setWidget(self.holiday_scroll_content)

        self.holiday_side.addWidget(self.holiday_scroll)

        self.holiday_side.setStretch(0, 1)
        self.holiday_side.setStretch(1, 1)

        self.main_layout.addLayout(self.holiday_side)

        self.main_layout.setStretch(0, 3)
        self.main_layout.setStretch(1, 2)
#if QT_CONFIG(shortcut)
        self.rule_name_label.setBuddy(self.rule_name_edit)
        self.rule_from_label.setBuddy(self.rule_from_edit)
        self.verification_label.setBuddy(self.verification_days_spin)
        self.follow_up_label.setBuddy(self.follow_up_days_spin)
        self.escalation_label.setBuddy(self.escalation_days_spin)
        self.reply_label.setBuddy(self.reply_days_spin)
        self.holiday_day_label.setBuddy(self.holiday_day_edit)
        self.holiday_kind_label.setBuddy(self.holiday_kind_combo)
        self.holiday_reason_label.setBuddy(self.holiday_reason_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.rules_table, self.rule_name_edit)
        QWidget.setTabOrder(self.rule_name_edit, self.rule_from_edit)
        QWidget.setTabOrder(self.rule_from_edit, self.verification_days_spin)
        QWidget.setTabOrder(self.verification_days_spin, self.verification_kind_combo)
        QWidget.setTabOrder(self.verification_kind_combo, self.follow_up_days_spin)
        QWidget.setTabOrder(self.follow_up_days_spin, self.follow_up_kind_combo)
        QWidget.setTabOrder(self.follow_up_kind_combo, self.escalation_days_spin)
        QWidget.setTabOrder(self.escalation_days_spin, self.escalation_kind_combo)
        QWidget.setTabOrder(self.escalation_kind_combo, self.reply_days_spin)
        QWidget.setTabOrder(self.reply_days_spin, self.reply_kind_combo)
        QWidget.setTabOrder(self.reply_kind_combo, self.add_rule_button)
        QWidget.setTabOrder(self.add_rule_button, self.holiday_table)
        QWidget.setTabOrder(self.holiday_table, self.holiday_day_edit)
        QWidget.setTabOrder(self.holiday_day_edit, self.holiday_kind_combo)
        QWidget.setTabOrder(self.holiday_kind_combo, self.holiday_reason_edit)
        QWidget.setTabOrder(self.holiday_reason_edit, self.add_holiday_button)
        QWidget.setTabOrder(self.add_holiday_button, self.remove_holiday_button)

        self.retranslateUi(RulesPage)

        QMetaObject.connectSlotsByName(RulesPage)
    # setupUi

    def retranslateUi(self, RulesPage):
#if QT_CONFIG(accessibility)
        self.rules_table.setAccessibleName(QCoreApplication.translate("RulesPage", u"Aturan tenggat", None))
#endif // QT_CONFIG(accessibility)
        self.rule_box.setTitle(QCoreApplication.translate("RulesPage", u"Aturan tenggat baru", None))
        self.rule_name_label.setText(QCoreApplication.translate("RulesPage", u"&Nama/dasar:", None))
#if QT_CONFIG(accessibility)
        self.rule_name_edit.setAccessibleName(QCoreApplication.translate("RulesPage", u"Nama/dasar", None))
#endif // QT_CONFIG(accessibility)
        self.rule_from_label.setText(QCoreApplication.translate("RulesPage", u"Berlaku &mulai:", None))
        self.rule_from_edit.setDisplayFormat(QCoreApplication.translate("RulesPage", u"dd-MM-yyyy", None))
#if QT_CONFIG(accessibility)
        self.rule_from_edit.setAccessibleName(QCoreApplication.translate("RulesPage", u"Berlaku mulai", None))
#endif // QT_CONFIG(accessibility)
        self.verification_label.setText(QCoreApplication.translate("RulesPage", u"&Verifikasi:", None))
#if QT_CONFIG(accessibility)
        self.verification_days_spin.setAccessibleName(QCoreApplication.translate("RulesPage", u"Verifikasi", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.verification_kind_combo.setAccessibleName(QCoreApplication.translate("RulesPage", u"Verifikasi \u2014 jenis hari", None))
#endif // QT_CONFIG(accessibility)
        self.follow_up_label.setText(QCoreApplication.translate("RulesPage", u"&Tindak lanjut:", None))
#if QT_CONFIG(accessibility)
        self.follow_up_days_spin.setAccessibleName(QCoreApplication.translate("RulesPage", u"Tindak lanjut", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.follow_up_kind_combo.setAccessibleName(QCoreApplication.translate("RulesPage", u"Tindak lanjut \u2014 jenis hari", None))
#endif // QT_CONFIG(accessibility)
        self.escalation_label.setText(QCoreApplication.translate("RulesPage", u"&Eskalasi Ombudsman:", None))
#if QT_CONFIG(accessibility)
        self.escalation_days_spin.setAccessibleName(QCoreApplication.translate("RulesPage", u"Eskalasi Ombudsman", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.escalation_kind_combo.setAccessibleName(QCoreApplication.translate("RulesPage", u"Eskalasi Ombudsman \u2014 jenis hari", None))
#endif // QT_CONFIG(accessibility)
        self.reply_label.setText(QCoreApplication.translate("RulesPage", u"Masa tangga&pan:", None))
#if QT_CONFIG(accessibility)
        self.reply_days_spin.setAccessibleName(QCoreApplication.translate("RulesPage", u"Masa tanggapan", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.reply_kind_combo.setAccessibleName(QCoreApplication.translate("RulesPage", u"Masa tanggapan \u2014 jenis hari", None))
#endif // QT_CONFIG(accessibility)
        self.add_rule_button.setText(QCoreApplication.translate("RulesPage", u"Tambah &aturan", None))
#if QT_CONFIG(accessibility)
        self.holiday_table.setAccessibleName(QCoreApplication.translate("RulesPage", u"Pengecualian hari libur", None))
#endif // QT_CONFIG(accessibility)
        self.holiday_box.setTitle(QCoreApplication.translate("RulesPage", u"Pengecualian hari libur (lokal)", None))
        self.holiday_day_label.setText(QCoreApplication.translate("RulesPage", u"Tan&ggal:", None))
        self.holiday_day_edit.setDisplayFormat(QCoreApplication.translate("RulesPage", u"dd-MM-yyyy", None))
#if QT_CONFIG(accessibility)
        self.holiday_day_edit.setAccessibleName(QCoreApplication.translate("RulesPage", u"Tanggal", None))
#endif // QT_CONFIG(accessibility)
        self.holiday_kind_label.setText(QCoreApplication.translate("RulesPage", u"&Jenis:", None))
#if QT_CONFIG(accessibility)
        self.holiday_kind_combo.setAccessibleName(QCoreApplication.translate("RulesPage", u"Jenis", None))
#endif // QT_CONFIG(accessibility)
        self.holiday_reason_label.setText(QCoreApplication.translate("RulesPage", u"&Dasar (nomor keputusan):", None))
#if QT_CONFIG(accessibility)
        self.holiday_reason_edit.setAccessibleName(QCoreApplication.translate("RulesPage", u"Dasar (nomor keputusan)", None))
#endif // QT_CONFIG(accessibility)
        self.add_holiday_button.setText(QCoreApplication.translate("RulesPage", u"&Simpan", None))
        self.remove_holiday_button.setText(QCoreApplication.translate("RulesPage", u"&Hapus yang dipilih", None))
        pass
    # retranslateUi

