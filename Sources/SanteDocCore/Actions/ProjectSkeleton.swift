import SanteDocModel

/// The files `santedoc init` writes.
enum ProjectSkeleton {
    static func section(_ requirement: Requirement) -> String {
        """
        ---
        titre: "\(requirement.title)"
        couvre: [\(requirement.id)]
        ---

        > \(WrittenBlock.guidanceMarker) : \(requirement.hint ?? requirement.title)
        > Source de l’exigence : \(requirement.source).
        > Remplacez ce paragraphe par votre texte ; tant qu’il reste seul, la section compte
        > comme manquante pour l’ARS.

        """
    }
}
