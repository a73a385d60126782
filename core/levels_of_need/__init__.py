"""The Levels of Need checker core: a partnership's thresholds as typed data, the checker, the
referral summary and training. Standard library only: this package is the only Python the
browser receives (under Pyodide), and the build-time toolkit depends on it."""

__version__ = "0.1.0"
