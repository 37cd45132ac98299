#!/usr/bin/env bash
# Short fuzz run of the parsers that see untrusted bytes (cargo-fuzz, libFuzzer).
#
#   ./fuzz/run.sh              every target for 20 s
#   ./fuzz/run.sh 60           every target for 60 s
#   ./fuzz/run.sh 300 jwt har  only these targets
#
# Works on stable Rust: RUSTC_BOOTSTRAP=1 lets stable accept the -Z flags cargo-fuzz passes.
# The committed seeds in fuzz/corpus/<target>/ are read, never written: new inputs go to
# fuzz/target/corpus/<target>/ (kept between runs, ignored by git). A crash, a timeout or an
# allocation over the limits below fails the run; the input lands in fuzz/artifacts/<target>/ and
# `./fuzz/run.sh` prints how to replay it. FUZZ_SANITIZER=address turns AddressSanitizer on
# (slower; the core has no unsafe code, so the default is none).
set -euo pipefail
cd "$(dirname "$0")"
FUZZ_DIR=$(pwd)

SECONDS_PER_TARGET=${1:-20}
shift || true
CARGO_FUZZ_VERSION=0.13.2
SANITIZER=${FUZZ_SANITIZER:-none}
TRIPLE=$(rustc -vV | awk '/^host:/ {print $2}')
# A sanitizer build goes to its own directory, so switching does not rebuild the other.
BUILD_DIR="$FUZZ_DIR/target"
[ "$SANITIZER" = none ] || BUILD_DIR="$FUZZ_DIR/target/sanitizer-$SANITIZER"
export RUSTC_BOOTSTRAP=1
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
  echo "==> installing cargo-fuzz $CARGO_FUZZ_VERSION (once; about a minute)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo fuzz list --fuzz-dir "$FUZZ_DIR")
fi

# One build for every target; 16 codegen units build much faster than cargo-fuzz's default of 1.
echo "==> building the fuzz targets (sanitizer: $SANITIZER)"
# -O: fuzz/Cargo.toml's release profile sets the debug assertions (all crates but one).
cargo fuzz build -O --fuzz-dir "$FUZZ_DIR" --sanitizer "$SANITIZER" --codegen-units 16 --target "$TRIPLE" \
  --target-dir "$BUILD_DIR"

failed=()
for t in "${targets[@]}"; do
  work="$FUZZ_DIR/target/corpus/$t"
  mkdir -p "$work" "$FUZZ_DIR/corpus/$t"
  echo "==> fuzzing $t for ${SECONDS_PER_TARGET}s"
  # -timeout: one input taking over 10 s is a hang. -rss_limit_mb/-malloc_limit_mb: more than
  # 2 GiB in all, or 512 MiB in one allocation, is unbounded allocation. -max_len: inputs up to
  # 256 KiB (the limits themselves are exercised by crates/authlens-core/tests/hostile.rs).
  log="$FUZZ_DIR/target/fuzz-$t.log"
  # The binary itself rather than `cargo fuzz run`, which would re-check the build per target.
  mkdir -p "$FUZZ_DIR/artifacts/$t"
  if "$BUILD_DIR/$TRIPLE/release/$t" "$work" "$FUZZ_DIR/corpus/$t" \
      -artifact_prefix="$FUZZ_DIR/artifacts/$t/" \
      -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=512 \
      -max_len=262144 -dict="$FUZZ_DIR/authlens.dict" -print_final_stats=1 >"$log" 2>&1; then
    execs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log")
    rss=$(awk '/stat::peak_rss_mb/ {print $2}' "$log")
    echo "    $t: ${execs:-?} executions, peak RSS ${rss:-?} MB, corpus $(find "$work" -type f | wc -l) inputs"
  else
    tail -n 60 "$log" >&2
    failed+=("$t")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]}" >&2
  echo "the failing inputs are in fuzz/artifacts/<target>/; replay one with:" >&2
  echo "  RUSTC_BOOTSTRAP=1 cargo fuzz run -O --fuzz-dir fuzz -s $SANITIZER --target-dir $BUILD_DIR <target> fuzz/artifacts/<target>/<file>" >&2
  exit 1
fi
echo "==> fuzzing: no crash, hang or runaway allocation in ${#targets[@]} targets (${SECONDS_PER_TARGET}s each)"
