"""Shared fixtures: the repository layout and documents with speakers and
entities built from JSON, so binding tests do not depend on how well the
pipeline attributes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import quotewise

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "sample_article.txt"


def span(text: str, start_char: int, end_char: int) -> dict[str, Any]:
    """The JSON of the span text[start_char:end_char] (byte offsets from UTF-8)."""
    return {
        "start": len(text[:start_char].encode()),
        "end": len(text[:end_char].encode()),
        "char_start": start_char,
        "char_end": end_char,
        "text": text[start_char:end_char],
    }


def find(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


TWO_SPEAKERS = (
    "“Prices will fall,” Ana Díaz said. “Wages too.” "
    "Bob Lee disagreed: “Not this year.” The plan is “bold”, officials said."
)


def two_speaker_doc(text: str = TWO_SPEAKERS, doc_id: str = "d1") -> quotewise.Document:
    """Three attributed quotes of two people (one by continuation) and one
    unattributed partial quote, with entities, as the pipeline would give."""

    def quote(kind: str, part: str, speaker: Any) -> dict[str, Any]:
        return {"kind": kind, "content": [span(text, *find(text, part))], "cue": None,
                "speaker": speaker}

    def speaker(mention: Any, entity: Any, method: str, confidence: float) -> dict[str, Any]:
        return {
            "mention": None if mention is None else span(text, *find(text, mention)),
            "entity": entity,
            "method": method,
            "resolution": "name" if entity is not None else "unresolved",
            "confidence": confidence,
        }

    said = quote("direct", "“Prices will fall,”", speaker("Ana Díaz", 0, "speech_tag", 0.95))
    said["cue"] = span(text, *find(text, "said"))
    doc = {
        "id": doc_id,
        "quotes": [
            said,
            quote("direct", "“Wages too.”", speaker(None, 0, "continuation", 0.8)),
            quote("direct", "“Not this year.”", speaker("Bob Lee", 1, "speech_tag", 0.9)),
            quote("partial", "“bold”", speaker("officials", None, "nearby", 0.4)),
        ],
        "entities": [
            {"id": 0, "name": "Ana Díaz", "kind": "person", "gender": "female",
             "mentions": [span(text, *find(text, "Ana Díaz"))], "descriptors": ["economist"],
             "gazetteer_id": "Q1", "link": "exact"},
            {"id": 1, "name": "Bob Lee", "kind": "person", "gender": None,
             "mentions": [span(text, *find(text, "Bob Lee"))], "descriptors": [],
             "gazetteer_id": None, "link": None},
        ],
    }
    return quotewise.Document.from_json(json.dumps(doc), text)


@pytest.fixture
def extractor() -> quotewise.Extractor:
    return quotewise.Extractor()


@pytest.fixture
def doc() -> quotewise.Document:
    return two_speaker_doc()


@pytest.fixture
def sample() -> str:
    return SAMPLE.read_text(encoding="utf-8")
