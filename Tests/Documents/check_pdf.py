#!/usr/bin/env python3
"""Checks a PDF written by SanteDoc against the DocBook of the same document, as an ARS
officer would read it, with poppler-utils and qpdf.

- A4 pages (595 x 842 pt), every font embedded;
- every chapter title, every table caption and every number of every table of the
  DocBook appears in the text (no figure lost on the way);
- each table-of-contents entry ends with the page number on which that heading is found;
- bookmarks (the PDF outline) hold every chapter;
- every page but the cover carries the running footer « … — page n / N »;
- no heading sits alone at the bottom of a page; the last page is not near-empty;
- no word starts left of the text block (a chart label cut at the picture's edge);
- a table's total rows are printed once, not repeated at every page break;
- accessibility (PDF/UA-1, read with pikepdf): a tag tree marked as such, the document's
  language (fr) and title shown as the window title, every chapter a heading tag, every table
  a Table with header cells (TH), every figure a Figure with its alternative text, the PDF/UA
  and PDF/A-2 identification in the metadata;
- a short table (6 rows or fewer) never spans two pages;
- optionally (--repeated-header TEXT) a table header repeated on each page it spans.

Usage: check_pdf.py DOC.pdf DOC.xml [--repeated-header TEXT]   — prints a JSON report,
exits 1 on any failure.
"""
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

DB = "{http://docbook.org/ns/docbook}"
NUMBER = re.compile(r"[-−+]?\d[\d\u00a0\u202f ]*(?:,\d+)?")


def run(*command):
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def squeeze(text):
    """One line, single spaces: PDF text wraps where the page does."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def digits(text):
    return re.sub(r"\s+", "", text.replace("\u00a0", "").replace("\u202f", ""))


def text_of(element):
    return squeeze("".join(element.itertext()))


def docbook_facts(path):
    root = ET.parse(path).getroot()
    chapters = [text_of(c.find(DB + "title")) for c in root.iter() if c.tag in (DB + "chapter",)]
    captions = [text_of(t.find(DB + "title")) for t in root.iter(DB + "table")]
    numbers = set()
    for entry in root.iter(DB + "entry"):
        for match in NUMBER.findall(text_of(entry)):
            if any(ch.isdigit() for ch in match):
                numbers.add(digits(match))
    headings = [text_of(s.find(DB + "title")) for s in root.iter() if s.tag in (DB + "chapter", DB + "section")]
    totals = sorted({text_of(row.find(DB + "entry")) for row in root.iter(DB + "row") if row.get("role") == "total"})
    return chapters, captions, sorted(numbers), headings, totals, squeeze(" ".join(root.itertext()))


def pages_text(pdf, count, layout):
    options = ["-layout"] if layout else []
    return [run("pdftotext", *options, "-f", str(n), "-l", str(n), pdf, "-") for n in range(1, count + 1)]


def accessibility(path, chapters, tables):
    """The tag tree a screen reader reads, and the PDF/UA-1 and PDF/A-2 claims."""
    import pikepdf

    failures = []
    pdf = pikepdf.open(path)
    root = pdf.Root
    if not str(root.get("/Lang", "")).startswith("fr"):
        failures.append(f"langue du document absente ou non française : {root.get('/Lang')}")
    if not bool(root.get("/MarkInfo", {}).get("/Marked", False)):
        failures.append("PDF non balisé (/MarkInfo /Marked absent)")
    if not bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)):
        failures.append("le titre du document n’est pas affiché comme titre de la fenêtre")
    if not str(pdf.docinfo.get("/Title", "")).strip():
        failures.append("titre du document absent des métadonnées")
    xmp = str(root.Metadata.read_bytes(), "utf-8") if "/Metadata" in root else ""
    if "pdfuaid:part" not in xmp and "<pdfuaid:part>1<" not in xmp:
        failures.append("identification PDF/UA absente des métadonnées XMP")
    if "pdfaid:part" not in xmp:
        failures.append("identification PDF/A absente des métadonnées XMP")
    if "/StructTreeRoot" not in root:
        return failures + ["arbre de balises absent"]
    counts = {}
    figures_without_text = 0
    short_tables_split = []
    page_numbers = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}

    def pages_of(node, found):
        if isinstance(node, pikepdf.Dictionary):
            if "/Pg" in node and node.Pg.objgen in page_numbers:
                found.add(page_numbers[node.Pg.objgen])
            kids = node.get("/K")
            if kids is not None:
                for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
                    pages_of(kid, found)
        return found

    def rows(node):
        count = 0
        kids = node.get("/K")
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
            if isinstance(kid, pikepdf.Dictionary):
                tag = str(kid.get("/S", ""))
                count += 1 if tag == "/TR" else rows(kid) if tag in ("/THead", "/TBody", "/TFoot") else 0
        return count

    def walk(node):
        nonlocal figures_without_text
        if not isinstance(node, pikepdf.Dictionary):
            return
        tag = str(node.get("/S", ""))
        if tag:
            counts[tag] = counts.get(tag, 0) + 1
            if tag == "/Figure" and not str(node.get("/Alt", "")).strip():
                figures_without_text += 1
            if tag == "/Table" and rows(node) <= 7 and len(pages_of(node, set())) > 1:
                short_tables_split.append(sorted(pages_of(node, set())))
        kids = node.get("/K")
        if kids is not None:
            for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
                walk(kid)

    walk(root.StructTreeRoot)
    if counts.get("/H1", 0) < chapters:
        failures.append(f"{counts.get('/H1', 0)} titres balisés H1 pour {chapters} chapitres")
    if counts.get("/Table", 0) < tables:
        failures.append(f"{counts.get('/Table', 0)} tableaux balisés pour {tables} tableaux")
    if tables and counts.get("/TH", 0) == 0:
        failures.append("aucune cellule d’en-tête (TH) balisée")
    if figures_without_text:
        failures.append(f"{figures_without_text} figure(s) sans texte de remplacement")
    for pages in short_tables_split:
        failures.append(f"un tableau court (6 lignes au plus) est coupé entre les pages {pages}")
    return failures


def main():
    pdf, xml = sys.argv[1], sys.argv[2]
    repeated = sys.argv[sys.argv.index("--repeated-header") + 1] if "--repeated-header" in sys.argv else None
    failures = []
    info = run("pdfinfo", pdf)
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info, re.M)
    width, height = float(size.group(1)), float(size.group(2))
    if abs(width - 595.3) > 1 or abs(height - 841.9) > 1:
        failures.append(f"format de page {width} x {height} pt, A4 attendu")
    fonts = run("pdffonts", pdf).splitlines()[2:]
    unembedded = [line.split()[0] for line in fonts if line.split()[-5] != "yes"]
    if not fonts or unembedded:
        failures.append(f"polices non incorporées : {unembedded}")

    chapters, captions, numbers, headings, totals, source_text = docbook_facts(xml)
    flat = pages_text(pdf, count, layout=False)
    layout = pages_text(pdf, count, layout=True)
    whole = squeeze(" ".join(flat))
    whole_digits = digits(whole)
    for title in chapters:
        if title not in whole:
            failures.append(f"chapitre absent du PDF : {title}")
    for caption in captions:
        if caption not in whole:
            failures.append(f"légende de tableau absente du PDF : {caption}")
    lost = [n for n in numbers if n not in whole_digits]
    if lost:
        failures.append(f"nombres des tableaux absents du PDF : {lost[:10]}")

    for label in totals:
        if label and whole.count(label) > source_text.count(label):
            failures.append(
                f"ligne de total « {label} » imprimée {whole.count(label)} fois pour {source_text.count(label)} "
                "dans le document : répétée à un saut de page")

    failures += accessibility(pdf, len(chapters), len(captions))

    # Table of contents: lines « titre ....... n » on the pages after the cover.
    toc = []
    for number, text in enumerate(layout[:4], start=1):
        if "Sommaire" not in text:
            continue
        for line in text.splitlines():
            # Leaders « ..... » or « . . . », then the number (a word joiner may hold it to them).
            match = re.match(r"^\s*(.+?)\s*(?:\.\s?){3,}[\s\u2060]*(\d+)\s*$", line)
            if match:
                toc.append((squeeze(match.group(1)), int(match.group(2))))
    # A document of one chapter needs no table of contents (its bookmarks remain).
    if not toc and len(chapters) > 1:
        failures.append("sommaire sans numéros de page")
    for title, page in toc:
        if not 1 <= page <= count or title not in squeeze(flat[page - 1]):
            failures.append(f"sommaire : « {title} » annoncé page {page}, absent de cette page")

    outline = json.loads(run("qpdf", "--json", pdf)).get("outlines", [])
    titles = []

    def walk(items):
        for item in items:
            titles.append(squeeze(item["title"]))
            walk(item["kids"])
    walk(outline)
    missing = [c for c in chapters if not any(t.endswith(c) for t in titles)]
    if missing:
        failures.append(f"signets absents : {missing}")

    footer = re.compile(r"— page (\d+) / (\d+)")
    for number, text in enumerate(flat[1:], start=2):
        found = footer.search(squeeze(text))
        if not found or (int(found.group(1)), int(found.group(2))) != (number, count):
            failures.append(f"page {number} : pied de page « — page {number} / {count} » absent")

    heading_set = set(headings) | {h for h in (squeeze(t) for t, _ in toc)}
    for number, text in enumerate(layout, start=1):
        lines = [squeeze(line) for line in text.splitlines() if squeeze(line)]
        body = [line for line in lines if not footer.search(line) and "Version de travail" not in line]
        if body and number > 2 and any(body[-1] == h or body[-1].endswith(". " + h) for h in heading_set):
            failures.append(f"page {number} : le titre « {body[-1]} » est seul en bas de page")
    last = [squeeze(line) for line in flat[-1].splitlines() if squeeze(line) and not footer.search(squeeze(line))]
    if count > 1 and len(" ".join(last)) < 120:
        failures.append(f"dernière page presque vide : {last}")

    # The text block's left edge is where many lines start; a word left of it lies outside
    # the picture it belongs to (chart labels were cut that way).
    starts = [float(x) for x in re.findall(r'<word xMin="([\d.]+)"', run("pdftotext", "-bbox", pdf, "-"))]
    frequent = [x for x in set(round(x) for x in starts) if sum(1 for y in starts if round(y) == x) >= 20]
    if frequent:
        edge = min(frequent) - 1
        outside = sorted(x for x in starts if x < edge)
        if outside:
            failures.append(f"{len(outside)} mot(s) commencent à gauche du bloc de texte (x = {outside[0]:.1f} pt)")

    header_pages = []
    if repeated:
        spanned = [n for n, text in enumerate(flat, start=1) if repeated in squeeze(text)]
        header_pages = spanned
        if len(spanned) < 2:
            failures.append(f"l’en-tête « {repeated} » n’apparaît que sur {len(spanned)} page(s)")

    report = {"pdf": pdf, "pages": count, "page_size": [width, height], "fonts": len(fonts),
              "toc": toc, "outline": titles, "numbers_checked": len(numbers), "captions_checked": len(captions),
              "repeated_header_pages": header_pages, "failures": failures}
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
