"""An emulator serving from a thread of its own, for tests whose code under test calls ``asyncio.run``
(the CLI, README snippets): the server keeps running between and during those calls."""

from __future__ import annotations

import asyncio
import threading

from ninja_async.testing import NinjaEmulator


class EmulatorThread:
    """An emulator serving from its own event loop in a daemon thread."""

    def __init__(self, emulator: NinjaEmulator) -> None:
        self.loop = asyncio.new_event_loop()
        self.emulator = emulator
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def __enter__(self) -> NinjaEmulator:
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self.emulator.start(), self.loop).result(timeout=30)
        return self.emulator

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self.emulator.stop(), self.loop).result(timeout=30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=30)
        self.loop.close()
