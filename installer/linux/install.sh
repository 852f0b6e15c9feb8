#!/usr/bin/env bash
# Install the desk's Linux bundle on a counter PC: the program, its menu entry and its icon.
#
#   sudo ./install.sh [BUNDLE_DIR]            for every user: /opt/counter-app, /usr/share/applications, /usr/local/bin
#   ./install.sh [--user] [BUNDLE_DIR]        without root (or with --user), for this user: ~/.local/opt/counter-app, ~/.local/share, ~/.local/bin
#   [sudo] ./install.sh --uninstall           remove the program again (the members' data stays, see below)
#
# BUNDLE_DIR is the folder installer/build.py makes (dist/counter-app); by default the folder this script
# is in when it was copied there by the build, else dist/counter-app of the checkout it belongs to.
# The desk's data (store, key file, settings, logs) lives in the user's data folder,
# ~/.local/share/counter-app, or where COUNTER_DATA_DIR points; installing and uninstalling never touch it.
# The PC needs a Chinese font (Debian/Ubuntu: fonts-noto-cjk) and Qt's X11 libraries (installer/debian.sh lists them).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
uninstall=0
per_user=0
bundle=
for arg in "$@"; do
  case "$arg" in
    --uninstall) uninstall=1 ;;
    --user) per_user=1 ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    -*) echo "install.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
    *) bundle=$arg ;;
  esac
done

if [ "$(id -u)" -eq 0 ] && [ "$per_user" -eq 0 ]; then
  program_dir=/opt/counter-app
  share=/usr/share
  bin_dir=/usr/local/bin
else
  program_dir=$HOME/.local/opt/counter-app
  share=${XDG_DATA_HOME:-$HOME/.local/share}
  bin_dir=$HOME/.local/bin
fi
desktop_file=$share/applications/counter-app.desktop
icons=$share/icons/hicolor

refresh_menus() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$icons" || true
}

if [ "$uninstall" -eq 1 ]; then
  rm -rf "$program_dir"
  rm -f "$desktop_file" "$icons/256x256/apps/counter-app.png" "$icons/scalable/apps/counter-app.svg"
  [ -L "$bin_dir/counter-app" ] && rm -f "$bin_dir/counter-app"
  refresh_menus
  echo "Removed the desk from $program_dir. Its data (~/.local/share/counter-app of each user) was kept."
  exit 0
fi

if [ -z "$bundle" ]; then
  if [ -x "$here/counter-app" ]; then
    bundle=$here
  else
    bundle=$here/../../dist/counter-app
  fi
fi
if [ ! -x "$bundle/counter-app" ] || [ ! -d "$bundle/_internal" ]; then
  echo "install.sh: no bundle in $bundle: build it first (python installer/build.py) or name its folder." >&2
  exit 2
fi
bundle=$(cd "$bundle" && pwd)
resources=$bundle/_internal/resources
entry=$here/counter-app.desktop
[ -f "$entry" ] || entry=$bundle/counter-app.desktop

# Copy beside the old program, then swap: a failed copy leaves the installed desk as it was.
mkdir -p "$(dirname "$program_dir")"
if [ "$bundle" != "$program_dir" ]; then
  rm -rf "$program_dir.new"
  cp -a "$bundle" "$program_dir.new"
  rm -rf "$program_dir.old"
  [ -d "$program_dir" ] && mv "$program_dir" "$program_dir.old"
  mv "$program_dir.new" "$program_dir"
  rm -rf "$program_dir.old"
fi

mkdir -p "$share/applications" "$icons/256x256/apps" "$icons/scalable/apps" "$bin_dir"
sed "s|^Exec=.*|Exec=$program_dir/counter-app|" "$entry" >"$desktop_file"
chmod 644 "$desktop_file"
install -m 644 "$resources/icons/counter-app.png" "$icons/256x256/apps/counter-app.png"
install -m 644 "$resources/icons/counter-app.svg" "$icons/scalable/apps/counter-app.svg"
ln -sfn "$program_dir/counter-app" "$bin_dir/counter-app"
refresh_menus

echo "Installed the desk in $program_dir (menu: 会员服务台 / Member Service Desk; command: $bin_dir/counter-app)."
