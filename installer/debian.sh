#!/usr/bin/env bash
# Set up the member service desk on Debian 12+ / Ubuntu 24.04+ and run it or its tests.
#
#   bash installer/debian.sh run [ARGS...]   install what is missing, then start the desk (ARGS go to counter-app)
#   bash installer/debian.sh test [ARGS...]  install with the test tools, then run the whole test suite (ARGS go to pytest)
#   bash installer/debian.sh bundle [ARGS...] install with PyInstaller, then build dist/counter-app (ARGS go to installer/build.py, e.g. --smoke)
#
# Installs: the system libraries Qt and zbar need and a Chinese font (apt-get), a virtual
# environment in .venv, the project with its Python dependencies (pip), then builds the
# Designer forms and the .qm translations. Safe to run again: it only installs what is missing, so
# once installed it starts without a network (the stamp .venv/.counter-app-installed says what pip did).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
shift || true
case "$mode" in run | test | bundle) ;; *) echo "usage: bash installer/debian.sh run|test|bundle [ARGS...]" >&2; exit 2 ;; esac

sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)

# Qt's xcb and offscreen platforms, EGL/GL, fonts with Chinese (and DejaVu for what CJK fonts lack),
# zbar for the scanner, libusb for USB receipt printers.
packages=(
  ca-certificates libzbar0 libusb-1.0-0 fonts-noto-cjk fonts-dejavu-core fontconfig
  libegl1 libgl1 libglib2.0-0 libdbus-1-3 libfontconfig1 libfreetype6
  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
)
# PyInstaller reads the libraries' headers with objdump (binutils); the smoke run starts the bundle on X11 under Xvfb.
if [ "$mode" = bundle ]; then packages+=(binutils xvfb xauth); fi
# The real-window suite (tests/test_realwin_*.py): an X server, a window manager, real key events, window geometry.
if [ "$mode" = test ]; then packages+=(xvfb openbox xdotool x11-utils); fi
python=${PYTHON:-python3}
if ! command -v "$python" >/dev/null 2>&1 || ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  packages+=(python3 python3-venv python3-pip)
  python=python3
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  # Without --no-install-recommends, libzbar0 pulls in ImageMagick and Ghostscript.
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "The desk needs Python 3.11 or newer; $("$python" --version 2>&1) found. Set PYTHON=/path/to/python3.11 and run again." >&2
  exit 2
fi

if [ ! -x .venv/bin/python ]; then
  echo "Creating the virtual environment in .venv…"
  "$python" -m venv .venv
fi

# What pip installs depends only on pyproject.toml and the mode's extras (test and bundle bring more
# than run), so a stamp in .venv records each install: a start with nothing new needs no network.
case "$mode" in run) extras="" ;; test) extras="[test]" ;; bundle) extras="[bundle]" ;; esac
stamp=.venv/.counter-app-installed
version=$(sed -n 's/^version *= *"\(.*\)"/\1/p' pyproject.toml | head -n 1)
install_hash() { { cat pyproject.toml; echo "extras=$1"; } | sha256sum | cut -d' ' -f1; }
stamp_line() { echo "$1 $version $(install_hash "$2")"; }
installed() { [ -f "$stamp" ] && grep -qxF "$(stamp_line "$1" "$2")" "$stamp"; }

# The built files: a form for each Designer file and a .qm for each catalog, each newer than its source.
built() {
  local source
  for source in ui/*.ui; do
    [ -e "$source" ] || continue
    local form
    form="counter_app/gui/forms/ui_$(basename "$source" .ui).py"
    [ -f "$form" ] && ! [ "$form" -ot "$source" ] || return 1
  done
  for source in resources/translations/*.ts; do
    [ -e "$source" ] || continue
    local catalog=${source%.ts}.qm
    [ -f "$catalog" ] && ! [ "$catalog" -ot "$source" ] || return 1
  done
}

just_installed=no
if ! installed "$mode" "$extras"; then
  echo "Installing the desk's Python packages${extras:+ with $extras} (first start or pyproject.toml changed, a few minutes)…"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".$extras"
  # Keep what still holds for this pyproject.toml; test and bundle include everything run needs.
  lines=$(stamp_line "$mode" "$extras")
  if [ "$mode" != run ]; then lines+=$'\n'$(stamp_line run ""); fi
  for previous in test:'[test]' bundle:'[bundle]'; do
    if installed "${previous%%:*}" "${previous#*:}"; then
      lines+=$'\n'$(stamp_line "${previous%%:*}" "${previous#*:}")
    fi
  done
  printf '%s\n' "$lines" | sort -u >"$stamp.new"
  mv "$stamp.new" "$stamp"
  just_installed=yes
fi
if [ "$just_installed" = yes ] || ! built; then
  echo "Building forms and translations…"
  .venv/bin/python resources/build.py
fi

if [ "$mode" = test ]; then
  export QT_QPA_PLATFORM=offscreen
  # On every core (pytest-xdist); `-n 0` after `test` runs in one process, e.g. for --pdb.
  if [ "$#" -gt 0 ]; then
    exec .venv/bin/python -m pytest -n auto "$@"
  fi
  # The whole suite: the real-window tests alone, after the rest. They type at scanner speed into a real X
  # server, and the desk's wedge still tells a scan from typing by when keys arrive (issue 17 item 2 moves it
  # to the X events' own times): beside other tests on every core, a stall splits a scan.
  .venv/bin/python -m pytest -n auto -m "not realwin"
  exec .venv/bin/python -m pytest -n 0 -m realwin
fi
if [ "$mode" = bundle ]; then
  exec .venv/bin/python installer/build.py "$@"
fi
exec .venv/bin/counter-app "$@"
