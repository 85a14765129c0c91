"""answer-check: explainable, rule-based scoring of job-interview answers (English, Indonesian)."""

__version__ = "0.1.0"
