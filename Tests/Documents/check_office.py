#!/usr/bin/env python3
"""Checks a DOCX or ODT written by SanteDoc as a partner opens it, against the DocBook of
the same document:

- read with python-docx / odfpy: every chapter is a heading of the word processor's own
  heading style, numbered as in the PDF (« 1. … »); every chart is a picture of the file
  (DOCX media part, ODT Pictures/); every internal link names a bookmark of the file; the
  signature rows are at least 3 cm high; a working draft carries « Version de travail » at
  the head of its pages (the header of the page style);
- opened by LibreOffice and converted to PDF: the table of contents is there with a page
  number for each entry, the entry's title found on that page; every page after the first
  says « page n / N ».

Usage: check_office.py FILE.docx|FILE.odt DOC.xml   — prints a JSON report, exits 1 on any
failure.
"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

DB = "{http://docbook.org/ns/docbook}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
DRAFT = "Version de travail"
THREE_CM_TWIPS = 1701


def squeeze(text):
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def docbook(path):
    root = ET.parse(path).getroot()
    chapters = [squeeze("".join(c.find(DB + "title").itertext())) for c in root.iter(DB + "chapter")]
    charts = [f for f in root.iter(DB + "figure")]
    signatures = [t.get("{http://www.w3.org/XML/1998/namespace}id") for t in root.iter(DB + "table")
                  if t.get("role") == "signatures"]
    return chapters, len(charts), [s for s in signatures if s], root.get("status") == "draft"


def check_docx(path, chapters, charts, signatures, draft):
    import docx

    failures = []
    document = docx.Document(path)
    headings = [squeeze(p.text) for p in document.paragraphs if p.style.name == "Heading 1"]
    for number, title in enumerate(chapters, start=1):
        if f"{number}. {title}" not in headings:
            failures.append(f"chapitre « {number}. {title} » absent des titres de style « Heading 1 » : {headings[:3]}…")
    pictures = [r for r in document.part.rels.values() if "image" in r.reltype]
    if len(document.inline_shapes) < charts or len(pictures) < charts:
        failures.append(f"{len(document.inline_shapes)} image(s) dans le texte pour {charts} graphique(s)")
    body = document.element.body
    marks = {b.get(W + "name") for b in body.iter(W + "bookmarkStart")}
    dead = sorted({h.get(W + "anchor") for h in body.iter(W + "hyperlink") if h.get(W + "anchor")} - marks)
    if dead:
        failures.append(f"liens internes sans cible : {dead[:5]}")
    for name in signatures:
        start = next((b for b in body.iter(W + "bookmarkStart") if b.get(W + "name") == name), None)
        paragraph = next((p for p in body.iter(W + "p") if start is not None and start in list(p)), None)
        siblings = list(body)
        grid = siblings[siblings.index(paragraph) + 1] if paragraph is not None and paragraph in siblings else None
        if grid is None or grid.tag != W + "tbl":
            failures.append(f"tableau des signatures « {name} » introuvable")
            continue
        for row in grid.findall(W + "tr")[1:]:
            height = row.find(f"{W}trPr/{W}trHeight")
            if height is None or int(height.get(W + "val", "0")) < THREE_CM_TWIPS:
                failures.append("une ligne de signature fait moins de 3 cm")
                break
    headers = " ".join(p.text for s in document.sections for p in s.header.paragraphs)
    if draft and DRAFT not in headers:
        failures.append("version de travail sans mention en tête de page")
    if not draft and DRAFT in headers:
        failures.append("édition définitive marquée « Version de travail »")
    return failures


def check_odt(path, chapters, charts, signatures, draft):
    from odf import opendocument, text as odftext

    failures = []
    document = opendocument.load(path)
    headings = [squeeze(str(h)) for h in document.getElementsByType(odftext.H)
                if h.getAttribute("outlinelevel") == "1"]
    for number, title in enumerate(chapters, start=1):
        if f"{number}. {title}" not in headings:
            failures.append(f"chapitre « {number}. {title} » absent des titres de niveau 1 : {headings[:3]}…")
    with zipfile.ZipFile(path) as archive:
        pictures = [n for n in archive.namelist() if n.startswith("Pictures/")]
        content = ET.fromstring(archive.read("content.xml"))
        styles = archive.read("styles.xml").decode("utf-8")
    if len(pictures) < charts:
        failures.append(f"{len(pictures)} image(s) dans Pictures/ pour {charts} graphique(s)")
    marks = {e.get(f"{{{TEXT}}}name") for tag in ("bookmark", "bookmark-start") for e in content.iter(f"{{{TEXT}}}{tag}")}
    links = {a.get("{http://www.w3.org/1999/xlink}href", "")[1:] for a in content.iter(f"{{{TEXT}}}a")
             if a.get("{http://www.w3.org/1999/xlink}href", "").startswith("#")}
    dead = sorted(links - marks)
    if dead:
        failures.append(f"liens internes sans cible : {dead[:5]}")
    heights = {s.get(f"{{{STYLE}}}name"): s.find(f"{{{STYLE}}}table-row-properties")
               for s in content.iter(f"{{{STYLE}}}style") if s.get(f"{{{STYLE}}}family") == "table-row"}
    for name in signatures:
        mark = next((b for b in content.iter(f"{{{TEXT}}}bookmark") if b.get(f"{{{TEXT}}}name") == name), None)
        parents = {child: parent for parent in content.iter() for child in parent}
        caption = parents.get(mark)
        siblings = list(parents.get(caption, []))
        grid = siblings[siblings.index(caption) + 1] if caption in siblings else None
        if grid is None or grid.tag != f"{{{TABLE}}}table":
            failures.append(f"tableau des signatures « {name} » introuvable")
            continue
        for row in grid.findall(f"{{{TABLE}}}table-row"):
            properties = heights.get(row.get(f"{{{TABLE}}}style-name"))
            height = properties.get(f"{{{STYLE}}}min-row-height", "0cm") if properties is not None else "0cm"
            if float(height.rstrip("cm")) < 3:
                failures.append("une ligne de signature fait moins de 3 cm")
                break
    master = re.search(r"<office:master-styles>.*</office:master-styles>", styles, re.S)
    header = master and re.search(r"<style:header>.*?</style:header>", master.group(0), re.S)
    if draft and not (header and DRAFT in header.group(0)):
        failures.append("version de travail sans mention en tête de page")
    if not draft and header and DRAFT in header.group(0):
        failures.append("édition définitive marquée « Version de travail »")
    return failures


def check_pdf(path, chapters):
    """LibreOffice's rendering: table of contents with its page numbers, page n / N."""
    failures = []
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/profil", "--headless",
                                 "--convert-to", "pdf", "--outdir", folder, path],
                                capture_output=True, text=True, timeout=180)
        pdf = pathlib.Path(folder) / (pathlib.Path(path).stem + ".pdf")
        if result.returncode != 0 or not pdf.exists():
            return [f"LibreOffice n’a pas converti le fichier : {result.stderr.strip()[:300]}"], 0, []
        count = int(re.search(r"^Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True)
                              .stdout, re.M).group(1))
        pages = [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), pdf, "-"], capture_output=True,
                                text=True).stdout for n in range(1, count + 1)]
    toc = []
    for text in pages[:4]:
        if "Sommaire" not in text:
            continue
        for line in text.splitlines():
            match = re.match(r"^\s*(.+?)\s*\.{3,}\s*(\d+)\s*$", line)
            if match:
                toc.append((squeeze(match.group(1)), int(match.group(2))))
    if len(chapters) > 1:
        listed = [title for title, _ in toc]
        for number, title in enumerate(chapters, start=1):
            if f"{number}. {title}" not in listed:
                failures.append(f"sommaire sans « {number}. {title} »")
        for title, page in toc:
            if not 1 <= page <= count or title not in squeeze(pages[page - 1]):
                failures.append(f"sommaire : « {title} » annoncé page {page}, absent de cette page")
    for number, text in enumerate(pages[1:], start=2):
        if f"page {number} / {count}" not in squeeze(text):
            failures.append(f"page {number} : pied de page « page {number} / {count} » absent")
            break
    return failures, count, toc


def main():
    path, xml = sys.argv[1], sys.argv[2]
    chapters, charts, signatures, draft = docbook(xml)
    failures = (check_docx if path.endswith(".docx") else check_odt)(path, chapters, charts, signatures, draft)
    rendered, pages, toc = check_pdf(path, chapters)
    failures += rendered
    report = {"file": path, "chapters": len(chapters), "charts": charts, "signatures": signatures, "draft": draft,
              "libreoffice_pages": pages, "toc": toc, "failures": failures}
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
