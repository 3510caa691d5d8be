"""The report in a real browser: headless Chromium (Debian's ``chromium``, which ``.ci/run``
installs) loads it, every figure decodes, every section is there; a screenshot is saved."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from stancekit import StatementTable
from stancekit.report import Settings, build_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CHECK = """<script>
window.addEventListener('load', () => {
  const imgs = Array.from(document.images);
  const ok = imgs.filter(i => i.complete && i.naturalWidth > 0).length;
  const secs = Array.from(document.querySelectorAll('section[data-section]')).map(s => s.id);
  const d = document.createElement('pre'); d.id = 'stancekit-check';
  d.textContent = 'images=' + imgs.length + ' loaded=' + ok + ' sections=' + secs.join(',');
  document.body.appendChild(d);
});
</script></body>"""


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (the README's optional browser check; .ci/run installs it)",
)
def test_report_in_headless_chromium(corpus: StatementTable, tmp_path: Path) -> None:
    rep = build_report(
        corpus, tmp_path / "out", settings=Settings(n_permutations=19, n_bootstrap=20, n_topics=3)
    )
    probe = tmp_path / "out" / "probe.html"
    probe.write_text(
        rep.html.read_text(encoding="utf-8").replace("</body>", CHECK), encoding="utf-8"
    )
    profile = tempfile.mkdtemp(prefix="chromium-")
    base = [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=5000"]
    dom = subprocess.run(
        [*base, "--dump-dom", probe.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    m = re.search(r"images=(\d+) loaded=(\d+) sections=([\w,-]*)", dom.stdout)
    assert m is not None, dom.stderr[-2000:]
    n_img, n_ok, sections = int(m[1]), int(m[2]), m[3].split(",")
    assert n_img >= 5 and n_ok == n_img
    assert sections == ["corpus", "provenance"]
    shot = tmp_path / "out" / "screenshot.png"
    subprocess.run(
        [*base, "--window-size=1200,2400", f"--screenshot={shot}", rep.html.as_uri()],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert shot.stat().st_size > 10_000
    keep = Path(__file__).resolve().parents[2] / "tests" / "report" / "_artifacts"
    keep.mkdir(exist_ok=True)
    shutil.copy(shot, keep / "report-screenshot.png")
