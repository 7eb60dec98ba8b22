"""topics.csv (the home page's doors by topic) is read like every table: never through a
link, and a file saved in the wrong encoding is a located problem, not a traceback."""

from __future__ import annotations

from devplan.check.rules import topic_rows


def test_a_linked_topics_file_is_refused_and_never_read(tmp_path):
    outside = tmp_path / "secret.csv"
    outside.write_text("topic_id,title_th,title_en,indicators\nx,SECRET,SECRET,visitors\n", encoding="utf-8")
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "topics.csv").symlink_to(outside)
    problems = topic_rows(package, {"visitors"})[1]
    assert [p.code for p in problems] == ["unsafe-file"]
    assert all("SECRET" not in str(p) for p in problems)


def test_a_topics_file_saved_as_windows_874_is_a_problem_not_a_crash(tmp_path):
    (tmp_path / "topics.csv").write_bytes("topic_id,title_th,title_en,indicators\nhaze,หมอกควัน,Haze,visitors\n".encode("cp874"))
    problems = topic_rows(tmp_path, {"visitors"})[1]
    assert [p.code for p in problems] == ["not-utf8"]
    assert problems[0].file.endswith("topics.csv") and problems[0].message_th
