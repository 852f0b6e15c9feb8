"""The languages the desk speaks, each named in its own words."""

from __future__ import annotations

import enum


class Language(enum.StrEnum):
    """A catalog the desk ships; the value is the locale name in settings and in the catalogs' file names."""

    ZH_CN = "zh_CN"
    EN = "en"


# Each language in its own words, whatever language the desk shows: never translated, so a
# reader who cannot read the current one still finds their own.
LANGUAGE_NAMES: dict[str, str] = {
    Language.ZH_CN: "简体中文",
    Language.EN: "English",
}
