"""The plain records every part of the model shares: texts in each language and a source."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


class Texts:
    """Gives a text field in a language the package has no column for (`name_xx` on a site
    in a third language) in English, until the package carries that language's columns."""

    def __getattr__(self, name: str):  # only reached when no such field exists
        stem, _, lang = name.rpartition("_")
        if stem and lang not in ("th", "en") and len(lang) in (2, 3) and lang.isalpha():
            return getattr(self, f"{stem}_en")
        raise AttributeError(name)


@dataclass
class Source(Texts):
    source_id: str
    title_th: str
    title_en: str
    publisher_th: str
    publisher_en: str
    url: str | None  # where the figures were read: the publisher's page, or a copy of it
    document: str | None
    accessed: dt.date
    licence_th: str
    licence_en: str
    note: str | None = None
    publisher_url: str | None = None  # the publisher's own page, when url is someone else's copy

    @property
    def page(self) -> str | None:
        """The address to cite first: the publisher's own page, else where it was read."""
        return self.publisher_url or self.url

    @property
    def read_from(self) -> str | None:
        """The copy the figures were read from, when it is not the publisher's own page."""
        return self.url if self.publisher_url else None
