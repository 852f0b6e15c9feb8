"""Staff roles and what each may do: the one permission table the services enforce."""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass

from counter_app.domain.errors import DeskError, FieldError
from counter_app.i18n import QT_TRANSLATE_NOOP


class Role(enum.StrEnum):
    """A staff member's role, least trusted first; the value is what the store and the wire carry."""

    CASHIER = "cashier"
    CLERK = "clerk"
    MANAGER = "manager"
    ADMIN = "admin"


ROLES = tuple(role.value for role in Role)
ROLE_LABELS: dict[str, str] = {  # in the "Roles" context
    Role.CASHIER: QT_TRANSLATE_NOOP("Roles", "Cashier"),
    Role.CLERK: QT_TRANSLATE_NOOP("Roles", "Clerk"),
    Role.MANAGER: QT_TRANSLATE_NOOP("Roles", "Manager"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Roles", "Administrator"),
}
LOCKOUT_ATTEMPTS = 5
LOCKOUT_MINUTES = 5
_STAFF_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,19}$")


class Permission(enum.Enum):
    LOOKUP = "lookup"
    EARN = "earn"
    WRITE_OFF_COUPON = "write_off_coupon"
    REGISTER = "register"
    EDIT_MEMBER = "edit_member"
    REDEEM = "redeem"
    COMPLAINT_INTAKE = "complaint_intake"
    APPROVE = "approve"
    COMPENSATE = "compensate"
    VOID = "void"
    MERGE_MEMBERS = "merge_members"
    REVEAL_PERSONAL_DATA = "reveal_personal_data"
    EXPORT_MEMBER_DATA = "export_member_data"
    ERASE_MEMBER = "erase_member"
    REPORTS = "reports"
    AUDIT = "audit"
    MANAGE_STAFF = "manage_staff"
    SETTINGS = "settings"
    RULES = "rules"
    DEMO_DATA = "demo_data"
    KEY_BACKUP = "key_backup"


_CASHIER = {Permission.LOOKUP, Permission.EARN, Permission.WRITE_OFF_COUPON}
_CLERK = _CASHIER | {Permission.REGISTER, Permission.EDIT_MEMBER, Permission.REDEEM, Permission.COMPLAINT_INTAKE}
_MANAGER = _CLERK | {
    Permission.APPROVE,
    Permission.COMPENSATE,
    Permission.VOID,
    Permission.MERGE_MEMBERS,
    Permission.REVEAL_PERSONAL_DATA,
    Permission.EXPORT_MEMBER_DATA,
    Permission.ERASE_MEMBER,
    Permission.REPORTS,
    Permission.AUDIT,
}
_ADMIN = _MANAGER | {
    Permission.MANAGE_STAFF,
    Permission.SETTINGS,
    Permission.RULES,
    Permission.DEMO_DATA,
    Permission.KEY_BACKUP,
}
ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    "cashier": frozenset(_CASHIER),
    "clerk": frozenset(_CLERK),
    "manager": frozenset(_MANAGER),
    "admin": frozenset(_ADMIN),
}


def may(role: str, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS.get(role, frozenset())


@dataclass(frozen=True)
class Actor:
    """Who does an operation; `authorized_by` is the manager who approved it on the spot, if any."""

    staff_id: str
    name: str
    role: str
    authorized_by: str | None = None
    authorizer_role: str | None = None

    def may(self, permission: Permission) -> bool:
        if may(self.role, permission):
            return True
        return self.authorizer_role is not None and may(self.authorizer_role, permission)


class NotPermitted(DeskError):
    exit_code = 6


class NeedsManager(NotPermitted):
    """Refused for this role, but a manager may authorise it on the spot (or it may be parked)."""


class HeldForApproval(DeskError):
    """Parked in the manager's queue; nothing is applied until a manager approves."""

    exit_code = 3


def normalize_staff_id(text: str) -> str:
    staff_id = unicodedata.normalize("NFKC", text or "").strip()
    if not _STAFF_ID.match(staff_id):
        raise FieldError(
            QT_TRANSLATE_NOOP(
                "Errors", "A staff ID is 2 to 20 letters, digits, dots, dashes or underscores, e.g. S012."
            )
        )
    return staff_id.upper()


def check_pin(pin: str) -> str:
    """A PIN of 4 to 12 digits, or a password of 8 to 64 characters."""
    pin = pin or ""
    if pin.isdigit() and pin.isascii():
        if not 4 <= len(pin) <= 12:
            raise FieldError(QT_TRANSLATE_NOOP("Errors", "A PIN has 4 to 12 digits."))
        if len(set(pin)) == 1 or pin in "0123456789012" or pin in "9876543210":
            raise FieldError(
                QT_TRANSLATE_NOOP("Errors", "That PIN is too easy to guess (all one digit, or a run); choose another.")
            )
        return pin
    if not 8 <= len(pin) <= 64:
        raise FieldError(
            QT_TRANSLATE_NOOP("Errors", "Use a PIN of 4 to 12 digits, or a password of 8 to 64 characters.")
        )
    return pin


def check_role(role: str) -> str:
    if role not in ROLES:
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "The role is one of: cashier, clerk, manager, admin."))
    return role
