"""Findings: what a DPO should look at, with evidence."""

from scanner.findings.art9 import art9_labels
from scanner.findings.rules import SEVERITY_RANK, FindingOptions, order, severity_at_least

__all__ = ["SEVERITY_RANK", "FindingOptions", "art9_labels", "order", "severity_at_least"]
