"""Errors a clerk can see: each carries a translatable sentence that says what to do next."""

from __future__ import annotations

from counter_app.i18n import QT_TRANSLATE_NOOP, translate


class DeskError(Exception):
    """Base of every error meant for the person at the desk (never a traceback)."""

    exit_code = 1
    context = "Errors"

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(self.message("en"))

    def message(self, language: str | None = None) -> str:
        text = translate(self.context, self.template, language)
        return text.format(**{k: _render(v, language) for k, v in self.params.items()})


def _render(value: object, language: str | None) -> object:
    if isinstance(value, DeskError):
        return value.message(language)
    return value


class InvalidInput(DeskError):
    """The input cannot be used as given; `fields` maps a form field to its own error."""

    exit_code = 2

    def __init__(self, template: str, fields: dict[str, DeskError] | None = None, **params: object) -> None:
        self.fields = dict(fields or {})
        super().__init__(template, **params)


class FieldError(InvalidInput):
    """One field is wrong; raised by the validators and collected into an InvalidInput."""


class NotFound(DeskError):
    exit_code = 4


class Conflict(DeskError):
    exit_code = 5


class StoreUnavailable(DeskError):
    """The local store cannot be opened or written as it is: read-only, damaged, too new."""

    exit_code = 2


def form_invalid(fields: dict[str, DeskError]) -> InvalidInput:
    if len(fields) == 1:
        (field_error,) = fields.values()
        return InvalidInput(field_error.template, fields=fields, **field_error.params)
    return InvalidInput(
        QT_TRANSLATE_NOOP("Errors", "{count} fields need correcting: {first}"),
        fields=fields,
        count=len(fields),
        first=next(iter(fields.values())),
    )
