import SanteDocModel

/// « Échéancier des versements » of a contract year: every payment of the year's money,
/// with its date and amount, computed from the ACI's payment rules (`versements` in
/// `Templates/aci/`), the funding figures and the missions' start dates.
public struct PaymentSchedule: Sendable {
    public struct Payment: Sendable, Equatable {
        /// Nil when the date depends on data not given yet (a mission's start).
        public var date: CalendarDate?
        public var line: String
        public var what: String
        /// Euros; nil when the amount is not published.
        public var amount: Int?
        /// The variable part: a maximum, paid according to the indicators reached.
        public var isMaximum: Bool
    }

    public var year: Int
    public var period: (start: CalendarDate, end: CalendarDate)
    public var payments: [Payment]

    /// Amounts are rounded to the euro on the running total, so that a year's instalments
    /// add up exactly to its rounded amount.
    static func split(
        _ amount: Int, _ instalments: [PaymentRules.Instalment], days: Int, of yearDays: Int,
        dates: (PaymentRules.Moment) -> CalendarDate?, line: String, start: Bool
    ) -> [Payment] {
        var paid = 0
        var share = 0
        return instalments.map { instalment in
            share += instalment.share
            let prorata = instalment.proRata && start
            let (numerator, denominator) = prorata ? (amount * share * days, 100 * yearDays) : (amount * share, 100)
            let cumulative = (2 * numerator + denominator) / (2 * denominator)
            defer { paid = cumulative }
            return Payment(
                date: dates(instalment.moment), line: line,
                what: describe(instalment, prorata: prorata, days: days), amount: cumulative - paid,
                isMaximum: instalment.byIndicators)
        }
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
            let signature = project.contract.signatureDate?.value
        else { return nil }
        let calendar = ContractCalendar(signature: signature, years: funding.table.contractYears)
        guard calendar.range.contains(year) else { return nil }
        let start = calendar.anniversary(year)
        let next = calendar.anniversary(year + 1)
        let yearDays = start.days(to: next)
        func dates(missionStart: CalendarDate?) -> (PaymentRules.Moment) -> CalendarDate? {
            { moment in
                switch moment {
                case .signature: return signature
                case .start: return missionStart
                case .anniversary: return start
                case .review: return next
                }
            }
        }
        var payments: [PaymentSchedule.Payment] = []
        let operating = year == 1 ? rules.operatingFirstYear : rules.operatingLaterYears
        if let amount = funding.operating {
            payments += PaymentSchedule.split(
                amount, operating, days: yearDays, of: yearDays,
                dates: dates(missionStart: nil), line: "Fonctionnement", start: false)
        } else {
            payments.append(
                .init(date: start, line: "Fonctionnement", what: "montant annuel", amount: nil, isMaximum: false))
        }
        for mission in funding.missions {
            let source = project.missions.first { $0.id.value == mission.id }
            let calendarEntry = figures.calendar.first { $0.id == mission.id }
            let begins = source?.plannedStart?.value ?? calendarEntry?.latestStart
            let startYear = begins.flatMap { calendar.year(containing: $0) } ?? 1
            guard year >= startYear else { continue }
            let firstYear = year == startYear
            let days = firstYear ? min(yearDays, max(0, begins.map { $0.days(to: next) } ?? yearDays)) : yearDays
            let fixed = firstYear ? (mission.firstYear?.fixed ?? mission.fixed) : mission.fixed
            let variable = firstYear ? (mission.firstYear?.variable ?? mission.variable) : mission.variable
            let instalments = firstYear ? rules.fixedStartYear : rules.fixedLaterYears
            if let fixed {
                payments += PaymentSchedule.split(
                    fixed, instalments, days: days, of: yearDays,
                    dates: dates(missionStart: begins), line: "\(mission.title) — part fixe",
                    start: firstYear)
            } else {
                payments.append(
                    .init(
                        date: firstYear ? begins : start, line: "\(mission.title) — part fixe",
                        what: "montant annuel", amount: nil, isMaximum: false))
            }
            if variable == 0 { continue }  // a mission with no variable part (the crisis plan)
            if let variable {
                payments += PaymentSchedule.split(
                    variable, rules.variable, days: yearDays, of: yearDays,
                    dates: dates(missionStart: begins), line: "\(mission.title) — part variable",
                    start: false)
            } else {
                payments.append(
                    .init(
                        date: next, line: "\(mission.title) — part variable",
                        what: "selon les indicateurs atteints", amount: nil, isMaximum: true))
            }
        }
        // By date (a date still to come last), the order of the lines kept for a same day.
        let ordered = payments.enumerated().sorted { a, b in
            switch (a.element.date, b.element.date) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.offset < b.offset
            }
        }.map(\.element)
        return PaymentSchedule(year: year, period: calendar.period(year), payments: ordered)
    }
}
