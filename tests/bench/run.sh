#!/usr/bin/env bash
# The benchmark suite: prints figures against their targets and writes docs/bench.md.
#   ./build.sh bench          build everything, then run this
#   tests/bench/run.sh        run on what is built (target/release/authlens, target/wasm-bindgen/)
#   BENCH_QUICK=1 tests/bench/run.sh   a 20 MB corpus and fewer repetitions (a quick look)
# Installs what it compares against when missing, into tests/bench/.tools/ (git-ignored):
# secretlint (npm), detect-secrets (PyPI, a venv), ripgrep (Debian package as root, else cargo).
# Not part of ./build.sh test: a MISS never fails the run.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
TOOLS=$ROOT/tests/bench/.tools
SECRETLINT_VERSION=12.0.0
DETECT_SECRETS_VERSION=1.5.0
mkdir -p "$TOOLS"
say() { printf '\n==> %s\n' "$*"; }

[ -x target/release/authlens ] && [ -f target/wasm-bindgen/authlens_wasm_bg.wasm ] || {
  echo "build first: ./build.sh (or run ./build.sh bench)" >&2; exit 2; }

if ! command -v rg >/dev/null && [ ! -x "$TOOLS/bin/rg" ]; then
  say "installing ripgrep"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep >/dev/null 2>&1 \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep >/dev/null; } || true
  fi
  command -v rg >/dev/null || cargo install ripgrep --locked --root "$TOOLS" || echo "ripgrep could not be installed: its rows are skipped"
fi

if [ ! -x "$TOOLS/npm/node_modules/.bin/secretlint" ]; then
  say "installing secretlint $SECRETLINT_VERSION"
  mkdir -p "$TOOLS/npm"
  npm install --prefix "$TOOLS/npm" --no-audit --no-fund --loglevel=error \
    "secretlint@$SECRETLINT_VERSION" "@secretlint/secretlint-rule-preset-recommend@$SECRETLINT_VERSION" \
    || echo "secretlint could not be installed: its rows are skipped"
fi

if [ ! -x "$TOOLS/venv/bin/detect-secrets" ]; then
  say "installing detect-secrets $DETECT_SECRETS_VERSION"
  { python3 -m venv "$TOOLS/venv" && "$TOOLS/venv/bin/pip" install -q "detect-secrets==$DETECT_SECRETS_VERSION"; } \
    || echo "detect-secrets could not be installed: its rows are skipped"
fi

say "building the bench helper (plain JSON parsing baseline, key patterns for ripgrep)"
cargo build --release --locked -p authlens-core --example bench_helper

say "running the benchmarks"
node tests/bench/bench.mjs "$@"
