#!/usr/bin/env bash
# authlens build and test entry point.
#   ./build.sh          install what is missing, build the CLI and both extensions, show a demo
#   ./build.sh test     build, then run every test (unit, golden, wasm boundary, browser E2E)
#   ./build.sh bench    build, then print benchmark figures
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

say() { printf '\n==> %s\n' "$*"; }

# The wasm-bindgen CLI must equal the wasm-bindgen crate version in Cargo.lock exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_rust_tools() {
  if command -v rustup >/dev/null && ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  # The standard library's source, rebuilt into the wasm module (build_wasm).
  if command -v rustup >/dev/null && ! rustup component list --installed | grep -q '^rust-src'; then
    say "adding the rust-src component"
    rustup component add rust-src || echo "rust-src unavailable: the wasm module will be built against the prebuilt standard library"
  fi
  [ -f Cargo.lock ] || cargo generate-lockfile
  local want have
  want=$(wasm_bindgen_version)
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (matches Cargo.lock; takes a few minutes once)"
    # Not --locked: the CLI's own lock file pins a crate version the registry may no longer serve.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

ensure_node_modules() {
  if [ ! -x node_modules/.bin/esbuild ] || [ package.json -nt node_modules/.install-stamp ]; then
    say "installing npm packages"
    if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
    touch node_modules/.install-stamp
  fi
}

build_cli() {
  say "building the authlens CLI"
  cargo build --release --locked -p authlens-cli
}

# build_wasm [FEATURES OUTDIR]: the extension's module (target/wasm-bindgen/), or with
# FEATURES=cli-renderers the npm package's (target/wasm-bindgen-npm/), which adds the CLI's
# renderers so that `npx authlens` prints exactly what the Rust CLI prints.
build_wasm() {
  local features="${1:-}" outdir="${2:-target/wasm-bindgen}"
  say "building the engine for WebAssembly${features:+ (features: $features)} into $outdir"
  local feat=()
  [ -n "$features" ] && feat=(--features "$features")
  # simd128: memchr/memmem (body and bundle search) use wasm SIMD; every browser the extension
  # supports has it (Chrome 91+, Firefox 89+). About twice the scanning speed inside wasm.
  local flags="${RUSTFLAGS:-} -C target-feature=+simd128"
  # A few source paths stay in the module (core's and dependencies' locations): written relative to
  # the toolchain and cargo's home, so the module is the same bytes on every machine.
  flags="$flags --remap-path-prefix=$(rustc --print sysroot)=/rust --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"
  if rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
    # The standard library is rebuilt with the module (-Z build-std, allowed on this stable
    # toolchain by RUSTC_BOOTSTRAP for this one build) so that it is size-optimised like the rest
    # and a panic aborts at once instead of formatting a message nobody can read (a panic in
    # wasm only ever shows as "unreachable"): about 60 kB less module.
    # --cfg authlens_wasm_size: the core's functions off the hot paths are compiled for size
    # (#[optimize(size)], see crates/authlens-core/src/lib.rs; -27.6 kB). That attribute, like
    # -Z build-std, needs RUSTC_BOOTSTRAP.
    RUSTC_BOOTSTRAP=1 RUSTFLAGS="$flags -Z unstable-options -C panic=immediate-abort --cfg authlens_wasm_size" \
      cargo build --profile wasm-release --locked --target wasm32-unknown-unknown -p authlens-wasm "${feat[@]}" \
      -Z build-std=std,panic_abort \
      --config 'profile.wasm-release.package.dlmalloc.opt-level=3' \
      --config 'profile.wasm-release.package.compiler_builtins.opt-level=3'
  else
    echo "rust-src is not installed (rustup component add rust-src): building against the prebuilt"
    echo "standard library, which makes the module about 60 kB larger"
    RUSTFLAGS="$flags" cargo build --profile wasm-release --locked --target wasm32-unknown-unknown -p authlens-wasm "${feat[@]}"
  fi
  rm -rf "$outdir"
  wasm-bindgen --target web --out-dir "$outdir" \
    target/wasm32-unknown-unknown/wasm-release/authlens_wasm.wasm
  # wasm-opt comes from the npm package `binaryen` (pinned in package.json): Debian's binaryen
  # 108 corrupts the externref table that wasm-bindgen 0.2.130 emits.
  local opt=node_modules/.bin/wasm-opt
  # --low-memory-unused (-4.4 kB): the module's first kilobyte of memory is never addressed
  # (rustc puts the 1 MiB stack first, growing down, and the data above it), so constant
  # offsets may be folded into loads and stores. The producers and target-features sections are
  # read by no browser (-0.3 kB). --flatten --rereloop first: binaryen rebuilds the control flow
  # of every function from a flat form (its Relooper), which -Oz then shrinks further than
  # rustc's own structure (-3.6 kB, and no slower to run or to optimise).
  if [ -x "$opt" ]; then
    "$opt" --flatten --rereloop -Oz --low-memory-unused --strip-producers --strip-target-features \
      --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-reference-types --enable-mutable-globals --enable-simd \
      -o "$outdir/authlens_wasm_bg.wasm" "$outdir/authlens_wasm_bg.wasm"
  else
    echo "wasm-opt not found (npm package binaryen); the module is not size-optimised"
  fi
}

build_npm() {
  say "building the npm package (dist/authlens-VERSION.tgz)"
  if [ ! -d npm/node_modules/@playwright/test ] || [ npm/package.json -nt npm/node_modules/.install-stamp ]; then
    # Type declarations only (@playwright/test, @types/node); no browser is downloaded.
    (cd npm && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
    touch npm/node_modules/.install-stamp
  fi
  # Also generates the report types from the Rust ones (crates/authlens-wasm/tsgen) with cargo.
  node npm/build.mjs
}

build_extension() {
  say "building the extension for Chrome and Firefox"
  node extension/build.mjs "$@"
}

build_all() {
  ensure_rust_tools
  ensure_node_modules
  build_cli
  build_wasm cli-renderers target/wasm-bindgen-npm
  build_wasm
  build_extension
  build_npm
}

demo() {
  say "authlens at work: explaining tests/fixtures/midtrans_sandbox_key_on_production.har"
  ./target/release/authlens analyze tests/fixtures/midtrans_sandbox_key_on_production.har || true
  cat <<MSG

Built:
  CLI        target/release/authlens   (try: target/release/authlens analyze FILE.har)
  Chrome     dist/chrome/   (chrome://extensions → Developer mode → Load unpacked)  zip: dist/authlens-chrome.zip
  Firefox    dist/firefox/  (about:debugging → This Firefox → Load Temporary Add-on → dist/firefox/manifest.json)
             zip: dist/authlens-firefox.zip
  npm        dist/authlens-$(awk -F'"' '/^version =/ { print $2; exit }' Cargo.toml).tgz   (npm install ./dist/authlens-*.tgz; npx authlens analyze FILE.har)
Then open DevTools on any page and pick the "authlens" panel.
MSG
}

ensure_browsers() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "installing ${missing[*]} for the browser tests"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
    else
      echo "The browser tests need: ${missing[*]} (Debian packages). Install them and run again." >&2
      exit 1
    fi
  fi
}

run_tests() {
  ensure_browsers
  build_all
  build_extension --e2e
  if cargo clippy --version >/dev/null 2>&1; then
    say "clippy (warnings are errors; the core denies unwrap/expect outside tests)"
    cargo clippy --workspace --all-targets --locked -- -D warnings
  else
    echo "clippy is not installed (rustup component add clippy); skipping the lint step"
  fi
  say "Rust tests (unit, golden, property)"
  cargo test --workspace --locked
  say "short fuzz run (cargo-fuzz, 10 s per target)"; ./fuzz/run.sh 10
  say "web-ext lint: the Firefox build as addons.mozilla.org checks it (warnings are errors)"
  npx --no-install web-ext lint --source-dir dist/firefox --warnings-as-errors --output text
  say "TypeScript type check of the extension"
  npx --no-install tsc -p extension/tsconfig.json --noEmit
  say "wasm boundary and extension unit tests"
  node --test tests/wasm/ extension/test/
  say "npm package: its CLI against the Rust CLI over every fixture, its API, a real Playwright run"
  node --test npm/test/cli.test.mjs npm/test/api.test.mjs
  node npm/test/playwright/run.mjs
  say "browser end-to-end tests (Chromium and Firefox)"
  node tests/e2e/run.mjs
}

case "${1:-}" in
  "") build_all; demo ;;
  test) run_tests ;;
  bench) build_all; ./tests/bench/run.sh ;;
  *) echo "usage: ./build.sh [test|bench]" >&2; exit 2 ;;
esac
