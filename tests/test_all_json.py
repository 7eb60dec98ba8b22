"""all.json's rows: encoded row by row, yet the same text as the whole package indented by
json (one row = a flat record of single values: text, numbers, dates, empty cells)."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given
from hypothesis import strategies as st

from devplan.publish.downloads import _dumps, _row_json

cell = st.one_of(st.none(), st.booleans(), st.integers(-10**15, 10**15),
                 st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=20),
                 st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)))
row = st.dictionaries(st.text(min_size=1, max_size=12), cell, max_size=8)


@given(row)
def test_a_row_reads_as_the_indented_whole_would(record):
    whole = _dumps({k: v.isoformat() if isinstance(v, dt.date) else v for k, v in record.items()})
    assert _row_json(record) == whole.replace("\n", "\n   ")
    assert json.loads(_row_json(record)) == json.loads(whole)
