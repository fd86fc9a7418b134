"""Stage query: read-side views of the merged record, shared by the CLI (and the REST API to come).

In: a ``MergedRecord`` (merge stage). Out: plain, typed views: the state of one relationship
(``dyad``), events in date order (``timeline``), and contradictions (``conflicts``).
"""
from __future__ import annotations

from .views import DyadReport, TargetCheck, country_code, dyad, timeline

__all__ = ["DyadReport", "TargetCheck", "country_code", "dyad", "timeline"]
