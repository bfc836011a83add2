#!/usr/bin/env bash
# Writes the explorer as one self-contained HTML file that works from disk (file://), offline.
#   scripts/single-file.sh [OUT.html]     (default: archive-explorer.html in the current folder)
#   ARCHIVE_SEEDS=/path/to/folder scripts/single-file.sh my-archive.html
set -euo pipefail
out="$(realpath -m "${1:-archive-explorer.html}")"
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
trunk build --release
cp dist/archive-explorer.html "$out"
echo "single-file: wrote $out ($(du -k "$out" | cut -f1) KiB); open it in a browser, no server needed"
