#!/usr/bin/env python3
"""Writes fuzz/dict/quotewise.dict, the libFuzzer dictionary of the text
targets (`-dict=fuzz/dict/quotewise.dict`).

The words come from the engine's own data, so the dictionary follows it:

* every form of every reporting verb (crates/quotewise/lang/en/reporting_verbs.txt,
  particles too), every title (titles.txt) and role noun (roles.txt, both
  numbers, and capitalised);
* every quotation mark the scanner knows (`is_mark` in
  crates/quotewise/src/text.rs, read from its source) and `''`;

and from the lists below: according-to markers, pronouns, dashes, line
breaks, punctuation, and the cue words, markers and marks of the languages
being added (German, French, Spanish, Italian, Portuguese, Dutch, Hungarian).

Usage: scripts/fuzz_dict.py   (from anywhere; rewrites the file)
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "crates/quotewise/lang/en"
OUT = ROOT / "fuzz/dict/quotewise.dict"

# libFuzzer drops longer entries.
MAX_ENTRY = 64

ACCORDING = [
    "according to", "According to", "according", "According", "to",
    ", according to ", ", according\nto ", "according\nto", "per", "Per",
    "citing", "Citing", "said to", "quoted", "quoted as saying",
    "in a statement", "in an interview", "told reporters", "said in a statement",
]
PRONOUNS = [
    "he", "He", "she", "She", "they", "They", "it", "It", "I", "we", "We",
    "you", "his", "her", "their", "him", "them",
]
CONNECTIVES = ["that", "if", "whether", "and", "but", "who", "which", "as", "the", "a", "an"]
NAMES = ["Jane Smith", "Putin", "Mr. Putin", "Dmitry Peskov", "Mary", "Anne", "Elliot"]
DASHES = ["\u2014", "\u2013", "-", "--", "\u2015", " \u2014 ", " \u2013 ", " - "]
BREAKS = ["\n", "\n\n", "\r\n", "\r\n\r\n", "\r", " \n", "\n\u2014 ", "\n\u2013 ", "\n- "]
PUNCT = [
    ",", ".", ":", ";", "?", "!", "\u2026", "...", "(", ")", "[", "]", "/", "&",
    ", ", ". ", ": ", ",\u201d", ".\u201d", ",\"", ".\"", "?\u201d", "!\u201d",
]
# The cue words, markers and marks of the languages being added, with
# their dialogue dashes.
OTHER_LANGUAGES = [
    # German
    "sagte", "sagt", "erkl\u00e4rte", "erkl\u00e4rt", "betonte", "meinte",
    "f\u00fcgte hinzu", "so", "laut", "zufolge", "Laut", "\u201e", "\u201c",
    "\u00bb", "\u00ab", "Herr", "Frau", "Sprecher", "Kanzler", "er", "sie",
    # French
    "a d\u00e9clar\u00e9", "a dit", "dit", "d\u00e9clare", "a affirm\u00e9",
    "a expliqu\u00e9", "selon", "Selon", "d'apr\u00e8s", "\u00ab ", " \u00bb",
    "\u00ab\u00a0", "\u00a0\u00bb", "M.", "Mme", "il", "elle",
    # Spanish
    "dijo", "dice", "afirm\u00f3", "explic\u00f3", "declar\u00f3",
    "seg\u00fan", "Seg\u00fan", "\u00bf", "\u00a1", "\u00e9l", "ella",
    # Italian
    "ha detto", "ha dichiarato", "ha spiegato", "secondo", "Secondo", "lui", "lei",
    # Portuguese
    "disse", "afirmou", "declarou", "segundo", "Segundo", "de acordo com", "ele", "ela",
    # Dutch
    "zei", "zegt", "verklaarde", "volgens", "Volgens", "hij", "zij",
    # Hungarian
    "mondta", "mondja", "k\u00f6z\u00f6lte", "szerint", "\u201e", "\u201d", "\u0151",
    # Dialogue dashes
    "\u2014 ", "\u2013 ", "\u2015 ", "\n\u2014", "\n\u2013", "\n\u2015",
]


def data_lines(name):
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.rstrip()
        if line and not line.startswith("#"):
            yield line


def verbs():
    for line in data_lines("reporting_verbs.txt"):
        cols = line.split("\t")
        yield from cols[1].split(" ")
        if len(cols) > 2:
            particle = cols[2].lstrip("+")
            yield particle
            yield f"{cols[1].split(' ')[0]} {particle}"


def titles():
    for line in data_lines("titles.txt"):
        yield line.split("\t")[0]


def roles():
    for line in data_lines("roles.txt"):
        for form in line.split("\t")[:2]:
            yield form
            yield form[:1].upper() + form[1:]


def marks():
    """The characters of `is_mark` in text.rs, as its source spells them."""
    source = (ROOT / "crates/quotewise/src/text.rs").read_text(encoding="utf-8")
    body = source[source.index("fn is_mark") :]
    body = body[: body.index("\n}\n")]
    found = []
    for lit in re.findall(r"'(\\u\{[0-9A-Fa-f]+\}|\\'|[^'\\])'", body):
        if lit.startswith("\\u{"):
            found.append(chr(int(lit[3:-1], 16)))
        elif lit == "\\'":
            found.append("'")
        else:
            found.append(lit)
    assert len(found) >= 15, f"is_mark changed shape: {found}"
    return found + ["''", "\u201c ", " \u201d", "\u201e", "\u2018", "\u2019"]


def escape(entry):
    """libFuzzer's dictionary syntax: printable ASCII as is (but `\\` and
    `"`), every other byte of the UTF-8 encoding as `\\xNN`."""
    out = []
    for b in entry.encode("utf-8"):
        if b in (0x5C, 0x22):
            out.append("\\" + chr(b))
        elif 0x20 <= b < 0x7F:
            out.append(chr(b))
        else:
            out.append(f"\\x{b:02X}")
    return '"' + "".join(out) + '"'


def main():
    sections = [
        ("reporting verbs (lang/en/reporting_verbs.txt)", list(verbs())),
        ("titles (lang/en/titles.txt)", list(titles())),
        ("roles (lang/en/roles.txt)", list(roles())),
        ("quotation marks (is_mark in src/text.rs)", marks()),
        ("according to and other source markers", ACCORDING),
        ("pronouns", PRONOUNS),
        ("connectives", CONNECTIVES),
        ("names", NAMES),
        ("dashes", DASHES),
        ("line and paragraph breaks", BREAKS),
        ("punctuation", PUNCT),
        ("other languages: de, fr, es, it, pt, nl, hu; dialogue dashes", OTHER_LANGUAGES),
    ]
    seen = set()
    lines = [
        "# libFuzzer dictionary of the quotewise text targets.",
        "# Generated by scripts/fuzz_dict.py from crates/quotewise/lang/en and",
        "# src/text.rs; do not edit, rerun the script.",
    ]
    for title, entries in sections:
        lines.append("")
        lines.append(f"# {title}")
        for entry in entries:
            if not entry or entry in seen or len(entry.encode("utf-8")) > MAX_ENTRY:
                continue
            seen.add(entry)
            lines.append(escape(entry))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="ascii")
    print(f"{OUT.relative_to(ROOT)}: {len(seen)} entries")


if __name__ == "__main__":
    main()
