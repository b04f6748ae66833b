"""What some tests need from the machine (Chromium, Java, the npm tools), and what they do without it."""

import os
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
NODE_MODULES = REPOSITORY / "node_modules"


def unavailable(reason):
    """Skip the test for want of a tool, saying what to install; on CI (``CI`` set), fail instead."""
    if os.environ.get("CI"):
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def npm_file(path):
    """A file of an npm package the tests use; fail, saying how to install it, if it is missing."""
    installed = NODE_MODULES / path
    if not installed.exists():
        pytest.fail(
            f"{installed.relative_to(REPOSITORY)} is missing: "
            "run `npm ci --ignore-scripts` at the repository root.",
            pytrace=False,
        )
    return installed
