/// The files `santedoc init` writes.
enum ProjectSkeleton {
    static func section(_ requirement: Requirement) -> String {
        """
        ---
        titre: "\(requirement.title)"
        couvre: [\(requirement.id)]
        ---

        > \(MarkdownSectionReader.stubMarker) : \(requirement.hint ?? requirement.title)
        > Source de l’exigence : \(requirement.source).
        > Remplacez ce paragraphe par votre texte ; tant qu’il reste seul, la section compte
        > comme manquante pour l’ARS.

        """
    }

    static func yaml(aciVersion: String) -> String {
        """
        # yaml-language-server: $schema=https://santedoc.invalid/projet.schema.json
        #
        # Données du projet de santé. Complétez les valeurs entre guillemets ; les lignes
        # commençant par « # » sont des explications. Les chiffres calculés (population
        # totale, taille ACI, densités, financement, échéances) ne se saisissent pas.
        # Format complet : docs/format.md de SanteDoc.

        identite:
          denomination: ""          # nom complet, ex. « CPTS du Pays de … »
          forme_juridique: "Association loi 1901"
          siege:
            adresse: ""             # numéro et voie
            code_postal: ""
            commune: ""
          date_creation:            # AAAA-MM-JJ

        territoire:
          nom: ""                   # nom usuel du territoire
          # La population se calcule depuis communes.csv (une ligne par commune).
          departement:
            nom: ""
            code: ""
            population:             # population légale INSEE du département
            source_population: ""   # ex. « INSEE, population municipale 2021 »

        # Étapes de l'histoire du collectif, une par ligne « - ».
        chronologie: []
        #  - annee: 2019
        #    titre: "Premières réunions des professionnels"
        #    membres: 25

        # Membres par profession.
        professionnels: []
        #  - profession: "Médecins généralistes"
        #    effectif: 12

        # Établissements, acteurs médico-sociaux et sociaux, collectivités.
        partenaires: []
        #  - nom: "Centre hospitalier de …"
        #    type: etablissement-sante   # etablissement-sante, medico-social, social, collectivite, institution, autre
        #    convention: oui

        gouvernance:
          instances: []
          #  - type: assemblee-generale   # assemblee-generale, conseil-administration, bureau, commission
          #    composition: "Tous les membres"
          coordination:
            nom: ""
            fonction: ""
            temps_de_travail: ""

        # Missions de l'ACI engagées : acces-soins, parcours, prevention,
        # crises-sanitaires (socles) ; qualite, accompagnement (facultatives).
        missions: []
        #  - mission: acces-soins
        #    objectifs:
        #      - "…"
        #    actions:
        #      - "…"
        #    indicateurs:
        #      - libelle: "…"
        #        type: resultat      # ou moyens
        #        cible: "…"

        contrat:
          version_aci: \(aciVersion)
          date_signature:           # AAAA-MM-JJ, point de départ des délais des missions

        """
    }
}
