"""Reports: the whole pipeline written to a folder with a self-contained HTML page.

:func:`build_report` analyses an embedded statement table (similarity, calibrated alignment
of a focus speaker with the others, topics, the statement pairs behind the scores) and writes
``report.html``, ``statements.parquet``, the matrices as CSV and every figure as PNG and SVG,
into a folder that holds only what stancekit wrote (:class:`ReportFolder`, its manifest
:data:`MANIFEST`; :class:`ReportFolderError` otherwise, unless ``overwrite=True``).
:func:`run_demo` does it for the bundled data.
"""

from stancekit.report._analysis import Analysis, Settings, analyse
from stancekit.report._build import Report, build_report
from stancekit.report._folder import MANIFEST, ReportFolder, ReportFolderError, csv_safe

__all__ = [
    "MANIFEST",
    "Analysis",
    "Report",
    "ReportFolder",
    "ReportFolderError",
    "Settings",
    "analyse",
    "build_report",
    "csv_safe",
]
