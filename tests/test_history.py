"""What changed: read from a real git history of a data folder, built in a temporary repo."""

from __future__ import annotations

import subprocess

from devplan.model.history import data_changes

HEADER = "indicator_id,year,value,status,source_id,note_th,note_en\n"


def commit(repo, text, date):
    (repo / "data" / "observations.csv").write_text(HEADER + text, encoding="utf-8")
    (repo / "data" / "targets.csv").write_text("indicator_id,year,value,source_id,note_th,note_en\n", encoding="utf-8")
    env = {"GIT_AUTHOR_DATE": f"{date}T12:00:00", "GIT_COMMITTER_DATE": f"{date}T12:00:00",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin"}
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "commit", "-qm", date], cwd=repo, check=True, env=env)


def test_added_revised_and_removed_values_newest_first(tmp_path):
    (tmp_path / "data").mkdir()
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    commit(tmp_path, "visitors,2023,100,preliminary,s,,\nvisitors,2024,110,preliminary,s,,\n", "2025-01-10")
    # 2023 revised (value and status), 2024 only re-typed (110.0 is the same number), 2025 added
    commit(tmp_path, "visitors,2023,105,revised,s,,\nvisitors,2024,110.0,preliminary,s,,\n"
                     "visitors,2025,120,preliminary,s,,\n", "2025-03-01")
    commit(tmp_path, "visitors,2023,105,revised,s,,\nvisitors,2025,120,preliminary,s,,\n", "2025-04-01")
    changes = data_changes(tmp_path / "data", "TH50")
    summary = [(c.date, c.indicator_id, c.year, c.kind, c.old_value, c.new_value, c.old_status, c.new_status)
               for c in changes]
    assert summary == [
        ("2025-04-01", "visitors", 2024, "removed", "110.0", None, "preliminary", None),
        ("2025-03-01", "visitors", 2025, "added", None, "120", None, "preliminary"),
        ("2025-03-01", "visitors", 2023, "revised", "100", "105", "preliminary", "revised"),
        ("2025-01-10", "visitors", 2024, "added", None, "110", None, "preliminary"),
        ("2025-01-10", "visitors", 2023, "added", None, "100", None, "preliminary"),
    ]


def test_outside_git_there_is_no_history(tmp_path):
    (tmp_path / "data").mkdir()
    assert data_changes(tmp_path / "data", "TH50") is None
