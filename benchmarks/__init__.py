"""ninja-async benchmarks: runnable scripts, not timed tests. ``python -m benchmarks --help``."""
