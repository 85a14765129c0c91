"""answer-check: explainable, rule-based feedback on job-interview answers."""

__version__ = "0.1.0"
