#!/usr/bin/env bash
# Sets up and runs every test: formatting, lints (host and wasm32), native tests, the release
# build and its first-load size budget, a broken-seed build check, and the browser tests in
# headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
source scripts/env.sh

step() { echo; echo "==> $*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (host)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo clippy (wasm32)"
cargo clippy --target wasm32-unknown-unknown --lib --bin explorer --locked -- -D warnings

step "cargo clippy (wasm32, a sharded build: the code behind cfg(sharded))"
ARCHIVE_MODE=sharded cargo clippy --target wasm32-unknown-unknown --lib --bin explorer --locked -- -D warnings

step "cargo test (workspace)"
cargo test --workspace --locked

step "the command-line tool, release (the browser tests' oracle, the generated archive)"
cargo build --release --locked --bin archive

step "trunk build --release"
trunk build --release

step "first-load size budget: 155,800 bytes brotli (index.html + JS glue + wasm + CSS + pwa.js)"
# Prints every file's size, then the budget and the measured first load; fails when over.
node scripts/sizes.mjs dist --budget 155800

step "a broken seed warns with file:line, and fails the build only with ARCHIVE_STRICT=1"
bad=$(mktemp -d)
printf 'title\n\nok\n\xff broken\n' > "$bad/broken.txt"
if ! out=$(ARCHIVE_SEEDS="$bad" CARGO_TARGET_DIR=target/seedcheck cargo build --lib --locked 2>&1); then
  echo "$out" | tail -20; echo "FAIL: one broken page stopped the build"; exit 1
fi
if ! grep -q "broken.txt:4: invalid UTF-8" <<<"$out"; then
  echo "$out" | tail -20; echo "FAIL: the build warning does not name broken.txt:4"; exit 1
fi
echo "ok (warning): $(grep -m1 'broken.txt:4' <<<"$out")"
if out=$(ARCHIVE_STRICT=1 ARCHIVE_SEEDS="$bad" CARGO_TARGET_DIR=target/seedcheck cargo build --lib --locked 2>&1); then
  echo "FAIL: the strict build accepted a broken seed"; exit 1
fi
if ! grep -q "broken.txt:4: invalid UTF-8" <<<"$out"; then
  echo "$out" | tail -20; echo "FAIL: the strict build error does not name broken.txt:4"; exit 1
fi
echo "ok (strict): $(grep -m1 'broken.txt:4' <<<"$out")"
rm -rf "$bad"

step "browser tests (headless Chromium)"
(cd tests/browser && npm ci --no-audit --no-fund --silent && node --test --test-concurrency=1 ./*.test.mjs)

step "browser test on a build of a fixture page (column tags; the seed has none)"
fx=$(mktemp -d)
cp tests/fixtures/indented.txt "$fx/"
ARCHIVE_SEEDS="$fx" trunk build --release --dist target/fixture-dist
(cd tests/browser && FIXTURE_DIST=../../target/fixture-dist node --test columns.test.mjs)
rm -rf "$fx"

step "browser test on a build of three editions (browse by date: calendar, edition, page; the seed has one undated page)"
ARCHIVE_SEEDS="$PWD/tests/fixtures/editions" trunk build --release --dist target/editions-dist
(cd tests/browser && EDITIONS_DIST=../../target/editions-dist node --test --test-name-pattern=fixture browse.test.mjs results_fixture.test.mjs)

step "a generated archive of 5,000 articles, sharded: the browser answers what archive truth says"
sh=$(mktemp -d)
./target/release/archive synth --pages 5000 "$sh/pages"
./target/release/archive truth tests/fixtures/sharded_queries.json "$sh/pages" > "$sh/truth.json"
ARCHIVE_SEEDS="$sh/pages" ARCHIVE_MODE=sharded trunk build --release --dist target/sharded-dist
node scripts/sizes.mjs target/sharded-dist --budget 300000
(cd tests/browser && SHARDED_DIST=../../target/sharded-dist SHARDED_TRUTH="$sh/truth.json" SHARDED_PAGES="$sh/pages" node --test sharded.test.mjs)
rm -rf "$sh"
