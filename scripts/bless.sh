#!/usr/bin/env bash
# Regenerates the golden files on purpose, after a deliberate change of the parser's output.
# Review the diff before committing it: a golden file is a claim that this output is right.
#
#   scripts/bless.sh          # rewrite the golden files, then show what changed
#   scripts/bless.sh --check  # only report whether they would change (exit 1 if so)
#
# Golden files (compared as JSON values by the tests named here):
#   tests/golden/seed.json  <- `archive parse seeds/`  (tests/archive_seed.rs)
# tests/fixtures/entities.json is hand-labelled, not generated: never blessed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

check=0
for arg in "$@"; do
  case "$arg" in
    --check) check=1 ;;
    *) echo "bless: unknown argument '$arg'" >&2; exit 2 ;;
  esac
done

cargo build --release --locked --bin archive
bin=target/release/archive
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

changed=0
# golden file <- command (run from the repository root)
bless() {
  local golden=$1; shift
  # Write to a temporary file first: a failing command must not truncate the golden file.
  "$@" > "$tmp/out"
  if [[ -f "$golden" ]] && cmp -s "$tmp/out" "$golden"; then
    echo "bless: $golden unchanged"
    return
  fi
  changed=1
  if (( check )); then
    echo "bless: $golden would change:"
    diff -u "$golden" "$tmp/out" | head -40 || true
  else
    cp "$tmp/out" "$golden"
    echo "bless: rewrote $golden"
  fi
}

bless tests/golden/seed.json "$bin" parse seeds/

if (( changed )); then
  if (( check )); then exit 1; fi
  git --no-pager diff --stat -- tests/golden
  echo "bless: review with 'git diff tests/golden' and commit the change with its reason."
fi
