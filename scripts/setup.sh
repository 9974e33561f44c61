#!/usr/bin/env bash
# Installs everything building, running and testing Sourcebook needs on Debian 12.
# Idempotent: each step is skipped when its result is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # building the desktop shell (Tauri 2 on WebKitGTK 4.1)
  build-essential pkg-config file curl libssl-dev libwebkit2gtk-4.1-dev libxdo-dev
  libayatana-appindicator3-dev librsvg2-dev
  # running and testing the real window and the UI
  xvfb xauth webkit2gtk-driver imagemagick fonts-dejavu-core fonts-noto-cjk chromium
  # pgrep/pkill: the window test reports and clears leftover driver processes
  procps
)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Round-trip checks of exported bibliographies: pandoc's citeproc reads CSL-JSON, biber and
# biblatex compile BibLaTeX. Installed with their recommends: biber and LaTeX need them.
EXPORT_PACKAGES=(pandoc biber texlive-bibtex-extra texlive-latex-recommended)
missing=()
for p in "${EXPORT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}"
fi

# Exported CSL-JSON is validated against the CSL data schema.
if ! python3 -c 'import jsonschema' 2>/dev/null; then
  echo "setup: installing jsonschema"
  python3 -m pip install --quiet jsonschema
fi

# Front-end packages (also provides citeproc-js, which the Rust build embeds).
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  (cd ui && npm ci --no-audit --no-fund)
fi

# WebDriver bridge for testing the real window (pairs with Debian's WebKitWebDriver).
if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --locked --quiet
fi
