import SanteDocAnalysis
import SanteDocModel

extension DocumentAssembler {
    func missionSummaryBlocks() -> [Block] {
        guard !figures.calendar.isEmpty else { return [] }
        let rows = figures.calendar.map { c in
            [
                cell(c.title), cell(c.latestStart.map(FrenchFormat.date) ?? "—"),
                cell(c.latestDeployment.map(FrenchFormat.date) ?? "—"),
                cell(c.plannedStart.map(FrenchFormat.date) ?? "—"),
                cell(c.plannedDeployment.map(FrenchFormat.date) ?? "—"),
            ]
        }
        var caption = "Calendrier des missions"
        if let signature = project.contract.signatureDate?.value {
            caption += " — délais de l’ACI comptés depuis la signature du " + FrenchFormat.date(signature)
        } else {
            caption += " — date de signature du contrat non renseignée"
        }
        return [
            .table(
                Table(
                    id: "tableau-calendrier", caption: caption,
                    columns: [
                        .init("Mission"), .init("Démarrage au plus tard"), .init("Déploiement au plus tard"),
                        .init("Démarrage prévu"), .init("Déploiement prévu"),
                    ], rows: rows, rowHeaders: true))
        ]
    }

    /// One section per engaged mission, with the same content as the missions annex.
    func missionSections() -> [Section] {
        let content = MissionBlocks(project: project, figures: figures, regulation: regulation, year: nil)
        return project.missions.map { mission in
            Section(id: "mission-" + mission.id.value, title: content.title(mission), blocks: content.blocks(mission))
        }
    }
}
