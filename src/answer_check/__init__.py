"""answer-check: explainable, rule-based grading of job-interview answers (English, Indonesian)."""
