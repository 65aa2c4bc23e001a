# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'users.ui'
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
    QFormLayout, QFrame, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_UsersPage(object):
    def setupUi(self, UsersPage):
        if not UsersPage.objectName():
            UsersPage.setObjectName(u"UsersPage")
        self.main_layout = QVBoxLayout(UsersPage)
        self.main_layout.setObjectName(u"main_layout")
        self.list_side = QVBoxLayout()
        self.list_side.setObjectName(u"list_side")
        self.table = QTableView(UsersPage)
        self.table.setObjectName(u"table")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)

        self.list_side.addWidget(self.table)

        self.selected_row = QHBoxLayout()
        self.selected_row.setObjectName(u"selected_row")
        self.disable_button = QPushButton(UsersPage)
        self.disable_button.setObjectName(u"disable_button")

        self.selected_row.addWidget(self.disable_button)

        self.enable_button = QPushButton(UsersPage)
        self.enable_button.setObjectName(u"enable_button")

        self.selected_row.addWidget(self.enable_button)

        self.reset_edit = QLineEdit(UsersPage)
        self.reset_edit.setObjectName(u"reset_edit")

        self.selected_row.addWidget(self.reset_edit)

        self.reset_must_change_check = QCheckBox(UsersPage)
        self.reset_must_change_check.setObjectName(u"reset_must_change_check")
        self.reset_must_change_check.setChecked(True)

        self.selected_row.addWidget(self.reset_must_change_check)

        self.reset_button = QPushButton(UsersPage)
        self.reset_button.setObjectName(u"reset_button")

        self.selected_row.addWidget(self.reset_button)

        self.selected_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.selected_row.addItem(self.selected_row_spacer)


        self.list_side.addLayout(self.selected_row)

        self.selected_error = QLabel(UsersPage)
        self.selected_error.setObjectName(u"selected_error")

        self.list_side.addWidget(self.selected_error)


        self.main_layout.addLayout(self.list_side)

        self.add_scroll = QScrollArea(UsersPage)
        self.add_scroll.setObjectName(u"add_scroll")
        self.add_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.add_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.add_scroll.setWidgetResizable(True)
        self.add_scroll_content = QWidget()
        self.add_scroll_content.setObjectName(u"add_scroll_content")
        self.add_scroll_layout = QVBoxLayout(self.add_scroll_content)
        self.add_scroll_layout.setObjectName(u"add_scroll_layout")
        self.add_scroll_layout.setContentsMargins(0, 0, 0, 0)
        self.add_box = QGroupBox(self.add_scroll_content)
        self.add_box.setObjectName(u"add_box")
        self.form = QFormLayout(self.add_box)
        self.form.setObjectName(u"form")
        self.form.setVerticalSpacing(2)
        self.username_label = QLabel(self.add_box)
        self.username_label.setObjectName(u"username_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.username_label)

        self.username_edit = QLineEdit(self.add_box)
        self.username_edit.setObjectName(u"username_edit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username_edit)

        self.username_error = QLabel(self.add_box)
        self.username_error.setObjectName(u"username_error")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.username_error)

        self.full_name_label = QLabel(self.add_box)
        self.full_name_label.setObjectName(u"full_name_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.full_name_label)

        self.full_name_edit = QLineEdit(self.add_box)
        self.full_name_edit.setObjectName(u"full_name_edit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.full_name_edit)

        self.full_name_error = QLabel(self.add_box)
        self.full_name_error.setObjectName(u"full_name_error")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.full_name_error)

        self.nip_label = QLabel(self.add_box)
        self.nip_label.setObjectName(u"nip_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.nip_label)

        self.nip_edit = QLineEdit(self.add_box)
        self.nip_edit.setObjectName(u"nip_edit")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.nip_edit)

        self.nip_error = QLabel(self.add_box)
        self.nip_error.setObjectName(u"nip_error")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.nip_error)

        self.role_label = QLabel(self.add_box)
        self.role_label.setObjectName(u"role_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role_combo = QComboBox(self.add_box)
        self.role_combo.setObjectName(u"role_combo")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.role_combo)

        self.role_error = QLabel(self.add_box)
        self.role_error.setObjectName(u"role_error")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.role_error)

        self.office_label = QLabel(self.add_box)
        self.office_label.setObjectName(u"office_label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.office_label)

        self.office_combo = QComboBox(self.add_box)
        self.office_combo.setObjectName(u"office_combo")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.office_combo)

        self.office_error = QLabel(self.add_box)
        self.office_error.setObjectName(u"office_error")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.office_error)

        self.password_label = QLabel(self.add_box)
        self.password_label.setObjectName(u"password_label")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password_edit = QLineEdit(self.add_box)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.password_edit)

        self.password_error = QLabel(self.add_box)
        self.password_error.setObjectName(u"password_error")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.password_error)

        self.must_change_check = QCheckBox(self.add_box)
        self.must_change_check.setObjectName(u"must_change_check")
        self.must_change_check.setChecked(True)

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.must_change_check)

        self.general_error = QLabel(self.add_box)
        self.general_error.setObjectName(u"general_error")

        self.form.setWidget(13, QFormLayout.ItemRole.SpanningRole, self.general_error)

        self.add_button = QPushButton(self.add_box)
        self.add_button.setObjectName(u"add_button")

        self.form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.add_button)


        self.add_scroll_layout.addWidget(self.add_box)

        self.add_scroll.setWidget(self.add_scroll_content)

        self.main_layout.addWidget(self.add_scroll)

        self.main_layout.setStretch(0, 3)
        self.main_layout.setStretch(1, 2)
#if QT_CONFIG(shortcut)
        self.username_label.setBuddy(self.username_edit)
        self.full_name_label.setBuddy(self.full_name_edit)
        self.nip_label.setBuddy(self.nip_edit)
        self.role_label.setBuddy(self.role_combo)
        self.office_label.setBuddy(self.office_combo)
        self.password_label.setBuddy(self.password_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.table, self.disable_button)
        QWidget.setTabOrder(self.disable_button, self.enable_button)
        QWidget.setTabOrder(self.enable_button, self.reset_edit)
        QWidget.setTabOrder(self.reset_edit, self.reset_must_change_check)
        QWidget.setTabOrder(self.reset_must_change_check, self.reset_button)
        QWidget.setTabOrder(self.reset_button, self.username_edit)
        QWidget.setTabOrder(self.username_edit, self.full_name_edit)
        QWidget.setTabOrder(self.full_name_edit, self.nip_edit)
        QWidget.setTabOrder(self.nip_edit, self.role_combo)
        QWidget.setTabOrder(self.role_combo, self.office_combo)
        QWidget.setTabOrder(self.office_combo, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.must_change_check)
        QWidget.setTabOrder(self.must_change_check, self.add_button)

        self.retranslateUi(UsersPage)

        QMetaObject.connectSlotsByName(UsersPage)
    # setupUi

    def retranslateUi(self, UsersPage):
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("UsersPage", u"Daftar pengguna", None))
#endif // QT_CONFIG(accessibility)
        self.disable_button.setText(QCoreApplication.translate("UsersPage", u"Nonaktif&kan", None))
        self.enable_button.setText(QCoreApplication.translate("UsersPage", u"Akti&fkan", None))
        self.reset_edit.setPlaceholderText(QCoreApplication.translate("UsersPage", u"Kata sandi sementara", None))
#if QT_CONFIG(accessibility)
        self.reset_edit.setAccessibleName(QCoreApplication.translate("UsersPage", u"Kata sandi sementara", None))
#endif // QT_CONFIG(accessibility)
        self.reset_must_change_check.setText(QCoreApplication.translate("UsersPage", u"Wajib &diganti", None))
#if QT_CONFIG(tooltip)
        self.reset_must_change_check.setToolTip(QCoreApplication.translate("UsersPage", u"Pengguna wajib mengganti kata sandi sementara ini saat masuk berikutnya", None))
#endif // QT_CONFIG(tooltip)
        self.reset_button.setText(QCoreApplication.translate("UsersPage", u"Atur &ulang kata sandi", None))
        self.add_box.setTitle(QCoreApplication.translate("UsersPage", u"Tambah pengguna", None))
        self.username_label.setText(QCoreApplication.translate("UsersPage", u"&Nama pengguna:", None))
#if QT_CONFIG(accessibility)
        self.username_edit.setAccessibleName(QCoreApplication.translate("UsersPage", u"Nama pengguna", None))
#endif // QT_CONFIG(accessibility)
        self.full_name_label.setText(QCoreApplication.translate("UsersPage", u"Nama &lengkap:", None))
#if QT_CONFIG(accessibility)
        self.full_name_edit.setAccessibleName(QCoreApplication.translate("UsersPage", u"Nama lengkap", None))
#endif // QT_CONFIG(accessibility)
        self.nip_label.setText(QCoreApplication.translate("UsersPage", u"N&IP:", None))
#if QT_CONFIG(accessibility)
        self.nip_edit.setAccessibleName(QCoreApplication.translate("UsersPage", u"NIP", None))
#endif // QT_CONFIG(accessibility)
        self.role_label.setText(QCoreApplication.translate("UsersPage", u"&Peran:", None))
#if QT_CONFIG(accessibility)
        self.role_combo.setAccessibleName(QCoreApplication.translate("UsersPage", u"Peran", None))
#endif // QT_CONFIG(accessibility)
        self.office_label.setText(QCoreApplication.translate("UsersPage", u"&Kantor:", None))
#if QT_CONFIG(accessibility)
        self.office_combo.setAccessibleName(QCoreApplication.translate("UsersPage", u"Kantor", None))
#endif // QT_CONFIG(accessibility)
        self.password_label.setText(QCoreApplication.translate("UsersPage", u"Kata sandi &awal:", None))
#if QT_CONFIG(accessibility)
        self.password_edit.setAccessibleName(QCoreApplication.translate("UsersPage", u"Kata sandi awal", None))
#endif // QT_CONFIG(accessibility)
        self.must_change_check.setText(QCoreApplication.translate("UsersPage", u"&Wajib ganti kata sandi saat masuk pertama", None))
        self.add_button.setText(QCoreApplication.translate("UsersPage", u"&Tambah", None))
        pass
    # retranslateUi

