"""What the server publishes to every counter through the change feed: the rules and the catalog."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import ValidationError
from sqlalchemy import delete, insert

from counter_app.domain.errors import DeskError
from counter_app.domain.rules import parse_rules
from sync.protocol import Catalog
from sync.server.schema import catalog, rules_versions
from sync.server.store import ServerStore, emit, set_meta, utc_now


class PublishError(Exception):
    pass


def publish_rules(store: ServerStore, text: str, now: dt.datetime | None = None) -> int:
    """Checked with the counters' own parser first: a rules file they would refuse never leaves. Each
    publication is kept with the moment it took effect: pushed operations are checked by the rules of their time."""
    try:
        rules = parse_rules(text)
    except DeskError as error:
        raise PublishError(error.message("en")) from None
    with store.write() as connection:
        set_meta(connection, "rules", text)
        connection.execute(
            insert(rules_versions).values(version=rules.version, text=text, effective_at=(now or utc_now()).isoformat())
        )
        return emit(connection, "rules", "rules", {"text": text})


def publish_catalog(store: ServerStore, document: Any) -> int:
    try:
        parsed = Catalog.model_validate(document)
    except ValidationError as error:
        first = error.errors()[0]
        raise PublishError(f"{'.'.join(map(str, first['loc']))}: {first['msg']}") from None
    seq = 0
    with store.write() as connection:
        for kind, items, key in (("gift", parsed.gifts, "sku"), ("coupon_type", parsed.coupon_types, "type_code")):
            for item in items:
                code = getattr(item, key)
                connection.execute(delete(catalog).where(catalog.c.kind == kind, catalog.c.code == code))
                connection.execute(insert(catalog).values(kind=kind, code=code, data=item.model_dump_json()))
                seq = emit(connection, kind, code, item.model_dump())
    return seq
