#!/usr/bin/env bash
# Installs code-server (VS Code in the browser) for the end-to-end tests,
# from the npm registry only (no GitHub downloads), into .cache/code-server/.
#
# Idempotent: a marker file records a finished install, so re-runs are instant.
# Needs: Node 20 with its headers (/usr/include/node) and npm; installs with apt-get
# (as root) whatever is missing of: ripgrep, libkrb5-dev, chromium, make, g++, python3.
set -euo pipefail

CS_VERSION="4.96.4"
PROXY_AGENT_VERSION="0.27.0"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="$ROOT/.cache/code-server"
PREFIX="$CACHE/prefix"
PKG="$PREFIX/node_modules/code-server"
VSC="$PKG/lib/vscode"
MARKER="$CACHE/.installed-$CS_VERSION"

log() { printf '[setup-code-server] %s\n' "$*"; }

SECONDS=0

# ---------------------------------------------------------------- node check
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [[ "$node_major" != "20" ]]; then
  log "ERROR: code-server $CS_VERSION needs Node 20 (found $(node --version))"
  exit 1
fi

# ---------------------------------------------------------- apt dependencies
need_pkgs=()
# node-gyp's toolchain, for the native modules
command -v make >/dev/null 2>&1 || need_pkgs+=(make)
command -v g++ >/dev/null 2>&1 || need_pkgs+=(g++)
command -v python3 >/dev/null 2>&1 || need_pkgs+=(python3)
command -v rg >/dev/null 2>&1 || need_pkgs+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_pkgs+=(libkrb5-dev)
[[ -x /usr/bin/chromium ]] || need_pkgs+=(chromium)
if ((${#need_pkgs[@]})); then
  log "apt-get install ${need_pkgs[*]}"
  if [[ "$(id -u)" != 0 ]]; then
    log "ERROR: need root to install ${need_pkgs[*]} (or install them first)"
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y "${need_pkgs[@]}"; then
    apt-get update
    apt-get install -y "${need_pkgs[@]}"
  fi
fi
RG="$(command -v rg)"

if [[ -f "$MARKER" && -f "$PKG/out/node/entry.js" ]]; then
  log "code-server $CS_VERSION already installed in $PKG"
  exit 0
fi


# Node headers for node-gyp (Debian/NodeSource node ships them in /usr/include/node).
if [[ -z "${npm_config_nodedir:-}" ]]; then
  node_root="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
  if [[ -f "$node_root/include/node/node.h" ]]; then
    export npm_config_nodedir="$node_root"
  else
    export npm_config_nodedir=/usr
  fi
fi
log "using node headers from $npm_config_nodedir"

# Keep npm quiet and offline-friendly.
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

# --------------------------------------------------------- 1. the package
rm -rf "$PREFIX"
mkdir -p "$PREFIX"
echo '{ "name": "code-server-e2e-cache", "private": true }' >"$PREFIX/package.json"
log "npm install code-server@$CS_VERSION --ignore-scripts"
(cd "$PREFIX" && npm install --no-save --ignore-scripts "code-server@$CS_VERSION")

# argon2's install script would first try a prebuilt binary from GitHub.
log "npm rebuild argon2 (from source)"
# (argon2 is hoisted to the prefix's node_modules, so rebuild from there.)
(cd "$PREFIX" && npm_config_build_from_source=true npm rebuild argon2)

# ------------------------------------------------ 2. VS Code's dependencies
# The only git dependency is @vscode/proxy-agent; the registry tarball of the
# same version has the same integrity hash, so use it instead of GitHub.
tarball="$(npm view "@vscode/proxy-agent@$PROXY_AGENT_VERSION" dist.tarball)"
if [[ -z "$tarball" ]]; then
  log "ERROR: could not resolve @vscode/proxy-agent@$PROXY_AGENT_VERSION tarball"
  exit 1
fi
log "pointing @vscode/proxy-agent at $tarball"
TARBALL="$tarball" VERSION="$PROXY_AGENT_VERSION" node -e '
  const fs = require("fs");
  const file = process.argv[1];
  const sw = JSON.parse(fs.readFileSync(file, "utf8"));
  const entry = sw.packages["node_modules/@vscode/proxy-agent"];
  if (!entry) throw new Error("no @vscode/proxy-agent in " + file);
  if (entry.version !== process.env.VERSION) throw new Error("unexpected proxy-agent version " + entry.version);
  entry.resolved = process.env.TARBALL;
  fs.writeFileSync(file, JSON.stringify(sw, null, 2) + "\n");
' "$VSC/npm-shrinkwrap.json"

log "npm install --omit=dev --ignore-scripts in lib/vscode"
(cd "$VSC" && npm install --omit=dev --ignore-scripts)

# @vscode/ripgrep's install script downloads rg from GitHub: use Debian's.
rg_dir="$VSC/node_modules/@vscode/ripgrep/bin"
mkdir -p "$rg_dir"
cp "$RG" "$rg_dir/rg"
chmod +x "$rg_dir/rg"

log "npm rebuild native modules in lib/vscode"
(cd "$VSC" && npm rebuild @parcel/watcher @vscode/spdlog kerberos native-watchdog node-pty @vscode/deviceid)

# ------------------------- 3. the rest of code-server's postinstall.sh, by hand
(
  cd "$VSC"
  rm -rf node_modules.asar
  ln -s node_modules node_modules.asar
  (cd bin/remote-cli && rm -rf code-server && ln -s code-linux.sh code-server)
  (cd bin/helpers && rm -rf browser.sh && ln -s browser-linux.sh browser.sh)
)
log "npm install --omit=dev in lib/vscode/extensions"
# (its postinstall prunes typescript file by file: keep that list in a log)
if ! (cd "$VSC/extensions" && npm install --omit=dev) >"$CACHE/extensions-install.log" 2>&1; then
  cat "$CACHE/extensions-install.log"
  exit 1
fi

# --------------------------------------------------------------- 4. verify
for f in \
  "$VSC/node_modules/@vscode/ripgrep/bin/rg" \
  "$VSC/node_modules/@vscode/proxy-agent/package.json" \
  "$VSC/node_modules.asar" \
  "$VSC/extensions/node_modules/typescript/package.json"; do
  [[ -e "$f" ]] || { log "ERROR: missing $f"; exit 1; }
done
# Every native module must load in this node.
(cd "$PKG" && node -e 'require("argon2")') || { log "ERROR: argon2 does not load"; exit 1; }
for m in @parcel/watcher @vscode/spdlog kerberos native-watchdog node-pty @vscode/deviceid; do
  (cd "$VSC" && node -e 'require(process.argv[1])' "$m") || { log "ERROR: native module $m does not load"; exit 1; }
done
# (with throw-away XDG dirs: code-server writes a default config on any start)
tmp_xdg="$(mktemp -d)"
version="$(XDG_CONFIG_HOME="$tmp_xdg" XDG_DATA_HOME="$tmp_xdg" node "$PKG/out/node/entry.js" --version | grep -E '^[0-9]+\.' | head -n1 || true)"
rm -rf "$tmp_xdg"
log "installed: code-server $version"
case "$version" in
  "$CS_VERSION"*) ;;
  *) log "ERROR: unexpected version output"; exit 1 ;;
esac

rm -f "$CACHE"/.installed-*
date -u +%FT%TZ >"$MARKER"
log "done in ${SECONDS}s ($(du -sh "$CACHE" | cut -f1))"
