"""The statistics of one input kind: counts, sizes, memory and distinct failure signatures."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tests.fuzz.longrun.example import Record

KEEP = 3
"""Reproducers saved per signature and worker."""


@dataclass
class KindStats:
    """Counts, sizes, memory and distinct failure signatures of one input kind."""

    tried: int = 0
    ok: int = 0
    lkip_errors: int = 0
    crashes: int = 0
    hangs: int = 0
    memory: int = 0
    harness_errors: int = 0
    max_peak_mib: float = 0.0
    max_growth_mib: float = 0.0
    seconds: float = 0.0
    size_min: int = -1  # -1: nothing measured yet
    size_max: int = 0
    size_total: int = 0
    signatures: dict[str, dict[str, Any]] = field(default_factory=dict)

    def add(self, index: int, record: Record, saved: str | None = None) -> None:
        self.tried += 1
        counter = {"ok": "ok", "lkip": "lkip_errors", "crash": "crashes", "hang": "hangs", "harness": "harness_errors"}
        setattr(self, counter[record.status], getattr(self, counter[record.status]) + 1)
        self.max_peak_mib = max(self.max_peak_mib, record.peak)
        self.max_growth_mib = max(self.max_growth_mib, record.growth)
        self.seconds += record.seconds
        if record.status != "harness":
            self.size_min = record.size if self.size_min < 0 else min(self.size_min, record.size)
            self.size_max = max(self.size_max, record.size)
            self.size_total += record.size
        if record.signature:
            self._signature(record.signature, record.status, index, record.message, saved)
        if record.memory:
            self.memory += 1
            self._signature("Memory: grew past --mem-flag-mib", "memory", index, record.memory, saved)

    def _signature(self, signature: str, status: str, index: int, message: str, saved: str | None) -> None:
        entry = self.signatures.setdefault(
            signature, {"status": status, "count": 0, "first_index": index, "message": message, "saved": []}
        )
        entry["count"] += 1
        if saved:
            entry["saved"].append(saved)

    def merge(self, other: KindStats) -> None:
        for name in (
            "tried",
            "ok",
            "lkip_errors",
            "crashes",
            "hangs",
            "memory",
            "harness_errors",
            "size_total",
            "seconds",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.max_peak_mib = max(self.max_peak_mib, other.max_peak_mib)
        self.max_growth_mib = max(self.max_growth_mib, other.max_growth_mib)
        if other.size_min >= 0:
            self.size_min = other.size_min if self.size_min < 0 else min(self.size_min, other.size_min)
        self.size_max = max(self.size_max, other.size_max)
        for sig, entry in other.signatures.items():
            mine = self.signatures.setdefault(sig, {**entry, "count": 0, "saved": []})
            mine["count"] += entry["count"]
            mine["first_index"] = min(mine["first_index"], entry["first_index"])
            mine["saved"] = (mine["saved"] + entry["saved"])[: KEEP * 2]

    def summary(self) -> dict[str, Any]:
        measured = self.tried - self.harness_errors
        return {
            "tried": self.tried,
            "ok": self.ok,
            "lkip_errors": self.lkip_errors,
            "crashes": self.crashes,
            "hangs": self.hangs,
            "memory_over_limit": self.memory,
            "harness_errors": self.harness_errors,
            "max_peak_mib": round(self.max_peak_mib, 1),
            "max_growth_mib": round(self.max_growth_mib, 1),
            "mean_ms": round(1000 * self.seconds / self.tried, 2) if self.tried else 0,
            "input_bytes": {
                "min": max(self.size_min, 0),
                "mean": round(self.size_total / measured, 1) if measured else 0,
                "max": self.size_max,
            },
            "signatures": dict(sorted(self.signatures.items(), key=lambda item: -item[1]["count"])),
        }
