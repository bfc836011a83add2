# Sourced by the other scripts: puts the pinned tools that setup.sh installs on PATH.
TOOLS_DIR="${ARCHIVE_TOOLS_DIR:-$HOME/.cache/archive-explorer-tools}"
export PATH="$HOME/.cargo/bin:$TOOLS_DIR/node_modules/.bin:$PATH"
