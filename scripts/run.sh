#!/usr/bin/env bash
# Sets up, builds and opens Sourcebook on the default local archive (arguments pass through,
# e.g. `scripts/run.sh --data-dir /tmp/archive` or `scripts/run.sh list`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
(cd ui && npm run --silent build)
cargo build --quiet
exec "$CARGO_TARGET_DIR/debug/sourcebook" "$@"
