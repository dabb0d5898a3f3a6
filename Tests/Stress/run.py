#!/usr/bin/env python3
"""Runs the stress corpus (Tests/Fixtures/stress/formes.json): every shape at its size must
give its expected outcome (built, or refused with the expected located error) within its
time budget, without crashing. Prints a table; exits 1 on any failure.

Usage: Tests/Stress/run.py [SANTEDOC]   (default: .build/debug/santedoc)
"""
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import shapes  # noqa: E402

ROOT = shapes.ROOT


def run(santedoc, project, output, timeout):
    """Exit status, seconds, peak memory (bytes) and standard error of one build."""
    start = time.perf_counter()
    process = subprocess.Popen([santedoc, "build", str(project), "-o", str(output)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    chunks = []
    reader = threading.Thread(target=lambda: chunks.append(process.stderr.read()))
    reader.start()
    timer = threading.Timer(timeout * 3, process.kill)
    timer.start()
    # Reaped here rather than by Popen, for this child's own peak memory.
    _, status, usage = os.wait4(process.pid, 0)
    timer.cancel()
    reader.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if seconds >= timeout * 3:
        return None, seconds, usage.ru_maxrss * 1024, "délai dépassé"
    return process.returncode, seconds, usage.ru_maxrss * 1024, b"".join(chunks).decode("utf-8", "replace")


def size_on_disk(folder):
    return sum(path.stat().st_size for path in pathlib.Path(folder).rglob("*") if path.is_file())


def main():
    santedoc = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / ".build/debug/santedoc")
    cases = json.loads((ROOT / "Tests/Fixtures/stress/formes.json").read_text())["cas"]
    failures = []
    print(f"{'forme':24} {'taille':>20} {'attendu':30} {'obtenu':30} {'temps':>8} {'budget':>7} {'mémoire':>8} "
          f"{'budget':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for index, case in enumerate(cases):
            work = pathlib.Path(folder) / str(index)
            project = shapes.make(case["forme"], case["taille"], work / "projet")
            status, seconds, memory, stderr = run(santedoc, project, work / "sortie", case["secondes"])
            memory_budget = case.get("memoire_mo", 0) * 2**20 or 60 * 2**20 + 20 * size_on_disk(project)
            ids = re.findall(r"erreur: .* \[([a-z0-9.\-]+)\]$", stderr, re.M)
            expected = case["attendu"]
            if expected == 0:
                ok = status == 0
                got = "produit" if status == 0 else f"code {status} {ids[:1]}"
            else:
                ok = status == 2 and expected in ids and all(
                    re.match(r"^\S+:\d+:\d+: erreur: ", line) for line in stderr.splitlines() if "erreur:" in line)
                got = ", ".join(sorted(set(ids))) or f"code {status}"
            if status is not None and status < 0:
                ok, got = False, f"plantage (signal {-status})"
            if "erreur interne" in stderr:
                ok, got = False, "erreur interne"
            in_time = seconds <= case["secondes"]
            in_memory = memory <= memory_budget
            mark = "ok" if ok and in_time and in_memory else "ÉCHEC"
            print(f"{case['forme']:24} {case['taille']:>20} {str(expected):30} {got[:30]:30} {seconds:8.2f} "
                  f"{case['secondes']:7} {memory / 2**20:6.0f}Mo {memory_budget / 2**20:6.0f}Mo {mark}")
            if not ok:
                failures.append(f"{case['forme']} {case['taille']}: attendu {expected}, obtenu {got}")
            elif not in_time:
                failures.append(f"{case['forme']} {case['taille']}: {seconds:.1f} s, budget {case['secondes']} s")
            elif not in_memory:
                failures.append(f"{case['forme']} {case['taille']}: {memory / 2**20:.0f} Mo, "
                                f"budget {memory_budget / 2**20:.0f} Mo")
    if failures:
        print("\n".join(["", "Échecs :"] + failures))
        return 1
    print(f"\n{len(cases)} cas de charge conformes.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
