"""The README's Python section runs as written."""

from __future__ import annotations

import re

from conftest import ROOT


def python_blocks() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


def test_readme_python_example_runs(capsys):
    blocks = python_blocks()
    assert blocks, "README's Python section has no ```python example"
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {"__name__": "readme"})
    out = capsys.readouterr().out
    assert "direct “We will win,”" in out
    assert "“Prices will fall,”" in out


def test_issue_one_liner_prints_the_sample_quotes():
    """The 'done when' check of the Python package: a fresh interpreter, the
    sample article, the quotes printed."""
    import subprocess
    import sys

    code = ("import quotewise; print(quotewise.Extractor().extract("
            "open('examples/sample_article.txt', encoding='utf-8').read()).quotes)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True, timeout=60).stdout
    assert out.startswith("[Quote(kind=")
    assert "speaker='Putin'" in out or "speaker='Vladimir Putin'" in out
