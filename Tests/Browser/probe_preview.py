#!/usr/bin/env python3
"""Sends raw HTTP requests to a running `santedoc apercu`, as an attacker would, and
reports what came back: status, the announced and the received body length, and whether
the body holds any of the given secrets.

Usage: probe_preview.py PORT SECRET... — reads request lines ("METHOD TARGET" or
"METHOD TARGET Host") on standard input, prints a JSON list of
{"request", "status", "length", "received", "leaks"} and waits for the server first.
"""
import json
import socket
import sys
import time


def send(port, method, target, host):
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(f"{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while True:
            chunk = connection.recv(65536)
            if not chunk:
                break
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head else 0
    length = None
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    return status, length, body


def main():
    port, secrets = int(sys.argv[1]), [s.encode() for s in sys.argv[2:]]
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    results = []
    for line in sys.stdin.read().splitlines():
        parts = line.split()
        if not parts:
            continue
        method, target = parts[0], parts[1]
        host = parts[2] if len(parts) > 2 else f"127.0.0.1:{port}"
        status, length, body = send(port, method, target, host)
        results.append({"request": line, "status": status, "length": length, "received": len(body),
                        "leaks": [s.decode() for s in secrets if s in body]})
    print(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
