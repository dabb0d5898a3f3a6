#!/usr/bin/env python3
"""Loss check: reads a document SanteDoc wrote (DocBook, ODT or DOCX) back with pandoc, as
plain text, and checks that every heading, every table caption and every number of the
DocBook is still there — totals and cover data included. With --soffice, LibreOffice
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
    headings = [squeeze("".join(e.find(DB + "title").itertext())) for e in root.iter()
                if e.tag in (DB + "chapter", DB + "section", DB + "preface") and e.find(DB + "title") is not None]
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
            cells = [squeeze("".join(e.itertext())) for e in row.iter(DB + "entry")]
            totals.add((cells[0], tuple(digits(n) for c in cells[1:] for n in NUMBER.findall(c) if any(x.isdigit() for x in n))))
    title = squeeze("".join(info.find(DB + "title").itertext())) if info is not None else ""
    return title, headings, captions, sorted(numbers), sorted(totals)


def main():
    source, fmt, xml = sys.argv[1], sys.argv[2], sys.argv[3]
    text = subprocess.run(["pandoc", "-f", fmt, "-t", "plain", "-s", "--wrap=none", source],
                          check=True, capture_output=True, text=True).stdout
    flat, flat_digits = squeeze(text), digits(text)
    title, headings, captions, numbers, totals = facts(xml)
    failures = []
    if title and title not in flat:
        failures.append(f"titre absent : {title}")
    failures += [f"titre de partie absent : {h}" for h in headings if h not in flat]
    failures += [f"légende absente : {c}" for c in captions if c not in flat]
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
              "numbers": len(numbers), "totals": [label for label, _ in totals], "libreoffice_pdf": converted, "failures": failures}
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
