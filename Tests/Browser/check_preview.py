#!/usr/bin/env python3
"""Drives `santedoc apercu` in headless Chromium, as a board member would.

1. starts the preview on a copy of a project, opens it, scrolls the document down;
2. edits a section file: the new text must appear in the page within 2 s, without
   reloading by hand, and the reading position must stay;
3. breaks projet.yaml: a banner must name the file, line and column while the previous
   content stays; fixes it: the banner must go;
4. follows a message link of the side panel to its section.

Usage: check_preview.py SANTEDOC PROJECT_COPY PORT — prints a JSON report, exits 1 on
any failure. The project copy is modified.
"""
import json
import os
import pathlib
import subprocess
import sys
import time

os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium fetch a driver

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait_for(predicate, timeout):
    """Seconds until predicate() held, or None after timeout."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            if predicate():
                return time.monotonic() - start
        except Exception:  # the frame may be reloading
            pass
        time.sleep(0.05)
    return None


def in_document(driver, script):
    driver.switch_to.frame("document")
    try:
        return driver.execute_script(script)
    finally:
        driver.switch_to.default_content()


def main():
    santedoc, project, port = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
    server = subprocess.Popen([santedoc, "apercu", str(project), "--port", port],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    report, failures = {}, []
    driver = None
    try:
        url = f"http://127.0.0.1:{port}/"
        for _ in range(100):
            try:
                import urllib.request
                urllib.request.urlopen(url, timeout=1).read()
                break
            except Exception:
                time.sleep(0.1)
        driver = browser()
        driver.get(url)
        if wait_for(lambda: in_document(driver, "return document.querySelectorAll('main section').length") > 3, 10) is None:
            failures.append("the document never appeared in the preview")
        report["summary"] = driver.find_element("id", "resume").text
        in_document(driver, "window.scrollTo(0, 1500);")
        scrolled = in_document(driver, "return window.scrollY;")

        # 2. An edited section shows up by itself, at the same reading position.
        section = sorted((project / "sections").glob("*.md"))[0]
        marker = "Phrase ajoutée pendant l’aperçu, visible sans recharger."
        # Raw HTML gives a warning located in the section: the panel links it (step 4).
        section.write_text(section.read_text(encoding="utf-8") + "\n" + marker + "\n\n<div>bloc</div>\n",
                           encoding="utf-8")
        seconds = wait_for(lambda: marker in in_document(driver, "return document.body.textContent"), 5)
        report["edit_seconds"] = seconds
        if seconds is None or seconds > 2:
            failures.append(f"the edited text took {seconds} s to appear (at most 2 s)")
        time.sleep(0.3)
        position = in_document(driver, "return window.scrollY;")
        report["scroll"] = [scrolled, position]
        if abs(position - scrolled) > 50:
            failures.append(f"the reading position moved from {scrolled} to {position}")

        # 3. Broken sources: a located banner, the last good content kept.
        data = project / "projet.yaml"
        good = data.read_text(encoding="utf-8")
        data.write_text(good.replace("identite:\n", "identite:\n  denominaton: X\n", 1), encoding="utf-8")
        banner = driver.find_element("id", "bandeau")
        if wait_for(lambda: banner.is_displayed(), 3) is None:
            failures.append("no banner for broken sources")
        report["banner"] = banner.text
        if "projet.yaml:" not in banner.text or "denominaton" not in banner.text:
            failures.append(f"the banner does not locate the error: {banner.text!r}")
        if marker not in in_document(driver, "return document.body.textContent"):
            failures.append("the previous content was not kept while the sources were broken")
        data.write_text(good, encoding="utf-8")
        if wait_for(lambda: not banner.is_displayed(), 3) is None:
            failures.append("the banner stayed after the fix")

        # 4. A panel link leads to its place in the page.
        links = driver.find_elements("css selector", "#messages a")
        report["panel_links"] = len(links)
        if not links:
            failures.append("the section's warning has no link in the panel")
        else:
            target = links[0].get_attribute("href").split("#", 1)[1]
            links[0].click()
            if wait_for(lambda: in_document(driver, "return location.hash") == "#" + target, 3) is None:
                failures.append("a panel link did not lead to its section")
    finally:
        if driver:
            driver.quit()
        server.send_signal(2)
        try:
            _, errors = server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            _, errors = server.communicate()
            failures.append("Ctrl-C did not stop the preview")
        report["exit_status"] = server.returncode
        report["stopped"] = "aperçu arrêté" in errors
        if server.returncode != 0 or not report["stopped"]:
            failures.append(f"the preview did not stop cleanly ({server.returncode}): {errors[-500:]}")
        wrote_build = (project / "Build").exists()
        report["wrote_build"] = wrote_build
        if wrote_build:
            failures.append("the preview wrote into Build/")
    report["failures"] = failures
    print(json.dumps(report, ensure_ascii=False))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
