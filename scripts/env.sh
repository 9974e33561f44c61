# Shared settings for the scripts: where builds are cached.
# Builds live outside the clone when /var/cache is writable, so a fresh clone (CI) reuses them.
if [ -z "${CARGO_TARGET_DIR:-}" ]; then
  if mkdir -p /var/cache/sourcebook 2>/dev/null && [ -w /var/cache/sourcebook ]; then
    export CARGO_TARGET_DIR=/var/cache/sourcebook/target
  else
    export CARGO_TARGET_DIR="$PWD/target"
  fi
fi
