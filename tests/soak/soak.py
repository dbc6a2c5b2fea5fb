#!/usr/bin/env python3
# soak.py: kill Evalkit at random moments while it writes, and check that
# every project file it leaves opens, is whole, and is the project as it was
# before or after the killed action: no refused file, no corruption, no lost
# commit, no half-write.
#
#   soak.py --evalkit BIN [--window BIN] --datadir DIR [--runs N] [--seed S]
#
# Actions of the command line: creating the demo, a new project from its
# strategy, importing a survey, a coding sheet and a changed strategy into
# an existing project, defining a group. Actions of the window (when --window
# is given and there is a display): New Evaluation, and status edits and
# narrative typing on an open project, each step logged by the driver before
# it starts and once it is saved. The last line is "N passed, N failed".
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

VOLATILE = {"imported_at", "updated_at"}


def fingerprint(path):
    """The project's content, without the times things were written."""
    if not os.path.exists(path):
        return "absent"
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    try:
        h = hashlib.sha256()
        tables = [r[0] for r in db.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        for table in tables:
            cols = [r[1] for r in db.execute("PRAGMA table_info(%s)" % table) if r[1] not in VOLATILE]
            # A new project draws a random id of its own (what its review
            # copies and drafts are matched by): two runs that create the
            # same project differ in it and in nothing else.
            where = " WHERE key <> 'project_id'" if table == "project_meta" else ""
            rows = db.execute("SELECT %s FROM %s%s" % (", ".join(cols), table, where)).fetchall()
            h.update(table.encode())
            for row in sorted(repr(r) for r in rows):
                h.update(row.encode())
        return h.hexdigest()
    finally:
        db.close()


def integrity(path):
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    try:
        return db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()


class Stats:
    def __init__(self):
        self.runs = 0
        self.killed = 0
        self.refused = 0
        self.corrupt = 0
        self.lost = 0
        self.half = 0
        self.litter = 0
        self.by_action = {}
        self.failures = []

    def fail(self, kind, action, detail):
        setattr(self, kind, getattr(self, kind) + 1)
        self.failures.append("%s: %s: %s" % (kind, action, detail))


def check_opens(args, path, stats, action):
    """evalkit info must open whatever a kill left, and SQLite find it whole."""
    if not os.path.exists(path):
        return True
    r = subprocess.run([args.evalkit, "info", path], capture_output=True, text=True)
    if r.returncode != 0:
        stats.fail("refused", action, r.stderr.strip())
        return False
    if not integrity(path):
        stats.fail("corrupt", action, "integrity_check failed")
        return False
    return True


def litter(directory, name):
    """Files a killed run left beside the project that no later run removes."""
    left = []
    for entry in os.listdir(directory):
        if entry.startswith("." + name + ".") and entry.endswith(".partial"):
            left.append(entry)
    return left


def cli_actions(args, base, work):
    data = args.datadir
    strategy = os.path.join(data, "demo", "strategy.ini")
    changed = os.path.join(work, "changed-strategy.ini")
    with open(strategy, encoding="utf-8") as f:
        text = f.read()
    # A strategy that differs from the demo's: every completed measure of
    # the first goal becomes partly completed.
    with open(changed, "w", encoding="utf-8") as f:
        f.write(text.replace("Status=completed", "Status=partly-completed"))
    return [
        ("demo", None, lambda p: [args.evalkit, "demo", p]),
        ("import-strategy-new", None, lambda p: [args.evalkit, "import-strategy", p, strategy]),
        ("import-strategy", base, lambda p: [args.evalkit, "import-strategy", p, changed]),
        ("import-survey", base, lambda p: [args.evalkit, "import-survey", p,
                                           os.path.join(data, "examples", "survey.csv"),
                                           "--codebook", os.path.join(data, "examples", "codebook.csv"),
                                           "--name", "survey"]),
        ("import-survey-sav", base, lambda p: [args.evalkit, "import-survey", p,
                                               os.path.join(data, "demo", "survey.sav"), "--name", "extra",
                                               "--meta", os.path.join(data, "demo", "survey-meta.ini")]),
        ("import-documents", base, lambda p: [args.evalkit, "import-documents", p,
                                              os.path.join(data, "demo", "documents-wide.csv")]),
        ("group", base, lambda p: [args.evalkit, "group", p, "soak", "reg_kommunestr = 1",
                                   "--name", "nb=Små", "--name", "en=Small"]),
    ]


def prepare(args, actions, work):
    """Each action once, unkilled: its duration and the state it leaves."""
    info = {}
    for name, base, command in actions:
        path = os.path.join(work, "ref-%s.evalkit" % name)
        if base is not None:
            shutil.copyfile(base, path)
        before = fingerprint(path)
        start = time.monotonic()
        r = subprocess.run(command(path), capture_output=True, text=True)
        duration = time.monotonic() - start
        if r.returncode != 0:
            sys.exit("soak: %s failed unkilled: %s" % (name, r.stderr.strip()))
        info[name] = (before, fingerprint(path), duration)
        os.unlink(path)
    return info


def run_cli(args, rng, actions, info, work, stats):
    name, base, command = rng.choice(actions)
    before, after, duration = info[name]
    directory = tempfile.mkdtemp(dir=work)
    path = os.path.join(directory, "p.evalkit")
    if base is not None:
        shutil.copyfile(base, path)
    proc = subprocess.Popen(command(path), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0, duration * 1.1))
    proc.send_signal(signal.SIGKILL)
    status = proc.wait()
    finished = status == 0
    stats.killed += 0 if finished else 1
    stats.by_action[name] = stats.by_action.get(name, 0) + 1

    if check_opens(args, path, stats, name):
        state = fingerprint(path)
        if finished and state != after:
            stats.fail("lost", name, "finished, but the project is not as after the action")
        elif state not in (before, after):
            stats.fail("half", name, "neither before nor after (killed after %s)" % ("exit" if finished else "start"))
    # A second creation in the same folder clears what a killed one left.
    if base is None and litter(directory, "p.evalkit"):
        again = os.path.join(directory, "p.evalkit")
        if os.path.exists(again):
            os.unlink(again)
        subprocess.run(command(again), capture_output=True)
        left = litter(directory, "p.evalkit")
        if left:
            stats.fail("litter", name, ", ".join(left))
    shutil.rmtree(directory)


def read_log(log):
    """(done, pending): the actions confirmed saved, and the one under way."""
    done, pending = [], None
    with open(log, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if line.startswith("B "):
                pending = line[2:]
            elif line == "D" and pending is not None:
                done.append(pending)
                pending = None
    return done, pending


def window_state(path, key):
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    try:
        parts = key.split(" ", 2)
        number = int(parts[0])
        if parts[1] == "status":
            row = db.execute("SELECT t.key FROM measure m LEFT JOIN term t ON t.id = m.status_id "
                             "WHERE m.number = ?", (number,)).fetchone()
            return row[0] if row else None
        field, lang = parts[2].split(" ")[:2]
        row = db.execute("SELECT body FROM text JOIN measure m ON m.id = text.entity_id "
                         "WHERE entity = 'measure' AND m.number = ? AND field = ? AND lang = ?",
                         (number, field, lang)).fetchone()
        return row[0] if row else None
    finally:
        db.close()


def split_action(action):
    """'12 status done' → ('12 status', 'done'); '3 text F L body' → ('3 text F L', 'body')."""
    parts = action.split(" ")
    if parts[1] == "status":
        return " ".join(parts[:2]), parts[2]
    return " ".join(parts[:4]), " ".join(parts[4:])


def run_window_edit(args, rng, base, work, stats):
    directory = tempfile.mkdtemp(dir=work)
    path = os.path.join(directory, "p.evalkit")
    log = os.path.join(directory, "log")
    shutil.copyfile(base, path)
    open(log, "w").close()
    proc = subprocess.Popen([args.window, "edit", path, log, str(rng.randrange(1 << 31))],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(rng.uniform(0.5, 4.0))
    proc.send_signal(signal.SIGKILL)
    _, err = proc.communicate()
    if proc.returncode != -signal.SIGKILL:
        sys.exit("soak: the window driver stopped by itself: %s" % err.decode(errors="replace"))
    stats.killed += 1
    stats.by_action["window-edit"] = stats.by_action.get("window-edit", 0) + 1
    done, pending = read_log(log)

    # What each touched thing was before the run.
    keys = {split_action(a)[0] for a in done + ([pending] if pending else [])}
    original = {k: window_state(base, k) for k in keys}
    if check_opens(args, path, stats, "window-edit"):
        expected = dict(original)
        for action in done:
            k, v = split_action(action)
            expected[k] = v
        for k, v in expected.items():
            actual = window_state(path, k)
            if pending is not None and split_action(pending)[0] == k:
                if actual not in (v, split_action(pending)[1]):
                    stats.fail("half", "window-edit", "%s is %r, expected %r or %r"
                               % (k, actual, v, split_action(pending)[1]))
            elif actual != v:
                stats.fail("lost", "window-edit", "%s is %r, expected %r (saved)" % (k, actual, v))
    stats.by_action["window-edit-steps"] = stats.by_action.get("window-edit-steps", 0) + len(done)
    shutil.rmtree(directory)


def run_window_new(args, rng, work, stats):
    directory = tempfile.mkdtemp(dir=work)
    path = os.path.join(directory, "p.evalkit")
    proc = subprocess.Popen([args.window, "new", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0.2, 1.2))
    proc.send_signal(signal.SIGKILL)
    status = proc.wait()
    stats.killed += 0 if status == 0 else 1
    stats.by_action["window-new"] = stats.by_action.get("window-new", 0) + 1
    if status == 0 and not os.path.exists(path):
        stats.fail("lost", "window-new", "New Evaluation finished but left no file")
    check_opens(args, path, stats, "window-new")
    shutil.rmtree(directory)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--evalkit", required=True)
    parser.add_argument("--window")
    parser.add_argument("--datadir", required=True)
    parser.add_argument("--runs", type=int, default=int(os.environ.get("EVK_SOAK_RUNS", "0")))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("EVK_SOAK_SEED", "0")) or None)
    args = parser.parse_args()
    if args.runs == 0:
        if not os.environ.get("EVK_BENCH"):
            print("soak: skipped (set EVK_BENCH=1 for 1,000 runs, or EVK_SOAK_RUNS=N)")
            return 77
        args.runs = 1000

    seed = args.seed if args.seed is not None else random.randrange(1 << 31)
    rng = random.Random(seed)
    use_window = args.window is not None and (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    stats = Stats()
    failed_runs = 0
    work = tempfile.mkdtemp(prefix="evk-soak-")
    try:
        base = os.path.join(work, "base.evalkit")
        subprocess.run([args.evalkit, "demo", base], check=True, capture_output=True)
        actions = cli_actions(args, base, work)
        info = prepare(args, actions, work)
        print("# seed %d; %d runs; window %s" % (seed, args.runs, "yes" if use_window else "no (no display)"))
        for name, (before, after, duration) in info.items():
            print("# %-20s %.2f s unkilled" % (name, duration))
        start = time.monotonic()
        for i in range(args.runs):
            stats.runs += 1
            failures_before = len(stats.failures)
            roll = rng.random()
            if use_window and roll < 0.25:
                run_window_edit(args, rng, base, work, stats)
            elif use_window and roll < 0.30:
                run_window_new(args, rng, work, stats)
            else:
                run_cli(args, rng, actions, info, work, stats)
            failed_runs += len(stats.failures) > failures_before
            if (i + 1) % 100 == 0:
                print("# %d runs, %.0f s" % (i + 1, time.monotonic() - start), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    for line in stats.failures[:40]:
        print("# " + line)
    print("# by action: " + ", ".join("%s %d" % kv for kv in sorted(stats.by_action.items())))
    print("# %d runs, %d killed mid-action: %d refused, %d corrupt, %d lost commits, %d half-writes, %d litter"
          % (stats.runs, stats.killed, stats.refused, stats.corrupt, stats.lost, stats.half, stats.litter))
    print("soak: %d passed, %d failed" % (stats.runs - failed_runs, failed_runs))
    return 1 if failed_runs else 0


if __name__ == "__main__":
    sys.exit(main())
