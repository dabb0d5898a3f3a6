/// Every bound SanteDoc puts on what it reads, in one place and documented for users in
/// `docs/format.md` (§ Limites). A value outside its plausible range is an error that
/// states the range; the bounds also keep every sum and product of the figures far from
/// integer overflow.
public enum Limits {
    /// A range of plausible values, with the unit and the reason users read in the error.
    public struct Plausible: Sendable {
        public var range: ClosedRange<Int>
        public var unit: String
        public var reason: String
    }

    /// France counts 68,4 million inhabitants (INSEE, 2024).
    public static let territoryPopulation = Plausible(
        range: 1...70_000_000, unit: "habitants",
        reason: "une CPTS couvre au moins un habitant, et pas plus que la France")
    /// Paris, the largest commune, has 2,1 million inhabitants; a commune may have none.
    public static let communePopulation = Plausible(
        range: 0...2_500_000, unit: "habitants",
        reason: "la plus grande commune de France (Paris) compte 2,1 millions d’habitants")
    /// The most populous department (Nord) has 2,6 million inhabitants.
    public static let departmentPopulation = Plausible(
        range: 1...3_000_000, unit: "habitants",
        reason: "le département le plus peuplé (Nord) compte 2,6 millions d’habitants")
    public static let memberCount = Plausible(
        range: 0...100_000, unit: "professionnels",
        reason: "un effectif ne peut être négatif, et aucune CPTS ne compte 100 000 membres")
    public static let communeCount = Plausible(
        range: 1...40_000, unit: "communes", reason: "la France compte 35 000 communes")
    /// ACI amounts are at most a few hundred thousand euros a year.
    public static let amount = Plausible(
        range: 0...10_000_000, unit: "€",
        reason: "un montant de l’ACI ne peut être négatif et reste sous 10 millions d’euros")
    public static let percent = Plausible(range: 0...100, unit: "%", reason: "une part se compte de 0 à 100 %")
    public static let sizeClass = Plausible(
        range: 1...20, unit: "",
        reason: "les tailles de l’ACI se numérotent à partir de 1 (quatre aujourd’hui)")
    public static let year = Plausible(range: 1900...2100, unit: "", reason: "une année s’écrit sur quatre chiffres")
    public static let contractYears = Plausible(range: 1...10, unit: "ans", reason: "un contrat ACI dure cinq ans")
    public static let delayMonths = Plausible(
        range: 0...120, unit: "mois", reason: "les délais de l’ACI se comptent en mois")
    public static let thresholdPopulation = Plausible(
        range: 0...70_000_000, unit: "habitants",
        reason: "un seuil de taille est une population")
    /// Areas in km²: France, overseas included, covers about 640 000 km²; the smallest
    /// commune (Castelmoron-d’Albret) 0,04 km². Below a hundredth of a km², a density would
    /// be absurd.
    public static let area = 0.01...700_000.0
    /// Dates of a project (creation, signature, mission dates, results): the years of
    /// `year`. A year written « 0 » or « +999 » is a slip, not a contract.
    public static let dateYears = 1900...2100
    /// Diagnostic indicators are rates, counts or densities: far below a thousand billion.
    public static let indicatorMagnitude = 1e12

    // MARK: Sizes — each keeps every stage linear and bounded (see docs/performance.md).

    /// Depth of nested Markdown (quotes in lists in quotes…, emphasis in emphasis): real
    /// texts stay under 6; the conversion and the writers recurse that deep at most.
    public static let nestingDepth = 32
    /// Cells of one Markdown table, counted before the Markdown parser sees it (cmark-gfm
    /// spends quadratic time on very large tables).
    public static let tableCells = 20_000
    /// Headings, list items and `{{…}}` placeholders in one section file.
    public static let headingsPerSection = 2_000
    public static let itemsPerList = 10_000
    public static let placeholdersPerSection = 5_000
    /// Rows of the CSV tables: France has 34 900 communes.
    public static let communeRows = 40_000
    public static let indicatorRows = 2_000
    /// Nesting of `{{#…}}` sections in a page template.
    public static let templateNesting = 32
    /// A page may be at most this many times the size of what goes into it (the text, the
    /// style and the template), plus a megabyte: a template repeating the content is refused.
    public static let pageGrowth = 4
    /// All the sources of a project together (`projet.yaml`, the CSV tables, the sections):
    /// a projet de santé is a few hundred kilobytes of text; beyond this, nothing is read,
    /// so that memory stays bounded by what a project can hold.
    public static let projectBytes = 32 * 1024 * 1024
    /// A picture of a section (a map, a logo, an organisation chart), and all of them together.
    public static let pictureBytes = 4 * 1024 * 1024
    public static let picturesBytes = 16 * 1024 * 1024
    /// A document `santedoc importer` reads (a projet in Word with its pictures).
    public static let importedDocumentBytes = 64 * 1024 * 1024
    /// Diagnostics printed for one run; the rest are counted.
    public static let diagnostics = 500
}
