"""Run the command line with ``python -m answer_check``."""

from answer_check.cli import run

run()
