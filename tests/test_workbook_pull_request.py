"""The workbook-upload workflow's own steps (their `run:` scripts, read from
.github/workflows/workbook.yml) run locally on a fixture repository: a copy of this project
with the tiny package as its data, a pull request's branch holding an uploaded workbook, a
local bare repository as GitHub, and a stand-in `gh` that keeps the comment it is given.
A valid upload gives the comment and a commit of the converted CSV files without the
upload; an invalid one gives the located problems and no commit."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
import yaml
from support import FIXTURES, ROOT, copy_package

from devplan.edit.workbook import make_workbook

STEPS = {step["name"]: step for step in yaml.safe_load(
    (ROOT / ".github" / "workflows" / "workbook.yml").read_text(encoding="utf-8"))["jobs"]["convert"]["steps"]}
COPIED = ["hooks", "scripts", "labels", "docs", "overrides", "Makefile", "mkdocs.yml", "mkdocs.en.yml",
          "requirements.txt", "requirements-dev.txt", "package.json", "package-lock.json"]
GH = """#!/bin/sh
# Stand-in for GitHub's CLI: keeps the comment's body.
while [ $# -gt 0 ]; do [ "$1" = --body-file ] && cp "$2" "$GH_COMMENT"; shift; done
"""
OBSERVATIONS = "ค่าที่วัดได้ (observations)"


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repository(tmp_path) -> Path:
    """The project with the tiny package as data/, on a branch whose last commit uploads a workbook."""
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in COPIED:
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, repo / name)
    for name in ("requirements.txt", "requirements-dev.txt", "package.json", "package-lock.json"):
        os.utime(repo / name, (0, 0))  # older than the shared installs: `make` never remakes them here
    for name in (".venv", "node_modules"):  # shared installs, never remade here
        (repo / name).symlink_to(ROOT / name)
    copy_package(FIXTURES / "tiny", repo / "data")
    (repo / "upload").mkdir()
    shutil.copy(ROOT / "upload" / "README.md", repo / "upload" / "README.md")
    (repo / ".gitignore").write_text("/.venv\n/node_modules\n/site/\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "start")
    git(tmp_path, "init", "-q", "--bare", "github.git")
    git(repo, "remote", "add", "origin", str(tmp_path / "github.git"))
    git(repo, "checkout", "-q", "-b", "upload-workbook")
    (repo / "upload" / "workbook.xlsx").write_bytes(make_workbook(repo / "data"))
    return repo


def upload(repo: Path, change) -> None:
    """The maintainer's edit, saved, committed and pushed as GitHub's upload page does."""
    path = repo / "upload" / "workbook.xlsx"
    book = openpyxl.load_workbook(path)
    change(book[OBSERVATIONS])
    book.save(path)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Upload workbook")
    git(repo, "push", "-q", "origin", "upload-workbook")


def run_step(repo: Path, name: str, runner: Path, **env) -> subprocess.CompletedProcess:
    step = STEPS[name]
    values = {**os.environ, "RUNNER_TEMP": str(runner), "GITHUB_OUTPUT": str(runner / "output"),
              "GITHUB_STEP_SUMMARY": str(runner / "summary.md"), "PATH": f"{runner / 'bin'}:{os.environ['PATH']}",
              "GH_COMMENT": str(runner / "comment-posted.md"),
              # `make check` on the fixture runs every step but the tests (this is one of them)
              "PYTEST": "true", **env}
    return subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=values, capture_output=True, text=True)


def outputs(runner: Path) -> dict[str, str]:
    path = runner / "output"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return dict(line.split("=", 1) for line in lines)


@pytest.fixture
def runner(tmp_path) -> Path:
    folder = tmp_path / "runner"
    (folder / "bin").mkdir(parents=True)
    (folder / "bin" / "gh").write_text(GH, encoding="utf-8")
    (folder / "bin" / "gh").chmod(0o755)
    return folder


def answer(repo: Path, runner: Path, checks: str, commit: str) -> str:
    result = run_step(repo, "Answer in the pull request", runner, CHECKS=checks, COMMIT=commit, NUMBER="7",
                      SAME_REPOSITORY="true", GH_TOKEN="test", GH_REPO="owner/repo")
    assert result.returncode == 0, result.stderr
    return (runner / "comment-posted.md").read_text(encoding="utf-8")


def shown(markdown: str) -> str:
    """The comment as GitHub shows it, near enough: Markdown's escapes removed."""
    return markdown.replace("\\", "")


def test_a_valid_upload_is_committed_as_csv_files_and_answered(repository, runner):
    def change(sheet):
        sheet["C4"] = 1000500
        sheet.append(["pm25", 2024, 27.5, "preliminary", "test-source", None, None, None, None, "TH50"])

    upload(repository, change)
    before = (repository / "data" / "observations.csv").read_text(encoding="utf-8").splitlines()
    convert = run_step(repository, "Convert the uploaded workbook", runner)
    assert convert.returncode == 0, convert.stdout + convert.stderr
    assert outputs(runner) == {"found": "true"}
    check = run_step(repository, "Validate, build strictly and run every test on the converted files (make check)",
                     runner)
    assert check.returncode == 0, check.stdout[-2000:] + check.stderr[-2000:]
    commit = run_step(repository, "Commit the converted CSV files to the pull request's branch", runner,
                      BRANCH="upload-workbook", TOKEN="not-a-real-token")
    assert commit.returncode == 0, commit.stderr
    sha = outputs(runner)["sha"]
    # The branch on "GitHub" now holds the converted files and no upload.
    remote = repository.parent / "github.git"
    assert git(remote, "rev-parse", "upload-workbook").strip() == sha
    assert git(remote, "ls-tree", "--name-only", sha, "upload/").split() == ["upload/README.md"]
    after = git(remote, "show", f"{sha}:data/observations.csv").splitlines()
    assert [line for line in after if line not in before] == ["visitors,2023,1000500,final,test-source,,,,,TH50,",
                                                              "pm25,2024,27.5,preliminary,test-source,,,,,TH50,"]
    assert git(remote, "diff", "--name-only", f"{sha}~1", sha).split() == ["data/observations.csv",
                                                                          "upload/workbook.xlsx"]
    markdown = answer(repository, runner, "success", sha)
    comment = shown(markdown)
    assert comment.index("### ผลการนำเข้าสมุดงาน") < comment.index("### Workbook import")
    assert f"commit {sha[:7]}" in comment and f"({sha[:7]})" in comment
    assert "จำนวนนักท่องเที่ยว ปี 2566: ปรับจาก 1,000,000 คน เป็น 1,000,500 คน" in comment
    assert "Visitors, 2023: revised from 1,000,000 people to 1,000,500 people" in comment
    assert markdown in (runner / "summary.md").read_text(encoding="utf-8")


def test_an_invalid_upload_is_answered_with_located_problems_and_nothing_committed(repository, runner):
    upload(repository, lambda sheet: sheet.__setitem__("B5", 2567))
    head = git(repository, "rev-parse", "HEAD")
    convert = run_step(repository, "Convert the uploaded workbook", runner)
    assert convert.returncode == 1 and outputs(runner) == {"found": "true"}
    assert git(repository, "status", "--porcelain") == ""  # nothing written, the upload kept
    # The workflow stops here: make check and the commit run only after a successful conversion.
    comment = shown(answer(repository, runner, "skipped", ""))
    assert f"**ชีต {OBSERVATIONS} เซลล์ B5** (data/observations" in comment
    assert f"**sheet {OBSERVATIONS} cell B5** (data/observations" in comment
    assert "2567 น่าจะเป็นปี พ" in comment and "write 2024" in comment
    assert git(repository.parent / "github.git", "rev-parse", "upload-workbook") == head


def test_a_change_to_the_folder_without_a_workbook_does_nothing(repository, runner):
    (repository / "upload" / "workbook.xlsx").unlink()
    convert = run_step(repository, "Convert the uploaded workbook", runner)
    assert convert.returncode == 0 and outputs(runner) == {}
