#!/usr/bin/env python3
"""Loss check: reads a document SanteDoc wrote (DocBook, ODT or DOCX) back with pandoc, as
plain text, and checks that every heading, every table caption, every table cell and every
number of the DocBook is still there — totals and cover data included. With --soffice, LibreOffice
must also convert the file to PDF without error.

Usage: check_text.py FILE FORMAT DOC.xml [--soffice]   (FORMAT: docbook, odt or docx)
Prints a JSON report, exits 1 on any failure.
"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

DB = "{http://docbook.org/ns/docbook}"
NUMBER = re.compile(r"[-−+]?\d[\d\u00a0\u202f ]*(?:,\d+)?")


def squeeze(text):
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def digits(text):
    return re.sub(r"\s+", "", text.replace("\u00a0", "").replace("\u202f", ""))


def facts(path):
    root = ET.parse(path).getroot()
    info = root.find(DB + "info")
    skip = set(info.iter()) if info is not None else set()
    # The preface only repeats the cover, which the office formats put on their title page.
    headings = [squeeze("".join(e.find(DB + "title").itertext())) for e in root.iter()
                if e.tag in (DB + "chapter", DB + "section") and e.find(DB + "title") is not None]
    cells = sorted({squeeze("".join(e.itertext())) for e in root.iter(DB + "entry")} - {""})
    captions = [squeeze("".join(t.find(DB + "title").itertext())) for t in root.iter(DB + "table")]
    numbers, totals = set(), set()
    for element in root.iter():
        if element in skip:
            continue
        for piece in [element.text or ""]:
            for match in NUMBER.findall(piece):
                if any(ch.isdigit() for ch in match):
                    numbers.add(digits(match))
    for row in root.iter(DB + "row"):
        if row.get("role") == "total":
            row_cells = [squeeze("".join(e.itertext())) for e in row.iter(DB + "entry")]
            totals.add((row_cells[0], tuple(digits(n) for c in row_cells[1:] for n in NUMBER.findall(c)
                                            if any(x.isdigit() for x in n))))
    title = squeeze("".join(info.find(DB + "title").itertext())) if info is not None else ""
    return title, headings, captions, sorted(numbers), sorted(totals), cells


def odt_text(path):
    """Every paragraph and heading of the ODT's content, one a line."""
    import zipfile
    text_ns = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
    with zipfile.ZipFile(path) as archive:
        root = ET.fromstring(archive.read("content.xml"))
    lines = []
    for element in root.iter():
        if element.tag in (text_ns + "p", text_ns + "h"):
            lines.append(" ".join("".join(element.itertext()).split()))
    return "\n".join(lines)


def main():
    source, fmt, xml = sys.argv[1], sys.argv[2], sys.argv[3]
    if fmt == "odt":
        # pandoc's ODT reader drops the tables' header rows: the text is read from the file itself.
        text = odt_text(source)
    else:
        # Wide lines, so that no table cell is wrapped onto several lines of the text.
        text = subprocess.run(["pandoc", "-f", fmt, "-t", "plain", "-s", "--wrap=none", "--columns=100000", source],
                              check=True, capture_output=True, text=True).stdout
    flat, flat_digits = squeeze(text), digits(text)
    title, headings, captions, numbers, totals, cells = facts(xml)
    failures = []
    if title and title not in flat:
        failures.append(f"titre absent : {title}")
    failures += [f"titre de partie absent : {h}" for h in headings if h not in flat]
    failures += [f"légende absente : {c}" for c in captions if c not in flat]
    lost_cells = [c for c in cells if c not in flat]
    if lost_cells:
        failures.append(f"cellules de tableau perdues : {lost_cells[:10]}")
    lost = [n for n in numbers if n not in flat_digits]
    if lost:
        failures.append(f"nombres perdus : {lost[:10]}")
    for label, amounts in totals:
        if label not in flat or any(a not in flat_digits for a in amounts):
            failures.append(f"ligne de total perdue : {label} {amounts}")
    converted = None
    if "--soffice" in sys.argv:
        with tempfile.TemporaryDirectory() as folder:
            result = subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/profil", "--headless",
                                     "--convert-to", "pdf", "--outdir", folder, source],
                                    capture_output=True, text=True, timeout=180)
            pdf = pathlib.Path(folder) / (pathlib.Path(source).stem + ".pdf")
            converted = pdf.exists() and pdf.stat().st_size > 1000
            if result.returncode != 0 or not converted or "Error" in result.stderr:
                failures.append(f"LibreOffice n’a pas converti le fichier : {result.stderr.strip()[:300]}")
    report = {"file": source, "format": fmt, "headings": len(headings), "captions": len(captions),
              "numbers": len(numbers), "cells": len(cells), "totals": [label for label, _ in totals], "libreoffice_pdf": converted, "failures": failures}
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
