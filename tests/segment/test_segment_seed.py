"""The seed article: all 14 statements, right speakers, exact spans."""

from __future__ import annotations

import json
from pathlib import Path

from stancekit import read_articles
from stancekit.segment import segment

GOLD = Path(__file__).parent / "data" / "seed_gold.json"


def test_seed_article_exact(example_path: Path) -> None:
    art = read_articles(example_path)[0]
    table = segment([art])
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["statements"]
    got = [(s.speaker, s.text) for s in table]
    assert got == [(g["speaker"], g["text"]) for g in gold]
    for s in table:
        assert art.text[s.start : s.end] == s.text
        assert art.text[s.mention_start : s.mention_end] == s.mention
        assert s.kind == "indirect"
        assert s.date is not None and s.date.isoformat() == "2025-06-17"
    first = table[0]
    assert first.mention == "Chinese President Xi Jinping" and first.cue == "said"
    assert (first.role, first.country) == ("President", "China")
    japarov = table.by_speaker("Sadyr Japarov")[0]
    assert (japarov.role, japarov.country) == ("President", "Kyrgyzstan")
    # "the Kyrgyz side, he said, firmly supports" belongs to Japarov, whole sentence
    inter = [s for s in table if s.text.startswith("On issues concerning")]
    assert inter and inter[0].speaker == "Sadyr Japarov" and inter[0].mention == "he"
    # the slogan in quotation marks is not direct speech
    assert not any(s.text == "Taiwan independence" for s in table)
