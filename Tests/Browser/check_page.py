#!/usr/bin/env python3
"""Opens a generated page in headless Chromium, as a reader would, and reports on it.

- axe-core (WCAG 2.1 A/AA and best practices): serious or critical violations fail;
- every table-of-contents link must point at an element of the page;
- on a phone (390 px wide, as a mobile browser lays it out) the page never scrolls
  sideways: wide tables scroll inside their own labelled box;
- a screenshot and an A4 print-to-PDF are made in a temporary folder (nothing is kept);
- the PDF must have several pages, each chapter starting on a new page.

Usage: check_page.py PAGE.html   — prints a JSON report, exits 1 on any failure.
"""
import json
import os
import pathlib
import subprocess
import sys
import tempfile

os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium fetch a driver

import importlib.util  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
# axe-core itself, as shipped by the axe-playwright-python package (installed without
# Playwright: only its copy of axe.min.js is used, injected through Selenium).
AXE = pathlib.Path(importlib.util.find_spec("axe_playwright_python").submodule_search_locations[0]) / "axe.min.js"


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,2000"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def audit(page, workdir):
    driver = browser()
    try:
        driver.get(page.as_uri())
        driver.set_script_timeout(120)
        driver.execute_script(AXE.read_text())
        # Only the violations cross back, as JSON: the full result is large and cyclic.
        result = json.loads(driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
            ".then(r => done(JSON.stringify({violations: r.violations.map(v => "
            "({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}))})))"
            ".catch(e => done(JSON.stringify({error: String(e)})));"
        ))
        if "error" in result:
            raise RuntimeError(result["error"])
        broken = driver.execute_script(
            "return [...document.querySelectorAll('nav a[href^=\"#\"]')]"
            ".map(a => a.getAttribute('href').slice(1)).filter(id => !document.getElementById(id));"
        )
        links = driver.execute_script("return document.querySelectorAll('nav a').length;")
        chapters = driver.execute_script(
            "return [...document.querySelectorAll('section.chapitre > h2')].map(h => h.textContent.trim());"
        )
        driver.save_screenshot(str(workdir / "page.png"))
        # A phone: 390 px, laid out as a mobile browser does.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
        driver.get(page.as_uri())
        phone = driver.execute_script(
            "const w = document.documentElement.clientWidth;"
            "const wide = [...document.querySelectorAll('body *')].filter(e => {"
            "  const r = e.getBoundingClientRect(); if (r.right <= w + 1) return false;"
            "  for (let p = e.parentElement; p; p = p.parentElement) {"
            "    const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return false; }"
            "  return true; }).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
            "  + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : '')"
            "  + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');"
            "return {width: w, scroll: document.documentElement.scrollWidth, wide: wide};"
        )
    finally:
        driver.quit()
    violations = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": v["nodes"][:5]}
        for v in result["violations"]
    ]
    return violations, broken, links, chapters, phone


def printed(page, workdir, chapters):
    pdf = workdir / "page.pdf"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    texts = [
        subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                       check=True, capture_output=True, text=True).stdout
        for n in range(1, pages + 1)
    ]
    starts = {}
    for title in chapters:
        for number, text in enumerate(texts, start=1):
            first = next((line.strip() for line in text.splitlines() if line.strip()), "")
            if first.startswith(title[:40]):
                starts[title] = number
                break
    return pages, starts


def main():
    page = pathlib.Path(sys.argv[1]).resolve()
    with tempfile.TemporaryDirectory() as folder:
        workdir = pathlib.Path(folder)
        violations, broken, links, chapters, phone = audit(page, workdir)
        pages, starts = printed(page, workdir, chapters)
        screenshot = (workdir / "page.png").stat().st_size
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    failures = []
    if serious:
        failures.append(f"{len(serious)} violations graves d'accessibilité")
    if broken:
        failures.append(f"liens du sommaire sans cible : {broken}")
    if phone["scroll"] > phone["width"]:
        failures.append(f"sur un téléphone ({phone['width']} px), la page défile de côté sur "
                        f"{phone['scroll']} px : {phone['wide']}")
    if pages < 2:
        failures.append("le PDF n'a qu'une page")
    unplaced = [title for title in chapters if title not in starts]
    if unplaced:
        failures.append(f"chapitres qui ne commencent pas une page : {unplaced}")
    if len(set(starts.values())) != len(starts):
        failures.append("deux chapitres commencent sur la même page")
    report = {
        "page": str(page), "violations": violations, "toc_links": links, "broken_links": broken,
        "chapters": chapters, "phone": phone, "pdf_pages": pages, "chapter_pages": starts,
        "screenshot_bytes": screenshot, "failures": failures,
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
