#!/usr/bin/env bash
# Sets up, builds the explorer (release) over seeds/ and serves it at http://127.0.0.1:8080/.
#   ARCHIVE_SEEDS=/path/to/folder scripts/serve.sh   # serve your own archive
#   PORT=9000 scripts/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
echo "serve: building and serving on http://127.0.0.1:${PORT:-8080}/ (Ctrl-C to stop)"
# No autoreload: its injected script would not match the build's Content-Security-Policy hash.
exec trunk serve --release --no-autoreload --address 127.0.0.1 --port "${PORT:-8080}" --open=false
