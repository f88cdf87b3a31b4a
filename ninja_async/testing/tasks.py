"""Tasks (spec §6.5): time logs, `time_details`, start/stop on POST, only state actions on PUT.

`time_log` is a JSON string of `[start, end]` pairs in Unix seconds, `end` false while running.
The store route has no validation and updates the task named by a body `id`; the update route
rejects overlapping time entries.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from .call import Call
from .errors import ServerError
from .inputs import to_int, truthy
from .resources import Resource
from .store import Row
from .transformers import task_time_log
from .validation import Rules

TASK_FIELDS = ("description", "task_status_sort_order", "custom_value1", "custom_value2")
DURATION_UNITS = (("duration_seconds", 1), ("duration_minutes", 60), ("duration_hours", 3600))


def _timestamp(value: Any) -> int:
    if isinstance(value, int | float) or str(value).isdigit():
        return int(value)
    return int(datetime.fromisoformat(str(value).replace(" ", "T")).replace(tzinfo=UTC).timestamp())


def time_details_log(details: list[Any]) -> list[list[Any]]:
    """`time_details[]` → time-log pairs (an end time, or a duration in seconds/minutes/hours)."""
    log: list[list[Any]] = []
    for detail in details:
        if not isinstance(detail, dict) or "start_datetime" not in detail:
            continue
        start = _timestamp(detail["start_datetime"])
        end: Any = False
        if detail.get("end_datetime"):
            end = _timestamp(detail["end_datetime"])
        for key, unit in DURATION_UNITS:
            if detail.get(key):
                end = start + int(float(detail[key]) * unit)
        log.append([start, end])
    return log


def overlapping(log: list[list[Any]]) -> bool:
    last_end = None
    for start, *rest in sorted(log, key=lambda e: int(e[0])):
        if last_end is not None and int(start) < last_end:
            return True
        end = rest[0] if rest else False
        last_end = None if end is False or end is None else int(end)
    return False


class Tasks(Resource):
    name = "tasks"
    kind = "task"
    client_relation = True
    allowed_actions = frozenset({"archive", "delete", "restore"})

    def validate_update(self, call: Call, row: Row) -> None:
        value = call.inp.get("time_log")
        log = json.loads(value) if isinstance(value, str) and value.strip().startswith("[") else []
        Rules(call.inp).custom(
            "time_log", not overlapping(log), "Please correct any overlapping times"
        ).check()

    async def store(self, call: Call) -> web.Response:
        public_id = to_int(call.inp.get("id") or call.inp.get("public_id"))
        row = self.find(call) if public_id else None
        verb = "update" if row else "create"
        row = self.save_task(call, row)
        self.notify(call, verb, row)
        return call.item(self.kind, row)

    def save(self, call: Call, row: Row) -> None:
        self.save_task(call, row)

    def save_task(self, call: Call, row: Row | None) -> Row:
        """`TaskRepository::save`."""
        data = call.inp.data
        if row is None:
            row = call.account.new_row("tasks", call.user.public_id, task_status_sort_order=9999)
        if row.is_deleted:
            return row
        row.f.update({k: data[k] for k in TASK_FIELDS if k in data})
        self._relations(call, row, data)
        if isinstance(data.get("time_details"), list):
            log = time_details_log(data["time_details"])
        elif isinstance(data.get("time_log"), str):
            log = json.loads(data["time_log"] or "[]")
        else:
            log = task_time_log(row)
        now = call.rt.clock.timestamp()
        action = data.get("action")
        if action in ("start", "resume"):
            row.f["is_running"] = True
            log.append([now, False])
        elif action == "stop" and row.f.get("is_running") and log:
            log[-1][1] = now
            row.f["is_running"] = False
        elif action == "offline" or "is_running" in data:
            row.f["is_running"] = truthy(data.get("is_running"))
        row.f["time_log"] = json.dumps(log, separators=(",", ":"))
        call.account.touch("tasks", row)
        return row

    def _relations(self, call: Call, row: Row, data: dict[str, Any]) -> None:
        if "client_id" in data:
            row.f["client_id"] = (
                to_int(data["client_id"]) if call.account.clients.get(to_int(data["client_id"])) else 0
            )
        if "task_status_id" in data:
            row.f["task_status_id"] = to_int(data["task_status_id"])
        if "project_id" in data:
            project = call.account.table("projects").get(to_int(data["project_id"]))
            if project is None and to_int(data["project_id"]):
                raise ServerError("Project not found")
            row.f["project_id"] = project.public_id if project else 0
            if project is not None:
                row.f["client_id"] = project.f.get("client_id", 0)
