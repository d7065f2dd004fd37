#!/usr/bin/env python3
"""Reads the transcript store for bench/reliability/run.sh; prints one JSON object.

  check.py counts DB                  activities stored: total, by direction and type
  check.py acked DB IDS_FILE          which acknowledged activity ids (one a line) are stored
  check.py conversations DB MARKS     per conversation: stored activities vs final watermark + 1
                                      (MARKS: one "conversationId watermark" a line)
  check.py delivered DB MARKS         which activities polls had delivered are stored (MARKS: one
                                      "conversationId watermark" a line; Direct Line numbers a
                                      conversation's activities <conversationId>|0000000, ...,
                                      so the ids below each watermark)
  check.py integrity DB               PRAGMA integrity_check (PostgreSQL: pg_amcheck of every
                                      table and index of the database, heap and btree)

DB is the SQLite file, or "pg:CONNINFO" (e.g. pg:host=127.0.0.1 port=5433 user=faqbot dbname=d) for
a PostgreSQL store (Storage:Provider=PostgreSql, the same tables and columns): the queries then go
through `psql -At` (python3 has no PostgreSQL driver here) and integrity through pg_amcheck
(PG_BIN, default /usr/lib/postgresql/15/bin).

Only reads, but opens the file read-write as the host does (a read-only connection cannot open a
WAL database whose -shm file is missing); it never runs before the host has opened the file.
"""
import json
import os
import sqlite3
import subprocess
import sys


class Psql:
    """Just enough of a sqlite3 connection (execute(...).fetchone(), iteration) over `psql -At`."""

    def __init__(self, conninfo):
        self.conninfo = conninfo

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def execute(self, sql):
        out = subprocess.run(["psql", "-X", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-d", self.conninfo, "-c", sql],
                             check=True, capture_output=True, text=True).stdout
        rows = []
        for line in out.splitlines():
            rows.append(tuple(int(v) if v.lstrip("-").isdigit() else v for v in line.split("\t")))
        return Rows(rows)


class Rows(list):
    def fetchone(self):
        return self[0] if self else None


def connect(path):
    if path.startswith("pg:"):
        return Psql(path[3:])
    # A busy timeout because the host may be writing.
    return sqlite3.connect(path, timeout=30)


def counts(db):
    with connect(db) as c:
        total = c.execute("SELECT count(*) FROM activities").fetchone()[0]
        split = {f"{d}:{t}": n for d, t, n in c.execute(
            "SELECT direction, type, count(*) FROM activities GROUP BY direction, type ORDER BY direction, type")}
        conversations = c.execute("SELECT count(*) FROM conversations").fetchone()[0]
        turns = c.execute("SELECT count(*) FROM turns").fetchone()[0]
        handoffs = c.execute("SELECT count(*) FROM handoffs").fetchone()[0]
    return {"activities": total, "by_direction_type": split, "in_messages": split.get("in:message", 0),
            "conversations": conversations, "turns": turns, "handoffs": handoffs}


def acked(db, ids_file):
    with open(ids_file, encoding="utf-8") as f:
        ids = [line.strip() for line in f if line.strip()]
    distinct = set(ids)
    with connect(db) as c:
        stored = {}
        for activity_id, n in c.execute(
                "SELECT activity_id, count(*) FROM activities WHERE direction = 'in' AND activity_id IS NOT NULL GROUP BY activity_id"):
            stored[activity_id] = n
        in_messages = c.execute("SELECT count(*) FROM activities WHERE direction = 'in' AND type = 'message'").fetchone()[0]
    missing = sorted(i for i in distinct if i not in stored)
    stored_twice = sorted(i for i in distinct if stored.get(i, 0) > 1)
    return {"acknowledged": len(ids), "distinct": len(distinct), "found": len(distinct) - len(missing),
            "missing": len(missing), "missing_sample": missing[:20], "stored_more_than_once": len(stored_twice),
            "in_messages_stored": in_messages, "in_messages_not_acknowledged": in_messages - (len(distinct) - len(missing))}


def read_marks(marks_file):
    """Each conversation's last watermark: one "conversation mark" line each."""
    marks = {}
    with open(marks_file, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                conversation, mark = line.split()
                marks[conversation] = int(mark)
    return marks


def conversations(db, marks_file):
    marks = read_marks(marks_file)
    with connect(db) as c:
        stored = dict(c.execute("SELECT conversation_id, count(*) FROM activities GROUP BY conversation_id"))
        detail = {}
        for conversation_id, direction, kind, n in c.execute(
                "SELECT conversation_id, direction, type, count(*) FROM activities GROUP BY conversation_id, direction, type"):
            detail.setdefault(conversation_id, {})[f"{direction}:{kind}"] = n
    differ = []
    for conversation, mark in marks.items():
        expected = mark + 1  # the echoes and the bot's activities, plus the conversationUpdate
        got = stored.get(conversation, 0)
        if got != expected:
            differ.append({"conversation": conversation, "watermark": mark, "expected": expected, "stored": got,
                           "by_direction_type": detail.get(conversation, {})})
    others = sorted(set(stored) - set(marks))
    return {"conversations": len(marks), "watermarks": sum(marks.values()), "expected": sum(marks.values()) + len(marks),
            "stored_for_them": sum(stored.get(k, 0) for k in marks), "differ": differ,
            "stored_for_other_conversations": {k: stored[k] for k in others}}


def delivered(db, marks_file):
    marks = read_marks(marks_file)
    with connect(db) as c:
        stored = {row[0] for row in c.execute("SELECT activity_id FROM activities WHERE activity_id IS NOT NULL")}
    total, missing = 0, []
    for conversation, mark in marks.items():
        for n in range(mark):
            total += 1
            activity_id = f"{conversation}|{n:07d}"
            if activity_id not in stored:
                missing.append(activity_id)
    return {"conversations": len(marks), "delivered": total, "found": total - len(missing), "missing": len(missing),
            "missing_sample": missing[:20]}


def integrity(db):
    if db.startswith("pg:"):
        binary = os.path.join(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"), "pg_amcheck")
        # pg_amcheck takes no connection string: host, port, user and database as options.
        info = dict(pair.split("=", 1) for pair in db[3:].split())
        done = subprocess.run([binary, "--install-missing", "--heapallindexed", "-h", info.get("host", "127.0.0.1"),
                               "-p", info.get("port", "5432"), "-U", info.get("user", "postgres"), info["dbname"]],
                              capture_output=True, text=True)
        version = Psql(db[3:]).execute("SHOW server_version").fetchone()[0]
        problems = (done.stdout + done.stderr).strip()
        return {"integrity_check": "ok" if done.returncode == 0 and not problems else f"pg_amcheck {done.returncode}: {problems[:2000]}",
                "checked_with": f"pg_amcheck, PostgreSQL {version}"}
    with connect(db) as c:
        rows = [r[0] for r in c.execute("PRAGMA integrity_check")]
        version = c.execute("SELECT sqlite_version()").fetchone()[0]
        journal = c.execute("PRAGMA journal_mode").fetchone()[0]
    return {"integrity_check": "; ".join(rows), "checked_with_sqlite": version, "journal_mode": journal}


def main(argv):
    commands = {"counts": counts, "acked": acked, "conversations": conversations, "delivered": delivered,
                "integrity": integrity}
    if len(argv) < 3 or argv[1] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(commands[argv[1]](*argv[2:])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
