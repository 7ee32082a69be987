"""Errors plantext reports about an input, each one line naming file and reason."""

from __future__ import annotations


class PlantextError(Exception):
    """An input that cannot be extracted; ``str(error)`` is the one-line message."""

    def __init__(self, path: str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
