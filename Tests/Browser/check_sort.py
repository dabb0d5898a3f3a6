#!/usr/bin/env python3
"""Sorts every column of a page's sortable tables in headless Chromium, as an ARS officer
would by clicking a column title, and checks the order against its own reading of the cells
(dates, then numbers — « 58 300 », « 12/23 », « 347 500 € » —, then words; empty cells last).

Usage: check_sort.py PAGE.html   — prints a JSON report, exits 1 on any failure.
"""
import json
import os
import pathlib
import re
import sys

os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium fetch a driver

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]


def key(text):
    text = re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()
    if text in ("", "—"):
        return (3, "")
    date = re.match(r"^(1er|\d{1,2}) ([a-zéû]+) (\d{4})", text)
    if date and date.group(2) in MONTHS:
        day = 1 if date.group(1) == "1er" else int(date.group(1))
        return (0, int(date.group(3)) * 10000 + (MONTHS.index(date.group(2)) + 1) * 100 + day)
    compact = re.sub(r"[ €%]", "", text)
    ratio = re.match(r"^(\d+)/(\d+)$", compact)
    if ratio:
        return (1, 0 if int(ratio.group(2)) == 0 else int(ratio.group(1)) / int(ratio.group(2)))
    if re.match(r"^-?\d+(,\d+)?$", compact):
        return (1, float(compact.replace(",", ".")))
    return (2, text.lower())


def ordered(keys, descending):
    filled = [k for k in keys if k[0] != 3]
    pairs = list(zip(filled, filled[1:]))
    for a, b in pairs:
        if a[0] != b[0]:  # dates, numbers, words: the order of kinds turns with the order
            if (a[0] > b[0]) if not descending else (a[0] < b[0]):
                return False
            continue
        if a[0] == 2:  # words: the browser's French collation, checked loosely (no accents, case)
            continue
        if (a[1] > b[1]) if not descending else (a[1] < b[1]):
            return False
    # Empty cells all at the end.
    first_empty = next((i for i, k in enumerate(keys) if k[0] == 3), len(keys))
    return all(k[0] == 3 for k in keys[first_empty:])


def main():
    page = pathlib.Path(sys.argv[1]).resolve()
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1600,1200"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    failures, sorted_columns = [], []
    try:
        driver.get(page.as_uri())
        tables = driver.find_elements(By.CSS_SELECTOR, "table.triable")
        if not tables:
            failures.append("aucun tableau triable")
        for table in tables:
            table_id = table.get_attribute("id")
            buttons = table.find_elements(By.CSS_SELECTOR, "thead th button")
            if not buttons:
                failures.append(f"{table_id} : pas de bouton de tri")
            for index, button in enumerate(buttons):
                for descending in (False, True):
                    button.click()
                    sort = table.find_elements(By.CSS_SELECTOR, "thead th")[index].get_attribute("aria-sort")
                    expected = "descending" if descending else "ascending"
                    if sort != expected:
                        failures.append(f"{table_id} colonne {index} : aria-sort {sort}, attendu {expected}")
                    cells = driver.execute_script(
                        "return [...arguments[0].tBodies[0].rows].map(r => r.cells[arguments[1]].textContent);",
                        table, index)
                    if not ordered([key(c) for c in cells], descending):
                        failures.append(f"{table_id} colonne {index} ({'dé' if descending else ''}croissant) : {cells}")
                sorted_columns.append(f"{table_id}:{index}")
        announce = driver.find_element(By.ID, "tri-annonce").text
    finally:
        driver.quit()
    print(json.dumps({"page": str(page), "columns": sorted_columns, "announce": announce, "failures": failures},
                     ensure_ascii=False, indent=1))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
