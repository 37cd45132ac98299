#!/usr/bin/env bash
# The wasm boundary A/B (crates/authlens-wasm/README.md, "How values cross"): builds the module
# three ways with build.sh's build_wasm, each with the `exp-bench` exports, into target/boundary/
#   json  reports as JSON text + JSON.parse, bodies through entry.js (what ships)
#   swb   reports as JS values built by serde-wasm-bindgen           (feature exp-swb)
#   text  bodies through wasm-bindgen's own string conversion        (feature exp-bindgen-text)
# and the shipped module alone (no exp-bench) for the byte counts, then runs boundary.mjs in
# headless Chromium. Arguments go to boundary.mjs (e.g. --runs 3 --rounds 10).
# Not part of ./build.sh test or bench: a few minutes of builds, the figures are in the README.
set -euo pipefail
cd "$(dirname "$0")/../.."
source <(sed -n '/^build_wasm()/,/^}/p' build.sh)
say() { printf '\n==> %s\n' "$*"; }
out=target/boundary
build_wasm exp-bench "$out/json"
build_wasm exp-bench,exp-swb "$out/swb"
build_wasm exp-bench,exp-bindgen-text "$out/text"
build_wasm exp-swb "$out/swb-bytes"
build_wasm exp-bindgen-text "$out/text-bytes"
build_wasm "" "$out/json-bytes"
for v in json swb text; do
  printf '%-5s module after wasm-opt: %s bytes\n' "$v" "$(wc -c < "$out/$v-bytes/authlens_wasm_bg.wasm")"
done
node tests/bench/boundary.mjs json="$out/json" swb="$out/swb" text="$out/text" "$@"
