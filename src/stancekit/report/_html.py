"""A self-contained HTML page: inline CSS, figures embedded as PNG data, tables, statements."""

from __future__ import annotations

import base64
import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

__all__ = ["Page", "Section"]

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1100px;
margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd}
h3{margin-top:1.4rem}.note{color:#555;font-size:.92rem}.warn{background:#fff6e0;
border-left:4px solid #E69F00;padding:.5rem .8rem;margin:1rem 0}
figure{margin:1rem 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
figcaption{font-size:.88rem;color:#444}
table{border-collapse:collapse;font-size:.85rem;margin:.6rem 0;display:block;overflow-x:auto}
th,td{border:1px solid #ddd;padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#f4f6f8}details{margin:.3rem 0}summary{cursor:pointer;font-weight:600}
code{background:#f4f4f4;padding:0 .2rem}nav a{margin-right:.8rem}
"""


@dataclass
class Section:
    """One part of the page; ``html`` holds its body."""

    id: str
    title: str
    parts: list[str] = field(default_factory=list)

    def p(self, text: str, *, cls: str | None = None) -> None:
        """A paragraph of plain text."""
        attr = f' class="{cls}"' if cls else ""
        self.parts.append(f"<p{attr}>{html.escape(text)}</p>")

    def raw(self, markup: str) -> None:
        """Markup made by this module (already escaped)."""
        self.parts.append(markup)

    def heading(self, text: str) -> None:
        """A sub-heading."""
        self.parts.append(f"<h3>{html.escape(text)}</h3>")

    def figure(self, png: bytes, caption: str, *, name: str) -> None:
        """A figure embedded as PNG data, with a caption and its name (for the test)."""
        data = base64.b64encode(png).decode("ascii")
        self.parts.append(
            f'<figure data-figure="{html.escape(name)}"><img alt="{html.escape(caption)}" '
            f'src="data:image/png;base64,{data}"><figcaption>{html.escape(caption)}'
            "</figcaption></figure>"
        )

    def table(self, frame: pd.DataFrame, *, max_rows: int = 60, floatfmt: str = "{:.3f}") -> None:
        """A table (the first ``max_rows`` rows, with a note when cut)."""
        shown = frame.head(max_rows)
        self.parts.append(
            shown.to_html(
                index=False, escape=True, border=0, na_rep="–", float_format=floatfmt.format
            )
        )
        if len(frame) > max_rows:
            self.p(f"{len(frame) - max_rows} more rows in the CSV files.", cls="note")

    def statements(
        self, groups: Iterable[tuple[str, Sequence[str]]], *, max_each: int = 40
    ) -> None:
        """Statements grouped by speaker, each group folded."""
        for name, texts in groups:
            items = "".join(f"<li>{html.escape(t)}</li>" for t in texts[:max_each])
            more = (
                f"<li class='note'>… {len(texts) - max_each} more</li>"
                if len(texts) > max_each
                else ""
            )
            head = f"<summary>{html.escape(name)} ({len(texts)})</summary>"
            self.parts.append(f"<details>{head}<ul>{items}{more}</ul></details>")


@dataclass
class Page:
    """The whole report."""

    title: str
    subtitle: str = ""
    sections: list[Section] = field(default_factory=list)

    def section(self, id: str, title: str) -> Section:
        """Add and return a section."""
        sec = Section(id, title)
        self.sections.append(sec)
        return sec

    def render(self) -> str:
        """The page as one HTML string (no external resources)."""
        nav = "".join(
            f'<a href="#{html.escape(s.id)}">{html.escape(s.title)}</a>' for s in self.sections
        )
        body = "".join(
            f'<section id="{html.escape(s.id)}" data-section="{html.escape(s.id)}">'
            f"<h2>{html.escape(s.title)}</h2>{''.join(s.parts)}</section>"
            for s in self.sections
        )
        sub = f'<p class="note">{html.escape(self.subtitle)}</p>' if self.subtitle else ""
        return (
            "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width,initial-scale=1'>"
            f"<title>{html.escape(self.title)}</title><style>{_CSS}</style></head><body>"
            f"<h1>{html.escape(self.title)}</h1>{sub}<nav>{nav}</nav>{body}</body></html>\n"
        )
