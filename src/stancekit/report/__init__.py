"""Reports: the whole pipeline written to a folder with a self-contained HTML page.

:func:`build_report` analyses an embedded statement table (similarity, calibrated alignment
of a focus speaker with the others, topics, the statement pairs behind the scores) and writes
``report.html``, ``statements.parquet``, the matrices as CSV and every figure as PNG and SVG.
:func:`run_demo` does it for the bundled data.
"""

from stancekit.report._analysis import Analysis, Settings, analyse
from stancekit.report._build import Report, build_report

__all__ = ["Analysis", "Report", "Settings", "analyse", "build_report"]
