#!/usr/bin/env bash
# Side-by-side entity-matching benchmark: quotewise against ahocorasick-rs,
# pyahocorasick, flashtext and rapidfuzz, on the same generated input, in
# one run. Makes its own venv (benches/peers/.venv) from PyPI.
#
#   benches/peers/run_matching.sh [DATA_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet ahocorasick-rs pyahocorasick flashtext rapidfuzz numpy
fi
cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p quotewise-benches --bin match_bench
exec "$venv/bin/python" "$here/matching.py" --bench "$root/target/release/match_bench" --data "${1:-${TMPDIR:-/tmp}/quotewise-matching}"
