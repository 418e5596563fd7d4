#!/usr/bin/env bash
# Installs what building and testing Parallax needs, and only what is missing.
#
# Idempotent and quick when everything is there (a few seconds): each step checks first and
# says what it does. It only uses what this kind of machine can reach (crates.io, npm,
# Debian), see ../shared/TOOLCHAIN.md: Trunk and Playwright never download binaries here.
#
#   wasm target     rustup target add wasm32-unknown-unknown
#   Trunk           cargo install trunk 0.21.14 (0.22 needs a newer rustc)
#   wasm-bindgen    cargo install wasm-bindgen-cli of exactly the version in Cargo.lock
#   npm packages    npm ci in tests/e2e: Playwright, axe-core, binaryen (wasm-opt for Trunk)
#   Chromium        apt-get install chromium chromium-driver, if /usr/bin/chromium is missing
#   crates          cargo fetch, so that builds can run --offline
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

TRUNK_VERSION=0.21.14
export PATH="$HOME/.cargo/bin:$PATH"
# Playwright drives Debian's Chromium; never let npm fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

say() { printf 'setup: %s\n' "$*"; }

# The wasm target. RUSTUP_AUTO_INSTALL=0 on these machines, so it must be asked for.
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "wasm32-unknown-unknown target: present"
else
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi

# Trunk, pinned: about 10 minutes to build the first time.
if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
    say "trunk $TRUNK_VERSION: present"
else
    say "installing trunk $TRUNK_VERSION (cargo install, about 10 minutes)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen's CLI must match the wasm-bindgen crate the app links, byte for byte of the
# version. `--locked` fails here (a locked dependency is missing from the registry).
wbg_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ -z "$wbg_version" ]; then
    say "error: no wasm-bindgen crate in Cargo.lock" >&2
    exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $wbg_version" ]; then
    say "wasm-bindgen-cli $wbg_version: present"
else
    say "installing wasm-bindgen-cli $wbg_version (cargo install, about 4 minutes)"
    cargo install wasm-bindgen-cli --version "=$wbg_version"
fi

# npm packages of the browser tests; binaryen's wasm-opt is also what Trunk optimises with.
# The lock file is committed: install exactly it, again only when it changed.
e2e=tests/e2e
stamp=$e2e/node_modules/.package-lock.json
if [ -f "$stamp" ] && [ -x "$e2e/node_modules/.bin/wasm-opt" ] && [ -x "$e2e/node_modules/.bin/playwright" ] \
    && [ ! "$e2e/package-lock.json" -nt "$stamp" ] && [ ! "$e2e/package.json" -nt "$stamp" ]; then
    say "npm packages in $e2e: present"
else
    say "installing npm packages in $e2e (npm ci)"
    (cd "$e2e" && npm ci --no-audit --no-fund)
fi

# Debian's Chromium for the browser tests, and its WebDriver for wasm-bindgen-test.
if [ -x /usr/bin/chromium ]; then
    say "chromium: present ($(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown'))"
else
    say "installing chromium and chromium-driver (apt-get)"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi

# Every crate the workspace needs, so that builds can run offline (Trunk passes --offline).
say "fetching crates (cargo fetch)"
cargo fetch --quiet

say "done"
