from __future__ import annotations

from pathlib import Path

import pytest

from stancekit import InputError
from stancekit.datasets import read_polnear

TEXT = 'Trade is up, he said. "We win," Smith said, "always." Prices fell.'


def _split(tmp_path: Path, ann: str) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "a1_x1.ann").write_text(ann, encoding="utf-8")
    return tmp_path


def test_reads_discontinuous_spans_and_events(tmp_path: Path) -> None:
    q1, q2 = TEXT.index('"We'), TEXT.index('"always')
    smith = TEXT.index("Smith")
    ann = (
        "T1\tSource 13 15\the\nT2\tCue 16 20\tsaid\nT3\tContent 0 11\tTrade is up\n"
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
        f"T4\tSource {smith} {smith + 5}\tSmith\nT5\tContent {q1} {q1 + 9};{q2} {q2 + 10}\tx\n"
        "E2\tAttribution:T4 Content:T5 Source:T4\n"
        "T6\tContent 54 66\tPrices fell.\nE3\tAttribution:T6 Content:T6\n"
    )
    arts, gold = read_polnear(_split(tmp_path, ann))
    assert [a.id for a in arts] == ["a1"] and arts[0].text == TEXT
    st = gold[0].statements
    assert len(st) == 2 and gold[0].skipped == 1
    assert st[0]["source_text"] == "he" and st[0]["cue"] == "said" and st[0]["kind"] == "indirect"
    assert st[1]["spans"] == [[q1, q1 + 9], [q2, q2 + 10]] and st[1]["kind"] == "direct"
    rec = gold[0].to_record()
    assert rec["speakers"] == {} and rec["text"] == TEXT


def test_errors_name_file_and_line(tmp_path: Path) -> None:
    root = _split(tmp_path, "T1\tSource 0 2\tTr\nT2\tContent 5 x\toops\n")
    with pytest.raises(InputError, match=r"a1_x1\.ann:2.*bad offsets"):
        read_polnear(root)


def test_missing_folders(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="text/ and attributions/"):
        read_polnear(tmp_path)
