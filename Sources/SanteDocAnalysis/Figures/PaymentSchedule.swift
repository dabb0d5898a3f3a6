import SanteDocModel

/// « Échéancier des versements » of a contract year: every payment of the year's money,
/// with its date and amount, computed from the ACI's payment rules (`versements` in
/// `Templates/aci/`), the year's funding and the missions' start dates. The advances fall
/// within the contract year; the balances and the variable part are paid after the year's
/// review (dialogue de gestion), from the next anniversary on.
public struct PaymentSchedule: Sendable {
    public enum Part: String, Sendable { case operating, fixed, variable }

    public struct Payment: Sendable, Equatable {
        /// Nil when the date depends on data not given yet (a mission's start).
        public var date: CalendarDate?
        /// The line paid for: `fonctionnement`, or a mission id.
        public var lineID: String
        public var part: Part
        public var line: String
        public var what: String
        /// The exact amount; nil when it is not published.
        public var exact: ExactAmount?
        /// Euros, rounded so that the schedule's lines add up to its rounded totals.
        public var amount: Int?
        /// The variable part: a maximum, paid according to the indicators reached.
        public var isMaximum: Bool
        /// Paid after the year's review rather than during the year.
        public var afterReview: Bool
    }

    public var year: Int
    public var period: (start: CalendarDate, end: CalendarDate)
    /// When the review's payments start: the next anniversary.
    public var reviewDate: CalendarDate
    public var payments: [Payment]

    /// During the year, by date (a date still to come last).
    public var advances: [Payment] { payments.filter { !$0.afterReview } }
    /// After the review: the balances, then the variable parts.
    public var afterReview: [Payment] { payments.filter(\.afterReview) }

    /// The sum of `payments` that are not maxima; nil if one is unknown. The lines are
    /// rounded together, advances first: the advances' sum is their exact sum rounded once,
    /// and so is the whole year's; the balances' is the difference.
    public static func total(_ payments: [Payment]) -> Int? {
        let known = payments.filter { !$0.isMaximum }
        guard known.allSatisfy({ $0.amount != nil }) else { return nil }
        return known.compactMap(\.amount).reduce(0, +)
    }

    public var variableMaximum: Int? {
        let parts = payments.filter(\.isMaximum)
        return parts.allSatisfy { $0.amount != nil } ? parts.compactMap(\.amount).reduce(0, +) : nil
    }

    static func describe(_ instalment: PaymentRules.Instalment, prorata: Bool, days: Int) -> String {
        if instalment.byIndicators { return "selon les indicateurs atteints, après le dialogue de gestion" }
        var text: String
        switch instalment.moment {
        case .signature:
            text = instalment.share == 100 ? "en totalité, à la signature" : "\(instalment.share) % à la signature"
        case .start: text = "avance de \(instalment.share) % au démarrage de la mission"
        case .anniversary: text = "avance de \(instalment.share) % à l’anniversaire du contrat"
        case .review: text = "solde (\(instalment.share) %) après le dialogue de gestion"
        }
        if prorata { text += ", au prorata de " + FrenchFormat.count(days, "jour", "jours") }
        return text
    }
}

extension FigureCalculator {
    /// The payments of contract `year`, or nil without a signature date or payment rules.
    public static func paymentSchedule(year: Int, project: Project, figures: ProjectFigures) -> PaymentSchedule? {
        guard let funding = figures.funding, let rules = funding.table.payments,
            let calendar = figures.contractCalendar, calendar.range.contains(year),
            let money = figures.funding(inYear: year, project: project)
        else { return nil }
        let start = calendar.anniversary(year)
        let next = calendar.anniversary(year + 1)
        let yearDays = start.days(to: next)
        var payments: [PaymentSchedule.Payment] = []

        func add(
            _ amount: Int?, _ instalments: [PaymentRules.Instalment], id: String, part: PaymentSchedule.Part,
            line: String, missionStart: CalendarDate?, days: Int, firstYear: Bool
        ) {
            guard let amount else {
                let review = part == .variable
                payments.append(
                    .init(
                        date: review ? next : (firstYear ? missionStart : start), lineID: id, part: part, line: line,
                        what: review ? "selon les indicateurs atteints" : "montant annuel", exact: nil, amount: nil,
                        isMaximum: review, afterReview: review))
                return
            }
            for instalment in instalments {
                let prorata = instalment.proRata && firstYear
                let exact = ExactAmount(
                    amount * instalment.share * (prorata ? days : 1), over: 100 * (prorata ? yearDays : 1))
                let date: CalendarDate?
                switch instalment.moment {
                case .signature: date = calendar.signature
                case .start: date = missionStart.map { max($0, start) }
                case .anniversary: date = start
                case .review: date = next
                }
                payments.append(
                    .init(
                        date: date, lineID: id, part: part, line: line,
                        what: PaymentSchedule.describe(instalment, prorata: prorata, days: days), exact: exact,
                        amount: instalment.byIndicators ? exact.rounded : nil, isMaximum: instalment.byIndicators,
                        afterReview: instalment.moment == .review))
            }
        }

        add(
            money.operating, year == 1 ? rules.operatingFirstYear : rules.operatingLaterYears, id: "fonctionnement",
            part: .operating, line: "Fonctionnement", missionStart: nil, days: yearDays, firstYear: false)
        for mission in money.lines where year >= mission.startYear {
            let firstYear = year == mission.startYear
            let begins =
                project.missions.first { $0.id.value == mission.id }?.plannedStart?.value
                ?? figures.calendar.first { $0.id == mission.id }?.latestStart
            let days = firstYear ? min(yearDays, max(0, begins.map { $0.days(to: next) } ?? yearDays)) : yearDays
            add(
                mission.fixed, firstYear ? rules.fixedStartYear : rules.fixedLaterYears, id: mission.id, part: .fixed,
                line: "\(mission.title) — part fixe", missionStart: begins, days: days, firstYear: firstYear)
            if mission.variable == 0 { continue }  // a mission with no variable part (the crisis plan)
            add(
                mission.variable, rules.variable, id: mission.id, part: .variable,
                line: "\(mission.title) — part variable", missionStart: begins, days: yearDays, firstYear: false)
        }
        // During the year by date (a date still to come last), then after the review; the
        // order of the lines kept for a same day.
        let ordered = payments.enumerated().sorted { a, b in
            if a.element.afterReview != b.element.afterReview { return !a.element.afterReview }
            switch (a.element.date, b.element.date) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.offset < b.offset
            }
        }.map(\.element)
        // Rounded together, in that order: the advances add up to their rounded total, and
        // so does the whole year.
        var rounded = ordered
        let known = ordered.indices.filter { !ordered[$0].isMaximum && ordered[$0].exact != nil }
        for (index, amount) in zip(known, ExactAmount.roundedAddingUp(known.map { ordered[$0].exact! })) {
            rounded[index].amount = amount
        }
        return PaymentSchedule(year: year, period: calendar.period(year), reviewDate: next, payments: rounded)
    }
}
