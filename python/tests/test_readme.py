"""The README's Python section runs as written."""

from __future__ import annotations

import re

import pytest

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
    assert "“We are ready,”" in out and "Q7747" in out  # Putin, linked


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


def _imports(code: str) -> set[str]:
    """The top-level modules `code` imports."""
    import ast

    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _extras() -> dict[str, set[str]]:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {name: {re.split(r"[<>=!~ \[;]", req, maxsplit=1)[0] for req in reqs}
            for name, reqs in project["optional-dependencies"].items()}


# Modules that come with Python or with quotewise itself.
_OURS = {"quotewise", "pickle", "json", "os", "sys", "re", "pathlib"}


def test_readme_install_line_brings_what_its_python_example_imports():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    [extra] = re.findall(r"^pip install '\.\[(\w+)\]'", section, flags=re.M)
    needed = set().union(*map(_imports, python_blocks())) - _OURS
    assert needed and needed <= _extras()[extra], (extra, needed)
    assert f"pip install '.[{extra}]'" in readme.split("\n## ", 1)[0], "first-screen install line"


def test_notebook_extra_brings_what_the_notebook_imports():
    import json

    notebook = json.loads((ROOT / "examples" / "notebook.ipynb").read_text(encoding="utf-8"))
    code = [("".join(c["source"])) for c in notebook["cells"] if c["cell_type"] == "code"]
    needed = set().union(*map(_imports, code)) - _OURS
    assert {"pandas", "matplotlib"} <= needed
    assert needed | {"ipykernel"} <= _extras()["notebook"], needed
    intro = "".join(notebook["cells"][0]["source"])
    assert "pip install '.[notebook]'" in intro and "not on PyPI" in intro
