#!/usr/bin/env python3
"""Writes a projet de santé as a CPTS would have it in a word processor, for the import
tests: an ODT made with odfpy (then LibreOffice makes the DOCX from it, as a coordinator
saving « au format Word » would).

    make_word_projet.py SORTIE.odt IMAGE.png [--pages N] [--docx]

The content is realistic: a cover table, the seven chapters of the usual plan with their
sub-chapters, the commune table, the indicators table, members by profession as a list,
an image with its description, and a footnote. `--pages N` repeats the diagnostic's
paragraphs to make a document of about N pages (for the benchmark); `--docx` also writes
SORTIE.docx beside it, converted by LibreOffice. It prints, as JSON,
what the test checks against: every paragraph's text, the chapters and what each covers.
"""
import json
import os
import subprocess
import sys
import tempfile

from odf.draw import Frame, Image
from odf.opendocument import OpenDocumentText
from odf.style import GraphicProperties, ParagraphProperties, Style, TextProperties
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import H, List, ListItem, Note, NoteBody, NoteCitation, P

COVER = [
    ("Dénomination", "CPTS des Coteaux de Garonne"),
    ("Forme juridique", "Association loi 1901"),
    ("Siège", "3 place de la Mairie, 47200 Marmande"),
    ("Population couverte", "58 300 habitants"),
    ("Nombre de communes", "4"),
    ("Date de signature de l’ACI", "12 septembre 2023"),
    ("Président", "Dr Claire Dupuy"),
]
COMMUNES = [
    ("Code INSEE", "Commune", "Population", "Superficie (km²)"),
    ("47157", "Marmande", "17 900", "45,8"),
    ("47323", "Tonneins", "9 400", "33,1"),
    ("47086", "Fourques-sur-Garonne", "1 250", "12,6"),
    ("47288", "Sainte-Bazeille", "29 750", "39,5"),
]
INDICATORS = [
    ("Indicateur", "Territoire", "Département", "Région", "France"),
    ("Patients de 17 ans et plus sans médecin traitant (%)", "11,2", "9,6", "9,8", "10,1"),
    ("Médecins généralistes pour 10 000 habitants", "6,1", "7,4", "8,9", "8,6"),
    ("Bénéficiaires de la C2S (%)", "9,8", "8,7", "7,9", "8,2"),
]
MEMBERS = [
    "Médecins généralistes : 31",
    "Infirmiers : 44",
    "Pharmaciens : 12",
    "Masseurs-kinésithérapeutes : 18",
    "Sages-femmes : 5",
]
FOOTNOTE = (
    "Article L.1434-12 du code de la santé publique, dans sa rédaction issue de la loi "
    "n° 2019-774 du 24 juillet 2019."
)


def words(topic, n=3):
    """Paragraphs of a real projet's length (40 to 60 words) about `topic`."""
    sentences = [
        f"Les professionnels du territoire ont travaillé ensemble sur {topic} lors de "
        "réunions mensuelles ouvertes à tous, médecins, infirmiers, pharmaciens et "
        "kinésithérapeutes, avec l’appui de la délégation départementale de l’ARS.",
        f"Le constat partagé sur {topic} s’appuie sur les données de Rézone CPTS, sur "
        "les échanges avec le centre hospitalier de Marmande et sur une enquête auprès "
        "de cent vingt patients conduite au printemps 2023.",
        f"Les actions retenues pour {topic} seront suivies par des indicateurs simples, "
        "présentés chaque année au conseil d’administration puis à l’assemblée générale, "
        "et ajustées avec la CPAM de Lot-et-Garonne lors du dialogue de gestion.",
    ]
    return sentences[:n]


# (title, level, paragraphs, covers): the usual plan; covers is what the import should propose.
PLAN = [
    ("Présentation de la CPTS", 1, words("la création de l’association", 1), ["composition.professionnels"]),
    ("Le territoire", 2, words("le territoire vécu et ses communes", 2), ["territoire.perimetre"]),
    ("Historique de la démarche", 1, [
        "En 2019, une vingtaine de professionnels de santé se réunissent pour la première fois à Marmande.",
        "En 2021, l’association est créée et la lettre d’intention est validée par l’ARS.",
        "En 2023, le contrat ACI est signé avec la CPAM et l’ARS.",
    ], ["chronologie"]),
    ("Cadre législatif", 1, words("le cadre de la loi", 2), ["legislation.cadre"]),
    ("Diagnostic territorial", 1, words("la méthode du diagnostic", 1), []),
    ("Démographie médicale", 2, words("la démographie médicale et la densité de médecins généralistes"),
     ["diagnostic.demographie"]),
    ("État de santé de la population", 2, words("l’état de santé de la population et les maladies chroniques"),
     ["diagnostic.etat-sante"]),
    ("Offre de soins et structures existantes", 2, words("l’offre de soins et les maisons de santé"),
     ["diagnostic.offre-soins"]),
    ("Liens ville-hôpital", 2, words("les liens ville-hôpital et les sorties d’hospitalisation"),
     ["diagnostic.ville-hopital"]),
    ("Urgences et soins non programmés", 2, words("les urgences et les soins non programmés"),
     ["diagnostic.soins-non-programmes"]),
    ("Accès aux soins et au médecin traitant", 2, words("l’accès à un médecin traitant"),
     ["diagnostic.acces-soins"]),
    ("Missions de la CPTS", 1, words("les missions de l’accord conventionnel", 1), []),
    ("Faciliter l’accès aux soins", 2, words("l’accès aux soins et les soins non programmés"),
     ["missions.acces-soins"]),
    ("Parcours pluriprofessionnels", 2, words("les parcours des personnes âgées"), ["missions.parcours"]),
    ("Prévention", 2, words("la prévention et le dépistage des cancers"), ["missions.prevention"]),
    ("Réponse aux crises sanitaires graves", 2, words("la préparation aux crises sanitaires"),
     ["missions.crises-sanitaires"]),
    ("Financement", 1, words("le financement par l’ACI et le FIR"), ["financement.aci"]),
    ("Gouvernance", 1, [
        "L’assemblée générale réunit tous les membres une fois par an ; elle élit le conseil d’administration, "
        "où chaque profession est représentée, et le conseil désigne le bureau : présidente, trésorier, secrétaire.",
        "Une coordinatrice salariée à temps plein assure la coordination des groupes de travail, le suivi des "
        "actions et le lien avec la CPAM et l’ARS ; elle rend compte au bureau chaque mois.",
    ], ["gouvernance.instances", "gouvernance.coordination"]),
]


def main():
    output, image = sys.argv[1], sys.argv[2]
    pages = int(sys.argv[sys.argv.index("--pages") + 1]) if "--pages" in sys.argv else 0
    doc = OpenDocumentText()
    styles = {}
    for name, display, size, bold in [
        ("Title", "Title", "24pt", True), ("Heading_20_1", "Heading 1", "18pt", True),
        ("Heading_20_2", "Heading 2", "14pt", True), ("Standard", "Default Paragraph Style", "11pt", False),
    ]:
        style = Style(name=name, displayname=display, family="paragraph")
        style.addElement(TextProperties(fontsize=size, fontweight="bold" if bold else "normal"))
        if name.startswith("Heading"):
            style.addElement(ParagraphProperties(margintop="0.4cm", marginbottom="0.2cm"))
        doc.styles.addElement(style)
        styles[name] = style
    frame_style = Style(name="Image", family="graphic")
    frame_style.addElement(GraphicProperties(anchortype="paragraph"))
    doc.automaticstyles.addElement(frame_style)

    expected = {"paragraphs": [], "chapters": [], "cover": dict(COVER)}

    def para(text):
        doc.text.addElement(P(stylename=styles["Standard"], text=text))
        expected["paragraphs"].append(text)

    def table(rows, name):
        t = Table(name=name)
        t.addElement(TableColumn(numbercolumnsrepeated=len(rows[0])))
        for row in rows:
            tr = TableRow()
            for cell in row:
                tc = TableCell(valuetype="string")
                tc.addElement(P(stylename=styles["Standard"], text=cell))
                tr.addElement(tc)
            t.addElement(tr)
        doc.text.addElement(t)
        expected["paragraphs"].extend(cell for row in rows for cell in row)

    doc.text.addElement(P(stylename=styles["Title"], text="Projet de santé"))
    table(COVER, "Couverture")
    for title, level, paragraphs, covers in PLAN:
        doc.text.addElement(H(outlinelevel=level, stylename=styles[f"Heading_20_{level}"], text=title))
        expected["chapters"].append({"title": title, "level": level, "covers": covers})
        # About 0,3 page a repetition of three paragraphs in each of the two chapters, beyond
        # the 5 pages of the document itself (measured with LibreOffice).
        repeat = max(1, (pages - 5) * 10 // 3) if pages and title in (
            "Démographie médicale", "État de santé de la population") else 1
        for _ in range(repeat):
            for text in paragraphs:
                para(text)
        if title == "Présentation de la CPTS":
            para("La CPTS réunit 110 membres, répartis ainsi :")
            members = List()
            for member in MEMBERS:
                item = ListItem()
                item.addElement(P(stylename=styles["Standard"], text=member))
                members.addElement(item)
            doc.text.addElement(members)
            expected["paragraphs"].extend(MEMBERS)
        if title == "Le territoire":
            table(COMMUNES, "Communes")
            holder = P(stylename=styles["Standard"])
            frame = Frame(stylename=frame_style, width="8cm", height="6cm", anchortype="paragraph", name="Carte")
            href = doc.addPicture(image)
            frame.addElement(Image(href=href))
            from odf.svg import Desc, Title as SvgTitle
            frame.addElement(SvgTitle(text="Carte des quatre communes du territoire"))
            frame.addElement(Desc(text="Carte des quatre communes du territoire"))
            holder.addElement(frame)
            doc.text.addElement(holder)
        if title == "État de santé de la population":
            table(INDICATORS, "Indicateurs")
        if title == "Cadre législatif":
            p = P(stylename=styles["Standard"], text="La CPTS est constituée selon le code de la santé publique.")
            note = Note(id="ftn1", noteclass="footnote")
            note.addElement(NoteCitation(text="1"))
            body = NoteBody()
            body.addElement(P(stylename=styles["Standard"], text=FOOTNOTE))
            note.addElement(body)
            p.addElement(note)
            doc.text.addElement(p)
            expected["paragraphs"].append("La CPTS est constituée selon le code de la santé publique.")
            expected["paragraphs"].append(FOOTNOTE)
    doc.save(output)
    if "--docx" in sys.argv:
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}/profil", "--headless",
                            "--convert-to", "docx:MS Word 2007 XML", "--outdir", os.path.dirname(os.path.abspath(output)),
                            output], check=True, capture_output=True, timeout=120)
    json.dump(expected, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
