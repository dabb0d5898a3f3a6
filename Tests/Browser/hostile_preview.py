#!/usr/bin/env python3
"""Hostile requests against a running `santedoc apercu` on PORT: a megabyte of header, a
hundred and one fields, two Host fields (a foreign one first), an absolute-form target,
1 100 idle connections, a connection that never sends its head. Each must be answered at
once with the right status, and the server must answer a normal request afterwards.

Usage: hostile_preview.py PORT — prints a JSON report {"results", "failures"}, exits 1 on failure.
"""
import json
import socket
import sys
import time


def request(port, data, timeout=5):
    """Status line and seconds of one request."""
    start = time.time()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        try:
            connection.sendall(data)
        except OSError:
            pass  # the server answered before reading everything: fine
        received = b""
        try:
            while True:
                chunk = connection.recv(65536)
                if not chunk:
                    break
                received += chunk
        except OSError:
            pass
    status = received.split(b"\r\n", 1)[0].split(b" ")
    return (int(status[1]) if len(status) > 1 else 0), time.time() - start


def main():
    port = int(sys.argv[1])
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    host = f"Host: 127.0.0.1:{port}\r\n"
    cases = {
        "en-tete d’un mégaoctet": (f"GET / HTTP/1.1\r\n{host}X: {'a' * 1_000_000}\r\n\r\n", 431),
        "101 champs": (f"GET / HTTP/1.1\r\n{host}" + "".join(f"X{i}: y\r\n" for i in range(101)) + "\r\n", 431),
        "deux hôtes, l’étranger d’abord": (f"GET / HTTP/1.1\r\nHost: evil.example\r\n{host}\r\n", 400),
        "forme absolue": (f"GET http://evil.example/document HTTP/1.1\r\n{host}\r\n", 400),
        "normal": (f"GET /_apercu/etat HTTP/1.1\r\n{host}\r\n", 200),
    }
    results, failures = {}, []
    for name, (data, expected) in cases.items():
        status, seconds = request(port, data.encode())
        results[name] = [status, round(seconds, 3)]
        if status != expected or seconds > 2:
            failures.append(f"{name} : {status} en {seconds:.2f} s, {expected} attendu à l’instant")
    # A connection that never sends its head does not hold the server.
    silent = socket.create_connection(("127.0.0.1", port), timeout=15)
    idle = []
    for _ in range(1100):
        try:
            idle.append(socket.create_connection(("127.0.0.1", port), timeout=2))
        except OSError:
            break
    status, seconds = request(port, f"GET /_apercu/etat HTTP/1.1\r\n{host}\r\n".encode())
    results["pendant 1 100 connexions inactives"] = [status, round(seconds, 3), len(idle)]
    if status not in (200, 503) or seconds > 2:
        failures.append(f"pendant les connexions inactives : {status} en {seconds:.2f} s")
    for connection in idle:
        connection.close()
    silent.settimeout(15)
    start = time.time()
    try:
        closed = silent.recv(1) == b""
    except OSError:
        closed = False
    results["connexion muette fermée après (s)"] = round(time.time() - start, 1)
    if not closed:
        failures.append("une connexion qui n’envoie rien n’est pas fermée")
    time.sleep(0.5)
    status, _ = request(port, f"GET /_apercu/etat HTTP/1.1\r\n{host}\r\n".encode())
    results["après"] = status
    if status != 200:
        failures.append(f"après l’assaut : {status}, 200 attendu")
    print(json.dumps({"results": results, "failures": failures}, ensure_ascii=False))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
