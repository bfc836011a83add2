#!/usr/bin/env bash
# Installs everything the explorer needs to build and test, idempotently.
# Fast when everything is present: each step checks first and prints what it does.
#
#   scripts/setup.sh            # build tools (wasm32 target, trunk, wasm-bindgen-cli, wasm-opt)
#   scripts/setup.sh --browser  # ... plus Chromium and chromedriver for browser tests
#
# Pinned versions live here and in Trunk.toml / Cargo.toml; keep them in step.
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen crate pinned in Cargo.toml
BINARYEN_VERSION=132           # npm package; Debian's binaryen 108 cannot read rustc 1.95 output
TOOLS_DIR="${ARCHIVE_TOOLS_DIR:-$HOME/.cache/archive-explorer-tools}"

want_browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
    *) echo "setup: unknown argument '$arg'" >&2; exit 2 ;;
  esac
done

say() { echo "setup: $*"; }
die() { echo "setup: ERROR: $*" >&2; exit 1; }

export PATH="$HOME/.cargo/bin:$TOOLS_DIR/node_modules/.bin:$PATH"

command -v cargo >/dev/null || die "cargo not found. Install Rust with rustup (https://rustup.rs), then re-run."
command -v rustup >/dev/null || die "rustup not found; it is needed to add the wasm32-unknown-unknown target."

# 1. wasm32 target
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target: present"
else
  say "installing rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. trunk
if command -v trunk >/dev/null && trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION\$"; then
  say "trunk $TRUNK_VERSION: present"
else
  say "installing trunk $TRUNK_VERSION (cargo install, ~9 min cold on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# 3. wasm-bindgen-cli (no --locked: its lock names a crate version the registry does not serve)
if command -v wasm-bindgen >/dev/null && wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION\$"; then
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION: present"
else
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install, ~3 min cold)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# 4. wasm-opt from npm binaryen
if [ -x "$TOOLS_DIR/node_modules/.bin/wasm-opt" ] && "$TOOLS_DIR/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  say "wasm-opt (binaryen $BINARYEN_VERSION): present"
else
  command -v npm >/dev/null || die "npm not found; it is needed for wasm-opt (npm package binaryen@$BINARYEN_VERSION). On Debian: apt-get install nodejs npm"
  say "installing wasm-opt: npm binaryen@$BINARYEN_VERSION into $TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" "binaryen@$BINARYEN_VERSION"
fi

# 5. Chromium + chromedriver + CJK fonts (browser tests and screenshots only)
if [ "$want_browser" = 1 ]; then
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null && dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
    say "chromium + chromedriver + CJK fonts: present"
  else
    if [ "$(id -u)" != 0 ]; then
      die "chromium, chromedriver or CJK fonts are missing and this is not root. Install them with: sudo apt-get install chromium chromium-driver fonts-noto-cjk"
    fi
    command -v apt-get >/dev/null || die "chromium/chromedriver missing and apt-get not found; install Chromium and a matching chromedriver and put them on PATH"
    say "installing chromium, chromium-driver and fonts-noto-cjk (for readable Chinese) with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null
  fi
fi

say "tools ready. Add to PATH for manual use: export PATH=\"\$HOME/.cargo/bin:$TOOLS_DIR/node_modules/.bin:\$PATH\""
