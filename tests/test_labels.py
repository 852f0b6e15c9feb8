"""Each closed set of codes has one table of labels, complete, and translated in every catalog."""

from __future__ import annotations

import enum
import importlib
import inspect
import pkgutil
import xml.etree.ElementTree as ET
from collections.abc import Mapping

import pytest

import counter_app.domain
from counter_app import i18n
from counter_app.domain import complaints, ledger, member_events, presence, queue, receipts, staff, tiers
from counter_app.domain.languages import LANGUAGE_NAMES, Language
from tests.conftest import ROOT

# (the closed set, its one table of labels, the catalog context the labels are translated in)
LABELLED: list[tuple[type[enum.StrEnum], Mapping[str, str], str]] = [
    (tiers.Tier, tiers.TIER_LABELS, "Tiers"),
    (staff.Role, staff.ROLE_LABELS, "Roles"),
    (ledger.LedgerKind, ledger.KIND_LABELS, "PointsKinds"),
    (complaints.Category, complaints.CATEGORIES, "Complaints"),
    (complaints.Severity, complaints.SEVERITIES, "Complaints"),
    (complaints.RootCause, complaints.ROOT_CAUSES, "Complaints"),
    (complaints.State, complaints.STATES, "Complaints"),
    (complaints.EventKind, complaints.EVENT_LABELS, "Complaints"),
    (complaints.CompensationKind, complaints.COMPENSATION_KINDS, "Complaints"),
    (complaints.SlaStatus, complaints.SLA_LABELS, "Complaints"),
    (complaints.CompensationStatus, complaints.COMPENSATION_STATUSES, "Complaints"),
    (member_events.EventState, member_events.EVENT_STATE_LABELS, "MemberEvents"),
    (receipts.ReceiptKind, receipts.KIND_TITLES, "Receipts"),
    (receipts.JobStatus, receipts.JOB_STATUS_LABELS, "PrintJobsModel"),
    (queue.QueueKind, queue.QUEUE_KIND_LABELS, "ManagerQueueModel"),
    (presence.ProofKind, presence.PROOF_LABELS, "Presence"),
]
# Closed sets whose labels are deliberately never translated.
UNTRANSLATED: list[tuple[type[enum.StrEnum], Mapping[str, str]]] = [(Language, LANGUAGE_NAMES)]


def _finished(language: str) -> dict[tuple[str, str], str]:
    root = ET.parse(ROOT / "resources" / "translations" / f"counter_app_{language}.ts").getroot()
    return {
        (context.findtext("name", ""), message.findtext("source", "")): translation.text
        for context in root.iter("context")
        for message in context.iter("message")
        if (translation := message.find("translation")) is not None
        and translation.get("type") not in ("unfinished", "vanished", "obsolete")
        and translation.text
    }


def _domain_enums() -> set[type[enum.StrEnum]]:
    found = set()
    for module_info in pkgutil.iter_modules(counter_app.domain.__path__):
        module = importlib.import_module(f"counter_app.domain.{module_info.name}")
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, enum.StrEnum) and value.__module__ == module.__name__:
                found.add(value)
    return found


def test_every_closed_set_of_the_domain_has_a_table_of_labels():
    listed = {kind for kind, _, _ in LABELLED} | {kind for kind, _ in UNTRANSLATED}
    assert _domain_enums() <= listed, "add the new enum and its labels to LABELLED in tests/test_labels.py"


@pytest.mark.parametrize(
    ("kind", "labels"),
    [(kind, labels) for kind, labels, _ in LABELLED] + UNTRANSLATED,
    ids=[kind.__name__ for kind, *_ in LABELLED + UNTRANSLATED],
)
def test_every_member_has_a_label_and_every_label_a_member(kind, labels):
    assert set(labels) == {member.value for member in kind}, kind.__name__
    assert all(isinstance(label, str) and label for label in labels.values()), kind.__name__


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_label_has_a_finished_translation(language):
    catalog = _finished(language)
    missing = [
        (context, labels[member])
        for kind, labels, context in LABELLED
        for member in kind
        if (context, labels[member]) not in catalog
    ]
    assert missing == [], f"{language}: no finished translation for {missing[:5]}"


def test_the_stored_codes_stay_what_the_store_and_the_wire_hold():
    assert tiers.TIERS == ("regular", "silver", "gold", "diamond")
    assert staff.ROLES == ("cashier", "clerk", "manager", "admin")
    assert [kind.value for kind in ledger.LedgerKind] == [
        "earn",
        "cash",
        "redeem-gift",
        "redeem-coupon",
        "expire",
        "gift-in",
        "gift-out",
        "birthday",
        "referral",
        "reversal",
        "adjust",
        "activity",
        "compensation",
    ]
    assert (
        "opened",
        *complaints.MOVES,
        "note",
        "assigned",
        "compensation_requested",
        "compensation_decided",
    ) == complaints.EVENT_KINDS
    assert set(complaints.TRANSITIONS) == set(complaints.STATES)
    assert i18n.LANGUAGES == ("zh_CN", "en")
    assert receipts.RECEIPT_KINDS == (
        "registration",
        "earn",
        "gift",
        "coupon",
        "cash",
        "write_off",
        "points_gift",
        "void",
        "complaint",
        "day_summary",
        "test",
    )
    assert [status.value for status in receipts.JobStatus] == ["queued", "printing", "printed", "cancelled"]
    assert [kind.value for kind in queue.QueueKind] == ["approval", "compensation", "review"]
    assert all(
        type(code) is str
        for code in (*tiers.TIERS, *staff.ROLES, *i18n.LANGUAGES, *complaints.EVENT_KINDS, *receipts.RECEIPT_KINDS)
    )
