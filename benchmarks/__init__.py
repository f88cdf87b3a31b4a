"""ninja-async benchmarks: runnable scripts, not timed tests.

    python -m benchmarks              # every benchmark, full sizes (a few minutes), then the table
    python -m benchmarks cpu memory   # some of them
    python -m benchmarks --smoke      # tiny sizes, one repeat: checks that everything runs (CI)

Every figure is a ratio measured in the same run: the SDK against a hand-written aiohttp loop, or against an
ideal computed from the server's own rules. Absolute numbers drift on a shared machine; ratios measured side
by side, with the variants interleaved round after round and the median taken (of the per-round ratios,
where the runs are short), drift much less. Each row says its target and PASS/MISS; the exit code is 0
either way (non-zero only if a benchmark could not run).

Servers run in their own processes on loopback (``benchmarks.servers``): the emulator where its behaviour is
the point (the hosted throttle), a page server with pre-rendered, emulator-shaped invoice pages where the
emulator's own rendering (~4 ms a page) would be the bottleneck. Client and servers are pinned to separate
CPUs (``--no-pin`` to let them share).

Modules: ``latency`` (hiding server latency), ``cpu`` (pages/s against hand-written loops), ``instructions``
(the same raw loops counted in CPU instructions under callgrind, which the machine's noise cannot move),
``overhead`` (per-call cost of the middleware chain), ``memory`` (client RSS while streaming), ``throttle``
(requests per scaled hour under the hosted throttle), ``models_structure`` (structuring cost, also runnable
on its own); ``harness`` (figures, table, medians, RSS, server processes), ``loops`` (the hand-written
baselines and the SDK loops), ``servers``.
"""
