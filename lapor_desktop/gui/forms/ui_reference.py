# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reference.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QTableView, QVBoxLayout, QWidget)

class Ui_ReferencePage(object):
    def setupUi(self, ReferencePage):
        if not ReferencePage.objectName():
            ReferencePage.setObjectName(u"ReferencePage")
        self.main_layout = QHBoxLayout(ReferencePage)
        self.main_layout.setObjectName(u"main_layout")
        self.office_side = QVBoxLayout()
        self.office_side.setObjectName(u"office_side")
        self.office_table = QTableView(ReferencePage)
        self.office_table.setObjectName(u"office_table")
        self.office_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.office_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.office_table.verticalHeader().setVisible(False)

        self.office_side.addWidget(self.office_table)

        self.office_box = QGroupBox(ReferencePage)
        self.office_box.setObjectName(u"office_box")
        self.office_form = QFormLayout(self.office_box)
        self.office_form.setObjectName(u"office_form")
        self.office_form.setVerticalSpacing(2)
        self.office_code_label = QLabel(self.office_box)
        self.office_code_label.setObjectName(u"office_code_label")

        self.office_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.office_code_label)

        self.office_code_edit = QLineEdit(self.office_box)
        self.office_code_edit.setObjectName(u"office_code_edit")

        self.office_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.office_code_edit)

        self.office_code_error = QLabel(self.office_box)
        self.office_code_error.setObjectName(u"office_code_error")

        self.office_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.office_code_error)

        self.office_name_label = QLabel(self.office_box)
        self.office_name_label.setObjectName(u"office_name_label")

        self.office_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.office_name_label)

        self.office_name_edit = QLineEdit(self.office_box)
        self.office_name_edit.setObjectName(u"office_name_edit")

        self.office_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.office_name_edit)

        self.office_name_error = QLabel(self.office_box)
        self.office_name_error.setObjectName(u"office_name_error")

        self.office_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.office_name_error)

        self.office_kind_label = QLabel(self.office_box)
        self.office_kind_label.setObjectName(u"office_kind_label")

        self.office_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.office_kind_label)

        self.office_kind_combo = QComboBox(self.office_box)
        self.office_kind_combo.setObjectName(u"office_kind_combo")

        self.office_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.office_kind_combo)

        self.office_kind_error = QLabel(self.office_box)
        self.office_kind_error.setObjectName(u"office_kind_error")

        self.office_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.office_kind_error)

        self.office_active_check = QCheckBox(self.office_box)
        self.office_active_check.setObjectName(u"office_active_check")
        self.office_active_check.setChecked(True)

        self.office_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.office_active_check)

        self.office_error = QLabel(self.office_box)
        self.office_error.setObjectName(u"office_error")

        self.office_form.setWidget(7, QFormLayout.ItemRole.SpanningRole, self.office_error)

        self.office_save_button = QPushButton(self.office_box)
        self.office_save_button.setObjectName(u"office_save_button")

        self.office_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.office_save_button)


        self.office_side.addWidget(self.office_box)


        self.main_layout.addLayout(self.office_side)

        self.category_side = QVBoxLayout()
        self.category_side.setObjectName(u"category_side")
        self.category_table = QTableView(ReferencePage)
        self.category_table.setObjectName(u"category_table")
        self.category_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.category_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.category_table.verticalHeader().setVisible(False)

        self.category_side.addWidget(self.category_table)

        self.category_box = QGroupBox(ReferencePage)
        self.category_box.setObjectName(u"category_box")
        self.category_form = QFormLayout(self.category_box)
        self.category_form.setObjectName(u"category_form")
        self.category_form.setVerticalSpacing(2)
        self.category_code_label = QLabel(self.category_box)
        self.category_code_label.setObjectName(u"category_code_label")

        self.category_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.category_code_label)

        self.category_code_edit = QLineEdit(self.category_box)
        self.category_code_edit.setObjectName(u"category_code_edit")

        self.category_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.category_code_edit)

        self.category_code_error = QLabel(self.category_box)
        self.category_code_error.setObjectName(u"category_code_error")

        self.category_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.category_code_error)

        self.category_name_label = QLabel(self.category_box)
        self.category_name_label.setObjectName(u"category_name_label")

        self.category_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.category_name_label)

        self.category_name_edit = QLineEdit(self.category_box)
        self.category_name_edit.setObjectName(u"category_name_edit")

        self.category_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.category_name_edit)

        self.category_name_error = QLabel(self.category_box)
        self.category_name_error.setObjectName(u"category_name_error")

        self.category_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.category_name_error)

        self.category_active_check = QCheckBox(self.category_box)
        self.category_active_check.setObjectName(u"category_active_check")
        self.category_active_check.setChecked(True)

        self.category_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.category_active_check)

        self.category_error = QLabel(self.category_box)
        self.category_error.setObjectName(u"category_error")

        self.category_form.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.category_error)

        self.category_save_button = QPushButton(self.category_box)
        self.category_save_button.setObjectName(u"category_save_button")

        self.category_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.category_save_button)


        self.category_side.addWidget(self.category_box)


        self.main_layout.addLayout(self.category_side)

        self.main_layout.setStretch(0, 3)
        self.main_layout.setStretch(1, 2)
#if QT_CONFIG(shortcut)
        self.office_code_label.setBuddy(self.office_code_edit)
        self.office_name_label.setBuddy(self.office_name_edit)
        self.office_kind_label.setBuddy(self.office_kind_combo)
        self.category_code_label.setBuddy(self.category_code_edit)
        self.category_name_label.setBuddy(self.category_name_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.office_table, self.office_code_edit)
        QWidget.setTabOrder(self.office_code_edit, self.office_name_edit)
        QWidget.setTabOrder(self.office_name_edit, self.office_kind_combo)
        QWidget.setTabOrder(self.office_kind_combo, self.office_active_check)
        QWidget.setTabOrder(self.office_active_check, self.office_save_button)
        QWidget.setTabOrder(self.office_save_button, self.category_table)
        QWidget.setTabOrder(self.category_table, self.category_code_edit)
        QWidget.setTabOrder(self.category_code_edit, self.category_name_edit)
        QWidget.setTabOrder(self.category_name_edit, self.category_active_check)
        QWidget.setTabOrder(self.category_active_check, self.category_save_button)

        self.retranslateUi(ReferencePage)

        QMetaObject.connectSlotsByName(ReferencePage)
    # setupUi

    def retranslateUi(self, ReferencePage):
#if QT_CONFIG(accessibility)
        self.office_table.setAccessibleName(QCoreApplication.translate("ReferencePage", u"Daftar kantor", None))
#endif // QT_CONFIG(accessibility)
        self.office_box.setTitle(QCoreApplication.translate("ReferencePage", u"Simpan kantor/OPD", None))
        self.office_code_label.setText(QCoreApplication.translate("ReferencePage", u"&Kode:", None))
#if QT_CONFIG(accessibility)
        self.office_code_edit.setAccessibleName(QCoreApplication.translate("ReferencePage", u"Kode", None))
#endif // QT_CONFIG(accessibility)
        self.office_name_label.setText(QCoreApplication.translate("ReferencePage", u"&Nama:", None))
#if QT_CONFIG(accessibility)
        self.office_name_edit.setAccessibleName(QCoreApplication.translate("ReferencePage", u"Nama", None))
#endif // QT_CONFIG(accessibility)
        self.office_kind_label.setText(QCoreApplication.translate("ReferencePage", u"&Jenis:", None))
#if QT_CONFIG(accessibility)
        self.office_kind_combo.setAccessibleName(QCoreApplication.translate("ReferencePage", u"Jenis", None))
#endif // QT_CONFIG(accessibility)
        self.office_active_check.setText(QCoreApplication.translate("ReferencePage", u"Ak&tif", None))
        self.office_save_button.setText(QCoreApplication.translate("ReferencePage", u"&Simpan kantor", None))
#if QT_CONFIG(accessibility)
        self.category_table.setAccessibleName(QCoreApplication.translate("ReferencePage", u"Daftar kategori", None))
#endif // QT_CONFIG(accessibility)
        self.category_box.setTitle(QCoreApplication.translate("ReferencePage", u"Simpan kategori", None))
        self.category_code_label.setText(QCoreApplication.translate("ReferencePage", u"K&ode:", None))
#if QT_CONFIG(accessibility)
        self.category_code_edit.setAccessibleName(QCoreApplication.translate("ReferencePage", u"Kode", None))
#endif // QT_CONFIG(accessibility)
        self.category_name_label.setText(QCoreApplication.translate("ReferencePage", u"N&ama:", None))
#if QT_CONFIG(accessibility)
        self.category_name_edit.setAccessibleName(QCoreApplication.translate("ReferencePage", u"Nama", None))
#endif // QT_CONFIG(accessibility)
        self.category_active_check.setText(QCoreApplication.translate("ReferencePage", u"Ak&tif", None))
        self.category_save_button.setText(QCoreApplication.translate("ReferencePage", u"Simpan &kategori", None))
        pass
    # retranslateUi

