#!/usr/bin/env bash
# Side-by-side extraction speed: quotewise (release CLI) vs textacy + spaCy
# (en_core_web_sm) on the same texts. Builds its own venv from PyPI on first
# use (benches/peers/.venv, git-ignored), builds the release binary, then
# prints one table.
#
# Usage: benches/peers/run.sh [JSONL]   (default: ../shared/eval/data/polnear-dev.jsonl)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
input="${1:-$root/../shared/eval/data/polnear-dev.jsonl}"
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip
    "$venv/bin/pip" install --quiet -r "$here/requirements.txt"
fi
(cd "$root" && cargo build --release --quiet -p quotewise-cli)
"$venv/bin/python" "$here/extraction.py" --input "$input" --quotewise "$root/target/release/quotewise"
