#!/usr/bin/env bash
# Installs Debian's LibreOffice Calc without its desktop parts, and a Thai font for it to draw
# Thai with (needs root, as in CI): the workbook tests re-save workbooks with it, as a
# maintainer's spreadsheet program would, and the guide's pictures of the workbook are drawn by it.
set -euo pipefail
if command -v soffice >/dev/null && fc-list :lang=th family 2>/dev/null | grep -q .; then exit 0; fi
packages="libreoffice-calc-nogui fonts-tlwg-loma-ttf fontconfig"
if [ "$(id -u)" != 0 ]; then
  echo "LibreOffice or a Thai font is missing: run 'sudo apt-get install $packages' (Debian/Ubuntu), then make test again." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $packages >/dev/null
