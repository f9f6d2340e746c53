"""docs/api.md is the REST API reference generated from the server's OpenAPI document.

It is regenerated here in memory and compared with the file, so a change to the
operations or the pydantic models that was not followed by
``python scripts/render_api_docs.py`` fails the suite.
"""

from __future__ import annotations

import difflib
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "render_api_docs.py"
DOC = ROOT / "docs" / "api.md"


def _renderer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_api_docs", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_api_reference_is_up_to_date() -> None:
    renderer = _renderer()
    current = DOC.read_text(encoding="utf-8")
    assert renderer.MARKER in current, f"{DOC} lost its '{renderer.MARKER}' line"
    expected = renderer.render_file(current)
    if current != expected:
        diff = difflib.unified_diff(
            current.splitlines(), expected.splitlines(), "docs/api.md", "generated", lineterm=""
        )
        shown = "\n".join(list(diff)[:40])
        pytest.fail(
            "docs/api.md is out of date with the REST API: run "
            f"`python scripts/render_api_docs.py`.\n{shown}",
            pytrace=False,
        )


def test_every_operation_is_documented() -> None:
    renderer = _renderer()
    document = renderer.build_document()
    text = DOC.read_text(encoding="utf-8")
    for method, path, _ in renderer.operations(document):
        assert f"### {method.upper()} {path}\n" in text, f"{method.upper()} {path} is missing"
