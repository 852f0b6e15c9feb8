# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'register_dialog.ui'
##
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QGridLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_RegisterDialog(object):
    def setupUi(self, RegisterDialog):
        if not RegisterDialog.objectName():
            RegisterDialog.setObjectName(u"RegisterDialog")
        RegisterDialog.resize(560, 560)
        self.outerLayout = QVBoxLayout(RegisterDialog)
        self.outerLayout.setSpacing(12)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(24, 20, 24, 20)
        self.titleLabel = QLabel(RegisterDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.outerLayout.addWidget(self.titleLabel)

        self.subtitleLabel = QLabel(RegisterDialog)
        self.subtitleLabel.setObjectName(u"subtitleLabel")
        self.subtitleLabel.setWordWrap(True)

        self.outerLayout.addWidget(self.subtitleLabel)

        self.formError = QLabel(RegisterDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)
        self.formError.setVisible(False)

        self.outerLayout.addWidget(self.formError)

        self.fieldsLayout = QGridLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setHorizontalSpacing(16)
        self.fieldsLayout.setVerticalSpacing(4)
        self.phoneLabel = QLabel(RegisterDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.fieldsLayout.addWidget(self.phoneLabel, 0, 0, 1, 1)

        self.phoneEdit = QLineEdit(RegisterDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(24)

        self.fieldsLayout.addWidget(self.phoneEdit, 0, 1, 1, 1)

        self.phoneError = QLabel(RegisterDialog)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setWordWrap(True)

        self.fieldsLayout.addWidget(self.phoneError, 1, 1, 1, 1)

        self.nameLabel = QLabel(RegisterDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.fieldsLayout.addWidget(self.nameLabel, 2, 0, 1, 1)

        self.nameEdit = QLineEdit(RegisterDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.fieldsLayout.addWidget(self.nameEdit, 2, 1, 1, 1)

        self.nameError = QLabel(RegisterDialog)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)

        self.fieldsLayout.addWidget(self.nameError, 3, 1, 1, 1)

        self.genderLabel = QLabel(RegisterDialog)
        self.genderLabel.setObjectName(u"genderLabel")

        self.fieldsLayout.addWidget(self.genderLabel, 4, 0, 1, 1)

        self.genderCombo = QComboBox(RegisterDialog)
        self.genderCombo.addItem("")
        self.genderCombo.addItem("")
        self.genderCombo.addItem("")
        self.genderCombo.setObjectName(u"genderCombo")

        self.fieldsLayout.addWidget(self.genderCombo, 4, 1, 1, 1)

        self.genderError = QLabel(RegisterDialog)
        self.genderError.setObjectName(u"genderError")
        self.genderError.setWordWrap(True)

        self.fieldsLayout.addWidget(self.genderError, 5, 1, 1, 1)

        self.birthdayLabel = QLabel(RegisterDialog)
        self.birthdayLabel.setObjectName(u"birthdayLabel")

        self.fieldsLayout.addWidget(self.birthdayLabel, 6, 0, 1, 1)

        self.birthdayEdit = QLineEdit(RegisterDialog)
        self.birthdayEdit.setObjectName(u"birthdayEdit")
        self.birthdayEdit.setMaxLength(20)

        self.fieldsLayout.addWidget(self.birthdayEdit, 6, 1, 1, 1)

        self.birthdayError = QLabel(RegisterDialog)
        self.birthdayError.setObjectName(u"birthdayError")
        self.birthdayError.setWordWrap(True)

        self.fieldsLayout.addWidget(self.birthdayError, 7, 1, 1, 1)

        self.idNumberLabel = QLabel(RegisterDialog)
        self.idNumberLabel.setObjectName(u"idNumberLabel")

        self.fieldsLayout.addWidget(self.idNumberLabel, 8, 0, 1, 1)

        self.idNumberEdit = QLineEdit(RegisterDialog)
        self.idNumberEdit.setObjectName(u"idNumberEdit")
        self.idNumberEdit.setMaxLength(30)

        self.fieldsLayout.addWidget(self.idNumberEdit, 8, 1, 1, 1)

        self.idNumberError = QLabel(RegisterDialog)
        self.idNumberError.setObjectName(u"idNumberError")
        self.idNumberError.setWordWrap(True)

        self.fieldsLayout.addWidget(self.idNumberError, 9, 1, 1, 1)

        self.referrerLabel = QLabel(RegisterDialog)
        self.referrerLabel.setObjectName(u"referrerLabel")

        self.fieldsLayout.addWidget(self.referrerLabel, 10, 0, 1, 1)

        self.referrerEdit = QLineEdit(RegisterDialog)
        self.referrerEdit.setObjectName(u"referrerEdit")
        self.referrerEdit.setMaxLength(40)

        self.fieldsLayout.addWidget(self.referrerEdit, 10, 1, 1, 1)

        self.referrerError = QLabel(RegisterDialog)
        self.referrerError.setObjectName(u"referrerError")
        self.referrerError.setWordWrap(True)

        self.fieldsLayout.addWidget(self.referrerError, 11, 1, 1, 1)


        self.outerLayout.addLayout(self.fieldsLayout)

        self.consentCheck = QCheckBox(RegisterDialog)
        self.consentCheck.setObjectName(u"consentCheck")

        self.outerLayout.addWidget(self.consentCheck)

        self.consentError = QLabel(RegisterDialog)
        self.consentError.setObjectName(u"consentError")
        self.consentError.setWordWrap(True)

        self.outerLayout.addWidget(self.consentError)

        self.verticalSpacer = QSpacerItem(20, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(RegisterDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.outerLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.genderLabel.setBuddy(self.genderCombo)
        self.birthdayLabel.setBuddy(self.birthdayEdit)
        self.idNumberLabel.setBuddy(self.idNumberEdit)
        self.referrerLabel.setBuddy(self.referrerEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.phoneEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.genderCombo)
        QWidget.setTabOrder(self.genderCombo, self.birthdayEdit)
        QWidget.setTabOrder(self.birthdayEdit, self.idNumberEdit)
        QWidget.setTabOrder(self.idNumberEdit, self.referrerEdit)
        QWidget.setTabOrder(self.referrerEdit, self.consentCheck)

        self.retranslateUi(RegisterDialog)

        QMetaObject.connectSlotsByName(RegisterDialog)
    # setupUi

    def retranslateUi(self, RegisterDialog):
        RegisterDialog.setWindowTitle(QCoreApplication.translate("RegisterDialog", u"Register a new member", None))
        self.titleLabel.setText(QCoreApplication.translate("RegisterDialog", u"New member", None))
        self.subtitleLabel.setText(QCoreApplication.translate("RegisterDialog", u"Required: mobile number, name and the member's consent. Everything else can be added later.", None))
        self.phoneLabel.setText(QCoreApplication.translate("RegisterDialog", u"Mobile number *", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("RegisterDialog", u"11 digits, e.g. 13800138000", None))
        self.nameLabel.setText(QCoreApplication.translate("RegisterDialog", u"Name *", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("RegisterDialog", u"As on the ID card", None))
        self.genderLabel.setText(QCoreApplication.translate("RegisterDialog", u"Gender", None))
        self.genderCombo.setItemText(0, QCoreApplication.translate("RegisterDialog", u"Not given", None))
        self.genderCombo.setItemText(1, QCoreApplication.translate("RegisterDialog", u"Female", None))
        self.genderCombo.setItemText(2, QCoreApplication.translate("RegisterDialog", u"Male", None))

        self.birthdayLabel.setText(QCoreApplication.translate("RegisterDialog", u"Birthday", None))
        self.birthdayEdit.setPlaceholderText(QCoreApplication.translate("RegisterDialog", u"YYYY-MM-DD, or 8 digits: 19900517", None))
        self.idNumberLabel.setText(QCoreApplication.translate("RegisterDialog", u"ID number", None))
        self.idNumberEdit.setPlaceholderText(QCoreApplication.translate("RegisterDialog", u"Optional, 18 characters; fills in the birthday", None))
        self.referrerLabel.setText(QCoreApplication.translate("RegisterDialog", u"Referred by", None))
        self.referrerEdit.setPlaceholderText(QCoreApplication.translate("RegisterDialog", u"Referrer's phone or member number", None))
        self.consentCheck.setText(QCoreApplication.translate("RegisterDialog", u"The member has read and agrees to the privacy notice", None))
    # retranslateUi

