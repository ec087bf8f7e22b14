"""The audit: findings, causes, explanations, what could not be checked."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
