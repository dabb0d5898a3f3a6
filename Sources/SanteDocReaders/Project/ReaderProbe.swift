import SanteDocModel

/// Feeds arbitrary bytes to every reader, for fuzzing: whatever the input, each reader
/// must end with a value or diagnostics — never crash or hang.
public enum ReaderProbe {
    /// The number of diagnostics the readers reported.
    @discardableResult
    public static func read(_ bytes: [UInt8]) -> Int {
        let diagnostics = DiagnosticEngine()
        guard let text = TextDecoding.decode(bytes, file: "entree", diagnostics: diagnostics) else {
            return diagnostics.diagnostics.count
        }
        var project = Project()
        ProjectDataReader(file: "projet.yaml", diagnostics: diagnostics).read(text, into: &project)
        _ = MarkdownSectionReader(file: "section.md", diagnostics: diagnostics).read(text)
        _ = CommuneListReader(file: "communes.csv", diagnostics: diagnostics).read(text)
        _ = IndicatorTableReader(file: "indicateurs.csv", diagnostics: diagnostics).read(text)
        return diagnostics.diagnostics.count
    }
}
