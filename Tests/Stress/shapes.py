"""Stress shapes: projects generated from the complete fixture, each growing one input
dimension (paragraphs, headings, placeholders, table cells, indicator and commune rows,
nesting, numbers, page template) to a given size. Used by Tests/Stress/run.py (the stress
corpus CI runs) and by Scripts/benchmark (the scaling table).

Nothing here is committed as megabytes: every project is written into a temporary folder.
"""
import pathlib
import re
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
FIXTURE = ROOT / "Tests/Fixtures/complet"
FRONT = '---\ntitre: "Charge"\npartie: diagnostic\n---\n\n'


def base(destination):
    shutil.copytree(FIXTURE, destination)
    return destination


def section(destination, body, name="90-charge.md"):
    (destination / "sections" / name).write_text(FRONT + body)


def without_declared_population(destination):
    yaml = destination / "projet.yaml"
    yaml.write_text(yaml.read_text().replace("  population: 104500\n", ""))


def paragraphs(destination, n):
    section(destination, "\n\n".join("mot" for _ in range(n)) + "\n")


def headings(destination, n):
    section(destination, "".join("## Même titre\n\nTexte.\n\n" for _ in range(n)))


def placeholders(destination, n):
    section(destination, " ".join("{{territoire.population}}" for _ in range(n)) + "\n")


def table_cells(destination, n):
    columns = 4
    rows = max(1, n // columns - 1)
    body = "| a | b | c | d |\n|---|---|---|---|\n" + "".join(f"| {i} | x | y | z |\n" for i in range(rows))
    section(destination, body)


def table_bytes(destination, n):
    """A GFM table of about n bytes."""
    row = "| " + " | ".join("cellule" for _ in range(8)) + " |\n"
    body = "| " + " | ".join(f"c{i}" for i in range(8)) + " |\n|" + "---|" * 8 + "\n" + row * max(1, n // len(row))
    section(destination, body)


def header_only_columns(destination, n):
    """A table of n columns and no row (1,6 Ko at 400 columns): its head is the whole table."""
    section(destination, "|" + "a|" * n + "\n|" + "-|" * n + "\n")


def large_sections(destination, n):
    """n sections of 20 Ko each."""
    paragraph = ("Texte d’une section volumineuse, répété. " * 40).strip() + "\n\n"
    body = paragraph * max(1, 20_000 // len(paragraph.encode()))
    for index in range(n):
        section(destination, body, name=f"9{index:05d}-volumineuse.md")


def indicator_rows(destination, n):
    lines = ["indicateur;unite;territoire;departement;region;france;source;annee;sens"]
    lines += [f"Indicateur {i};%;{i % 90},5;9,2;9,8;10,1;Source fictive;2023;baisse" for i in range(n)]
    (destination / "indicateurs.csv").write_text("\n".join(lines) + "\n")


def communes(destination, n):
    without_declared_population(destination)
    lines = ["code_insee;commune;population;superficie_km2"]
    lines += [f"{10000 + i};Commune {i} (fictive);{100 + i % 900};{i % 40 + 1},5" for i in range(n)]
    (destination / "communes.csv").write_text("\n".join(lines) + "\n")


def nested_quotes(destination, n):
    section(destination, "> " * n + "texte\n")


def nested_lists(destination, n):
    section(destination, "\n".join("  " * level + "- élément" for level in range(n)) + "\n")


def nested_emphasis(destination, n):
    section(destination, "*" * n + "mot" + "*" * n + "\n")


def template_nesting(destination, n):
    (destination / "modeles").mkdir(exist_ok=True)
    (destination / "modeles/page.mustache").write_text("{{#titre}}" * n + "{{{contenu}}}" + "{{/titre}}" * n)


def template_repeating(destination, n):
    (destination / "modeles").mkdir(exist_ok=True)
    (destination / "modeles/page.mustache").write_text("<html>" + "{{{contenu}}}\n" * n + "</html>\n")


def huge_indicator(destination, n):
    (destination / "indicateurs.csv").write_text(
        "indicateur;territoire;source\nTaux;1" + "0" * n + ";Source\n")


def huge_commune(destination, n):
    without_declared_population(destination)
    (destination / "communes.csv").write_text(
        "code_insee;commune;population;superficie_km2\n99001;A;9" + "0" * n + ";1\n")


def huge_members(destination, n):
    yaml = destination / "projet.yaml"
    text = yaml.read_text().replace("    effectif: 40\n", f"    effectif: {n}\n").replace("membres_total: 90\n", "")
    yaml.write_text(text)


def population_sum(destination, n):
    """n communes of the largest plausible population: the sum would pass any bound."""
    without_declared_population(destination)
    lines = ["code_insee;commune;population;superficie_km2"] + [f"{10000 + i};C{i};2500000;1" for i in range(n)]
    (destination / "communes.csv").write_text("\n".join(lines) + "\n")


def alias_bomb(destination, n):
    """n levels of YAML aliases, each ten times the one before: refused unexpanded."""
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, n + 1):
        previous = "a" if level == 1 else f"l{level - 1}"
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*{previous}"] * 10) + "]")
    yaml = destination / "projet.yaml"
    yaml.write_text(yaml.read_text() + "\nbombe:\n" + "\n".join("  " + line for line in lines) + "\n")


SHAPES = {
    "paragraphes": paragraphs, "titres": headings, "chiffres": placeholders, "cellules": table_cells,
    "octets-de-tableau": table_bytes, "indicateurs": indicator_rows, "communes": communes,
    "citations-imbriquees": nested_quotes, "listes-imbriquees": nested_lists, "emphases-imbriquees": nested_emphasis,
    "modele-imbrique": template_nesting, "modele-repetitif": template_repeating, "indicateur-enorme": huge_indicator,
    "colonnes-en-tete": header_only_columns, "sections-volumineuses": large_sections,
    "commune-enorme": huge_commune, "effectif-enorme": huge_members, "somme-des-populations": population_sum,
    "alias-yaml": alias_bomb,
}


def make(shape, n, destination):
    project = base(destination)
    SHAPES[shape](project, n)
    return project
