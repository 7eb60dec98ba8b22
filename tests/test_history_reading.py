"""The what-changed history skips committed versions it cannot read or that could never
have been published, instead of failing every later build."""

from __future__ import annotations

import subprocess

import pytest
from devplan.model.history import data_changes
from test_history import HEADER

ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
       "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin"}
GOOD = "visitors,2023,100,final,s,,\n"
FIXED = "visitors,2023,105,revised,s,,ตัวเลขปรับปรุง,\n"


def commit(repo, raw: bytes, date):
    (repo / "data").mkdir(exist_ok=True)
    (repo / "data" / "observations.csv").write_bytes(raw)
    (repo / "data" / "targets.csv").write_text("indicator_id,year,value,source_id,note_th,note_en\n", encoding="utf-8")
    env = {**ENV, "GIT_AUTHOR_DATE": f"{date}T12:00:00", "GIT_COMMITTER_DATE": f"{date}T12:00:00"}
    if not (repo / ".git").exists():
        subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "commit", "-qm", date], cwd=repo, check=True, env=env)


BROKEN = {
    "windows-874 excel file": (HEADER + "visitors,2023,104,revised,s,ตัวเลขปรับปรุง,\n").encode("cp874"),
    "cell over the csv size limit": (HEADER + "visitors,2023,104,revised,s," + "ก" * 140_000 + ",\n").encode(),
    "value the validator refuses": (HEADER + "visitors,2023,1e309,revised,s,,\n").encode(),
    "thai digits": (HEADER + "visitors,๒๐๒๓,104,revised,s,,\n").encode(),
    "not csv at all": b'"unclosed\n',
    # Versions that never validated reached the changes page and broke both feeds:
    "number-too-large": (HEADER + "visitors,2023,99999999999999999999999,revised,s,,\n").encode(),
    "script-as-status": (HEADER + "visitors,2023,104,<script>,s,,\n").encode(),
    "control-character-in-a-status": (HEADER + "visitors,2023,104,revised\x01,s,,\n").encode(),
    "control-character-in-an-id": (HEADER + "visi\x0btors,2023,104,revised,s,,\n").encode(),
    "noncharacter-in-an-id": (HEADER + "visitors\uffff,2023,104,revised,s,,\n").encode(),
    "year-out-of-range": (HEADER + "visitors,9999,104,revised,s,,\n").encode(),
}


@pytest.mark.parametrize("raw", BROKEN.values(), ids=BROKEN.keys())
def test_unreadable_version_is_skipped_and_later_ones_still_count(tmp_path, raw):
    commit(tmp_path, (HEADER + GOOD).encode(), "2025-01-10")
    commit(tmp_path, raw, "2025-02-01")  # what a maintainer committed by mistake...
    commit(tmp_path, (HEADER + FIXED).encode(), "2025-02-02")  # ...and fixed as the validator advised
    summary = [(c.date, c.year, c.kind, c.old_value, c.new_value) for c in data_changes(tmp_path / "data", "TH50")]
    assert summary == [("2025-02-02", 2023, "revised", "100", "105"), ("2025-01-10", 2023, "added", None, "100")]


def test_a_commit_dated_in_the_future_dates_the_feed_only_until_the_next(tmp_path):
    """A computer whose clock said 2099 made a commit: its date is held to the commits made
    after it, so the feed and the changes page move on with the next commit."""
    commit(tmp_path, (HEADER + GOOD).encode(), "2025-01-10")
    commit(tmp_path, (HEADER + "visitors,2023,104,revised,s,,\n").encode(), "2099-01-01")
    assert [c.date for c in data_changes(tmp_path / "data", "TH50")] == ["2099-01-01", "2025-01-10"]  # HEAD: all we know
    commit(tmp_path, (HEADER + FIXED).encode(), "2025-02-02")
    assert [c.date for c in data_changes(tmp_path / "data", "TH50")] == ["2025-02-02", "2025-02-02", "2025-01-10"]
