"""Input readers: broken CSV quoting, folders of mixed files, text vs path, empty texts,
row numbers, missing text columns, skipped records (issue 19)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

import pandas as pd
import pytest

import stancekit as sk
from stancekit import Article, Columns, InputError, SkippedRecordsWarning, read_articles
from stancekit.io import SkippedRecord, describe_skipped, parse_date

# -- 1. CSV with an unterminated quote ------------------------------------------------------


def test_csv_unterminated_quote_names_the_line_where_it_opens(tmp_path: Path) -> None:
    p = tmp_path / "broken.csv"
    p.write_bytes(b'id,text\na,"Trade is up, Putin said.\nb,second\n')
    with pytest.raises(InputError, match=r"broken\.csv:2: unterminated quote") as info:
        read_articles(p)
    assert info.value.line == 2 and info.value.source == str(p)


def test_csv_quote_opened_deep_in_the_file(tmp_path: Path) -> None:
    p = tmp_path / "deep.csv"
    rows = "".join(f"r{i},Fine text number {i}.\n" for i in range(5))
    p.write_text(f'id,text\n{rows}x,"Grain prices fell, the minister said.\ny,more\n', "utf-8")
    with pytest.raises(InputError, match=r"deep\.csv:7: unterminated quote"):
        read_articles(p)


def test_csv_stray_quote_that_closes_later_is_located(tmp_path: Path) -> None:
    # the quote opened on line 2 is closed by the quote that opens line 3's field
    p = tmp_path / "stray.csv"
    p.write_text('id,text\na,"Oil is cheap\nb,"second"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"stray\.csv:2: .*closes on line 3.*'s'"):
        read_articles(p)


def test_csv_multiline_and_escaped_quotes_still_read(tmp_path: Path) -> None:
    p = tmp_path / "ok.csv"
    p.write_text('id,text\na,"He said ""no"".\nTwice."\nb,plain\n', encoding="utf-8")
    arts = read_articles(p)
    assert [a.text for a in arts] == ['He said "no".\nTwice.', "plain"]


def test_csv_row_with_too_few_fields(tmp_path: Path) -> None:
    p = tmp_path / "short.csv"
    p.write_text("id,text,date\na,hello,2020-01-01\nb,only\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"short\.csv:3: .*2 field.*header has 3"):
        read_articles(p)


# -- 2. folders ----------------------------------------------------------------------------


def _mixed_folder(root: Path) -> Path:
    folder = root / "corpus"
    folder.mkdir()
    (folder / "B.TXT").write_text("Ports reopened, the governor said.\n", encoding="utf-8")
    (folder / "a.txt").write_text("date 2024-05-01 Harbour news\n\nShips came in.\n", "utf-8")
    (folder / "c.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Rain fell, the mayor said."}) + "\n", encoding="utf-8"
    )
    (folder / "d.csv").write_text("id,text\nc1,Bridges opened.\n", encoding="utf-8")
    pd.DataFrame({"id": ["p1"], "text": ["Roads closed."]}).to_parquet(folder / "e.PQ")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    (folder / "old").mkdir()
    (folder / "old" / "z.txt").write_text("Never read.", encoding="utf-8")
    return folder


def test_folder_reads_every_supported_file_by_name(tmp_path: Path) -> None:
    folder = _mixed_folder(tmp_path)
    with pytest.warns(SkippedRecordsWarning) as rec:
        arts = read_articles(folder)
    assert [a.id for a in arts] == ["B", "a", "j1", "c1", "p1"]
    assert arts[1].title == "Harbour news" and arts[1].date == dt.date(2024, 5, 1)
    assert [(Path(s.location).name, s.kind) for s in arts.skipped] == [
        ("notes.md", "file"),
        ("old", "file"),
    ]
    assert "subfolder" in arts.skipped[1].reason and "'.md'" in arts.skipped[0].reason
    message = str(rec[0].message)
    assert "2 files or folders not read" in message
    assert "notes.md" in message and "old" in message


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_folder_follows_links_to_files_and_names_broken_ones(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("Talks resumed, the envoy said.", encoding="utf-8")
    folder = tmp_path / "f"
    folder.mkdir()
    try:
        (folder / "linked.txt").symlink_to(target)
        (folder / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    except OSError:  # pragma: no cover - platforms without symlink rights
        pytest.skip("cannot make symlinks here")
    with pytest.warns(SkippedRecordsWarning, match="dangling"):
        arts = read_articles(folder)
    assert [a.id for a in arts] == ["linked"]
    assert "broken link" in arts.skipped[0].reason


def test_folder_duplicate_id_across_files_names_both(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "a", "text": "Two."}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"b\.jsonl:1: duplicate id 'a'.*a\.txt:1"):
        read_articles(tmp_path)


def test_folder_with_nothing_readable_lists_what_it_holds(tmp_path: Path) -> None:
    (tmp_path / "readme.md").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    with pytest.raises(InputError, match=r"no file stancekit reads.*readme\.md.*sub"):
        read_articles(tmp_path)
    for i in range(12):
        (tmp_path / f"n{i:02d}.doc").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match=r"holds 14 entries.*and 4 more"):
        read_articles(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="folder is empty"):
        read_articles(empty)


# -- 3. text vs path in segment -------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["articles.jsonll", "articles.jsonl", "My Articles.CSV", "data/in", "nowhere.txt"]
)
def test_segment_path_like_string_that_does_not_exist(name: str) -> None:
    with pytest.raises(FileNotFoundError, match=r"(?s)no such file.*Article\(") as info:
        sk.segment(name)
    assert repr(name) in str(info.value)


def test_segment_existing_path_and_plain_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "story").write_text("x", encoding="utf-8")  # exists, no suffix
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="unsupported"):
        sk.segment("story")  # read as a path, so its missing suffix is reported
    p = tmp_path / "one.txt"
    p.write_text("Exports rose, Lula said.", encoding="utf-8")
    assert sk.segment(str(p))[0].article_id == "one"
    # text: whitespace without a reader suffix, a line break, or a single word
    assert sk.segment("Exports rose, Lula said.")[0].speaker == "Lula"
    assert len(sk.segment("Hello")) == 0
    assert len(sk.segment("Exports rose, Lula said.\nSee notes.txt")) == 1
    # the way to segment a string that looks like a path
    assert len(sk.segment(Article("t", "articles.jsonll"))) == 0


# -- 4. empty texts, row numbers, times ----------------------------------------------------


def test_csv_empty_text_follows_on_empty_like_jsonl(tmp_path: Path) -> None:
    p = tmp_path / "e.csv"
    p.write_text('id,text\na,Markets rallied.\nb,\nc,"  "\n', encoding="utf-8")
    with pytest.warns(SkippedRecordsWarning, match=r"e\.csv:3.*'b'"):
        arts = read_articles(p)
    assert [a.id for a in arts] == ["a"]
    assert [s.location for s in arts.skipped] == [f"{p}:3", f"{p}:4"]
    with pytest.raises(InputError, match=r"e\.csv:3.*empty text"):
        read_articles(p, on_empty="error")
    assert [a.text for a in read_articles(p, on_empty="keep")] == ["Markets rallied.", "", "  "]


def test_frame_rows_are_counted_from_one(tmp_path: Path) -> None:
    df = pd.DataFrame({"id": ["a", "b"], "text": ["Fine.", "Also fine."], "date": ["x", "y"]})
    with pytest.raises(InputError, match=r"^DataFrame, row 1: bad date 'x'") as info:
        read_articles(df)
    assert info.value.line == 1
    df.to_parquet(tmp_path / "t.parquet")
    with pytest.raises(InputError, match=r"t\.parquet, row 1: bad date") as info:
        read_articles(tmp_path / "t.parquet")
    assert info.value.source == str(tmp_path / "t.parquet")
    labelled = pd.DataFrame({"id": ["a"], "text": ["Fine."], "date": ["x"]}, index=["k7"])
    with pytest.raises(InputError, match=r"DataFrame, row 1 \(index 'k7'\)"):
        read_articles(labelled)


def test_frame_missing_text_is_an_empty_article() -> None:
    df = pd.DataFrame({"id": ["a", "b"], "text": ["Fine.", None]})
    with pytest.warns(SkippedRecordsWarning, match=r"DataFrame, row 2"):
        arts = read_articles(df)
    assert [a.id for a in arts] == ["a"]


def test_frame_integer_ids_and_default_ids() -> None:
    arts = read_articles(pd.DataFrame({"id": [10, 11], "text": ["A.", "B."]}))
    assert [a.id for a in arts] == ["10", "11"]
    assert [a.id for a in read_articles(pd.DataFrame({"text": ["A."]}))] == ["DataFrame-1"]


@pytest.mark.parametrize(
    "value",
    [
        "2025-06-17T99:99:99",
        "2025-06-17T24:00",
        "2025-06-17 12:60",
        "2025-06-17T10:00:61",
        "2025-06-17T10:00+25:00",
        "2025-06-17T",
        "2025-06-17Tnoon",
        "2025-02-30",
    ],
)
def test_parse_date_rejects_impossible_times(value: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(value))):
        parse_date(value)


@pytest.mark.parametrize(
    "value",
    [
        "2025-06-17",
        "2025-06-17T23:59:59",
        "2025-06-17 08:30",
        "2025-06-17T08",
        "2025-06-17T08:30:00.123456+05:30",
        "2025-06-17T08:30:00Z",
        "2025-06-17t08:30:00z",
    ],
)
def test_parse_date_accepts_iso_times(value: str) -> None:
    assert parse_date(value) == dt.date(2025, 6, 17)


# -- 5. skipped records are named ---------------------------------------------------------


def test_skipped_list_names_ten_then_counts(tmp_path: Path) -> None:
    p = tmp_path / "many.jsonl"
    lines = [json.dumps({"id": f"e{i}", "text": ""}) for i in range(13)]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.warns(SkippedRecordsWarning) as rec:
        arts = read_articles(p)
    message = str(rec[0].message)
    assert message.startswith("skipped 13 empty articles:")
    assert "many.jsonl:10" in message and "many.jsonl:11" not in message
    assert message.rstrip().endswith("and 3 more")
    assert describe_skipped(arts.skipped) == message


def test_describe_skipped_formats() -> None:
    assert describe_skipped(()) == ""
    one = describe_skipped([SkippedRecord("a.csv:3", "article 'x' has empty text")])
    assert one == "skipped 1 empty article:\n  a.csv:3: article 'x' has empty text"
    mixed = describe_skipped(
        [
            SkippedRecord("d/n.md", "unsupported file type '.md'", "file"),
            SkippedRecord("d/a.csv:2", "article 'y' has empty text"),
        ]
    )
    assert mixed.splitlines()[0] == "skipped 1 empty article and 1 file or folder not read:"


# -- 6. no text column ---------------------------------------------------------------------


def test_missing_text_column_lists_what_is_there(tmp_path: Path) -> None:
    p = tmp_path / "c.csv"
    p.write_text("id,body,when\na,Fine.,2020-01-01\n", encoding="utf-8")
    pattern = r"missing text column 'text'.*\['id', 'body', 'when'\].*Columns\(text='body'\)"
    with pytest.raises(InputError, match=r"c\.csv:1: " + pattern):
        read_articles(p)
    df = pd.DataFrame({"id": ["a"], "body": ["Fine."], "when": ["2020-01-01"]})
    with pytest.raises(InputError, match=r"DataFrame: " + pattern):
        read_articles(df)
    df.to_parquet(tmp_path / "c.parquet")
    with pytest.raises(InputError, match=r"c\.parquet: " + pattern):
        read_articles(tmp_path / "c.parquet")
    q = tmp_path / "c.jsonl"
    q.write_text('{"id": "a", "content": "Fine."}\n', encoding="utf-8")
    with pytest.raises(
        InputError,
        match=r"c\.jsonl:1: missing text field 'text'.*\['id', 'content'\].*"
        r"Columns\(text='content'\)",
    ):
        read_articles(q)
    assert read_articles(p, columns=Columns(text="body", date="when"))[0].text == "Fine."
