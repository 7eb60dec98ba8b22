#!/usr/bin/env bash
# Installs Debian's LibreOffice Calc without its desktop parts (needs root, as in CI): the
# workbook tests re-save workbooks with it, as a maintainer's spreadsheet program would.
set -euo pipefail
if command -v soffice >/dev/null; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "LibreOffice is missing: run 'sudo apt-get install libreoffice-calc-nogui' (Debian/Ubuntu), then make test again." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
