from __future__ import annotations

import datetime as dt
import json
import string
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stancekit import (
    Columns,
    InputError,
    SkippedRecordsWarning,
    Statement,
    StatementTable,
    read_articles,
    write_statements,
)


def test_example_article(example_path: Path) -> None:
    arts = read_articles(example_path)
    assert len(arts) == 1
    a = arts[0]
    assert a.id == "xi-japarov-2025-06-17"
    assert a.date == dt.date(2025, 6, 17)
    assert a.title == "Xi says China-Kyrgyzstan cooperation holds great potential"
    assert a.text.startswith("Chinese President Xi Jinping meets with Kyrgyz President")
    assert "date 2025" not in a.text and a.text == a.text.strip()


def test_txt_folder_plain_and_header(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("date 2024-01-02 Headline here\n\nBody B.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Just a body.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not read", encoding="utf-8")
    with pytest.warns(SkippedRecordsWarning, match=r"notes\.md: unsupported file type '\.md'"):
        arts = read_articles(tmp_path)
    assert [a.id for a in arts] == ["a", "b"]
    assert [s.kind for s in arts.skipped] == ["file"]
    assert arts[0].date is None and arts[0].title is None and arts[0].text == "Just a body."
    assert arts[1].date == dt.date(2024, 1, 2) and arts[1].title == "Headline here"


def test_txt_body_starting_with_word_date_is_body(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("date palms grow in Oman, officials said.\n", encoding="utf-8")
    assert read_articles(tmp_path / "x.txt")[0].text.startswith("date palms")


def test_txt_bad_header_and_utf8(tmp_path: Path) -> None:
    p = tmp_path / "bad.txt"
    p.write_text("date 2024-13-45 Title\n\nBody\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.txt:1.*bad date"):
        read_articles(p)
    q = tmp_path / "enc.txt"
    q.write_bytes(b"line one\nline \xff two\n")
    with pytest.raises(InputError, match=r"enc\.txt:2.*UTF-8"):
        read_articles(q)
    empty = tmp_path / "emptydir"
    empty.mkdir()
    with pytest.raises(InputError, match=r"folder is empty"):
        read_articles(empty)


def test_jsonl_fields_meta_and_errors(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    rows = [
        {
            "id": "x1",
            "text": "Body one.",
            "date": "2020-03-04",
            "title": "T",
            "source": "S",
            "url": "u",
        },
        {"id": 7, "text": "Body two.", "date": "2020-03-05T10:00:00Z"},
    ]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    arts = read_articles(p)
    assert [a.id for a in arts] == ["x1", "7"]
    assert arts[0].meta == {"url": "u"} and arts[0].source == "S"
    assert arts[1].date == dt.date(2020, 3, 5)
    cases = {
        '{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n': r":2.*duplicate id 'a'",
        '{"id": "a"}\n': r":1.*missing text",
        '{"id": "a", "text": "x", "date": "yesterday"}\n': r":1.*bad date 'yesterday'",
        '{"id": "a", "text": 5}\n': r":1.*must be a string",
        '{"id": "a", "text": "x"}\n[1, 2]\n': r":2.*JSON object",
        '{"id": "a", "text": "x"\n': r":1.*invalid JSON",
    }
    for body, pattern in cases.items():
        p.write_text(body, encoding="utf-8")
        with pytest.raises(InputError, match=pattern):
            read_articles(p)


def test_empty_articles_are_reported_not_dropped_silently(tmp_path: Path) -> None:
    p = tmp_path / "e.jsonl"
    p.write_text('{"id": "a", "text": "x"}\n{"id": "b", "text": "   "}\n', encoding="utf-8")
    with pytest.warns(SkippedRecordsWarning, match=r"(?s)skipped 1 empty.*e\.jsonl:2.*'b'"):
        arts = read_articles(p)
    assert [a.id for a in arts] == ["a"]
    assert len(arts.skipped) == 1 and arts.skipped[0].location.endswith("e.jsonl:2")
    with pytest.raises(InputError, match="empty text"):
        read_articles(p, on_empty="error")
    assert len(read_articles(p, on_empty="keep")) == 2


def test_csv_with_custom_columns_and_errors(tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text(
        'doc,body,when\nd1,"Hello, world.",2021-01-01\nd2,"Two\nlines",\n', encoding="utf-8"
    )
    arts = read_articles(p, columns=Columns(id="doc", text="body", date="when"))
    assert [a.id for a in arts] == ["d1", "d2"]
    assert arts[1].text == "Two\nlines" and arts[1].date is None
    p.write_text("id,text,date\nd1,ok,2021-02-30\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.csv:2.*bad date"):
        read_articles(p)
    p.write_text("id,text\nd1,ok,extra\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.csv:2.*more fields"):
        read_articles(p)


def test_parquet_and_dataframe(tmp_path: Path) -> None:
    df = pd.DataFrame(
        {
            "id": ["p1", "p2"],
            "text": ["A.", "B."],
            "date": pd.to_datetime(["2019-05-06", None]),
            "lang": ["en", "fr"],
        }
    )
    df.to_parquet(tmp_path / "a.parquet")
    arts = read_articles(tmp_path / "a.parquet")
    assert [a.date for a in arts] == [dt.date(2019, 5, 6), None]
    assert arts[1].meta == {"lang": "fr"}
    assert read_articles(df) == arts
    with pytest.raises(InputError, match=r"DataFrame, row 2: field 'text' must be a string"):
        read_articles(pd.DataFrame({"id": ["a", "b"], "text": ["x", 5]}))


def test_unsupported_and_missing(tmp_path: Path) -> None:
    (tmp_path / "x.docx").write_bytes(b"")
    with pytest.raises(InputError, match="unsupported"):
        read_articles(tmp_path / "x.docx")
    with pytest.raises(FileNotFoundError):
        read_articles(tmp_path / "nope.jsonl")
    with pytest.raises(TypeError):
        read_articles(42)  # type: ignore[arg-type]


def test_write_statements_formats(tmp_path: Path) -> None:
    t = StatementTable.from_statements(
        [Statement("a", "X", "hi there", 3, 11, "indirect", "said", "X", 0, 1)]
    )
    write_statements(t, tmp_path / "o.jsonl", article_ids=["z", "a"])
    lines = [json.loads(x) for x in (tmp_path / "o.jsonl").read_text().splitlines()]
    assert [r["id"] for r in lines] == ["z", "a"] and lines[0]["statements"] == []
    assert lines[1]["statements"][0]["mention_end"] == 1
    write_statements(t, tmp_path / "o.csv")
    assert pd.read_csv(tmp_path / "o.csv")["speaker"].tolist() == ["X"]
    write_statements(t, tmp_path / "o.parquet")
    assert StatementTable.read_parquet(tmp_path / "o.parquet").equals(t)
    with pytest.raises(ValueError, match="jsonl"):
        write_statements(t, tmp_path / "o.txt")
    # a joined statement carries its pieces; others have no "spans" key
    joined = Statement("a", "X", 'Q1," X said. "Q2', 1, 17, spans=((1, 3), (15, 17)))
    t2 = StatementTable.from_statements([joined, Statement("a", "Y", "ok", 20, 22)])
    write_statements(t2, tmp_path / "j.jsonl")
    recs = json.loads((tmp_path / "j.jsonl").read_text())["statements"]
    assert recs[0]["spans"] == [[1, 3], [15, 17]] and "spans" not in recs[1]


_line = st.text(alphabet=string.printable + "éü\u201c\u201d", max_size=60)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(_line, max_size=6))
def test_malformed_jsonl_never_crashes_unexpectedly(tmp_path: Path, lines: list[str]) -> None:
    p = tmp_path / "fuzz.jsonl"
    p.write_text("\n".join(lines), encoding="utf-8")
    try:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SkippedRecordsWarning)
            arts = read_articles(p)
    except InputError as exc:
        assert "fuzz.jsonl:" in str(exc)
    else:
        assert all(isinstance(a.text, str) for a in arts)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=200))
def test_arbitrary_bytes_in_txt(tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "raw.txt"
    p.write_bytes(data)
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SkippedRecordsWarning)
            arts = read_articles(p)
    except InputError as exc:
        assert "raw.txt" in str(exc)
    else:
        assert len(arts) <= 1
