import SanteDocModel

/// Computes the annual review of a contract year from the project's results, the year's
/// funding and the payment schedule (see `AnnualReview`).
public enum ReviewCalculator {
    /// The review of contract `year`, or nil without funding, signature date or payment rules.
    public static func review(year: Int, project: Project, figures: ProjectFigures) -> AnnualReview? {
        guard var review = single(year: year, project: project, figures: figures) else { return nil }
        review.history = (1...year).compactMap { past in
            let other = past == year ? review : single(year: past, project: project, figures: figures)
            return other.map {
                AnnualReview.YearSummary(
                    year: past, earned: $0.earned, maximum: $0.variableMaximum, pending: $0.pending)
            }
        }
        return review
    }

    private static func single(year: Int, project: Project, figures: ProjectFigures) -> AnnualReview? {
        guard let funding = figures.funding(inYear: year, project: project),
            let schedule = FigureCalculator.paymentSchedule(year: year, project: project, figures: figures),
            let source = figures.funding?.table.payments?.source
        else { return nil }
        var missions: [AnnualReview.MissionReview] = []
        var notStarted: [(String, Int)] = []
        for line in funding.lines {
            guard year >= line.startYear else {
                notStarted.append((line.title, line.startYear))
                continue
            }
            let mission = project.missions.first { $0.id.value == line.id }
            let indicators = mission?.indicators.map { review($0, year: year) } ?? []
            let carried = indicators.compactMap(\.maximum).reduce(0, +)
            missions.append(
                AnnualReview.MissionReview(
                    id: line.id, title: line.title, variableMaximum: line.variable, indicators: indicators,
                    unattributed: max(0, (line.variable ?? 0) - carried),
                    achievements: mission?.achievements[year]?.map(\.value) ?? []))
        }
        return AnnualReview(
            year: year, period: schedule.period, reviewDate: schedule.reviewDate, funding: funding,
            missions: missions, notStarted: notStarted, lines: lines(schedule, missions: missions), history: [],
            paymentSource: source)
    }

    static func review(_ indicator: MissionIndicator, year: Int) -> AnnualReview.IndicatorReview {
        let target = indicator.target.inForce(year)
        let pay = indicator.pay.inForce(year)
        let result = indicator.results[year]
        let targetOutcome = result.map { result in
            target.value.map { $0.value.evaluate(result.measure) } ?? .notComputable("aucune cible n’est fixée")
        }
        var review = AnnualReview.IndicatorReview(
            indicator: indicator, target: target.value?.value, targetSetIn: target.setIn, pay: pay.value?.value,
            paySetIn: pay.setIn, result: result, targetOutcome: targetOutcome, outcome: .notEntered, earned: nil,
            maximum: pay.value?.value.maximum)
        guard let result, let targetOutcome else { return review }
        switch pay.value?.value {
        case let .steps(steps)?:
            let outcomes = steps.map { $0.condition.evaluate(result.measure) }
            if let reason = outcomes.lazy.compactMap({ outcome -> String? in
                if case let .notComputable(reason) = outcome { return reason }
                return nil
            }).first {
                review.outcome = .notComputable(reason)
                return review
            }
            let reached = steps.indices.filter { outcomes[$0] == .met }
            let best = reached.max { steps[$0].amount < steps[$1].amount }
            review.outcome = best.map { .tier($0) } ?? .noTier
            review.earned = best.map { steps[$0].amount } ?? 0
        case let .amount(amount)?:
            switch targetOutcome {
            case .met: (review.outcome, review.earned) = (.reached, amount)
            case .unmet: (review.outcome, review.earned) = (.missed, 0)
            case let .notComputable(reason): review.outcome = .notComputable(reason)
            }
        case nil:
            switch targetOutcome {
            case .met: review.outcome = .reached
            case .unmet: review.outcome = .missed
            case let .notComputable(reason): review.outcome = .notComputable(reason)
            }
        }
        return review
    }

    /// Due, advanced and balance per line of the schedule: the rounded payments of the
    /// schedule itself, so that the review and the funding annex agree to the euro; a
    /// variable part is due as earned, with no advance.
    private static func lines(_ schedule: PaymentSchedule, missions: [AnnualReview.MissionReview])
        -> [AnnualReview.PaymentLine]
    {
        var keys: [String] = []
        var grouped: [String: [PaymentSchedule.Payment]] = [:]
        for payment in schedule.payments {
            let key = "\(payment.lineID)/\(payment.part.rawValue)"
            if grouped[key] == nil { keys.append(key) }
            grouped[key, default: []].append(payment)
        }
        // In the order of the funding table: fonctionnement, then each mission's parts.
        let order = ["fonctionnement"] + missions.map(\.id)
        keys.sort { a, b in
            let (left, right) = (grouped[a]![0], grouped[b]![0])
            let (l, r) = (
                order.firstIndex(of: left.lineID) ?? order.count, order.firstIndex(of: right.lineID) ?? order.count
            )
            return l != r ? l < r : left.part == .fixed && right.part == .variable
        }
        return keys.map { key in
            let payments = grouped[key]!
            let first = payments[0]
            let rule = payments.map(\.what).joined(separator: " ; ")
            if first.part == .variable {
                let mission = missions.first { $0.id == first.lineID }
                return AnnualReview.PaymentLine(
                    id: first.lineID, part: .variable, title: first.line, due: mission?.earned ?? 0, advanced: 0,
                    pending: mission?.pending ?? 0, rule: rule)
            }
            let known = payments.allSatisfy { $0.amount != nil }
            return AnnualReview.PaymentLine(
                id: first.lineID, part: first.part, title: first.line,
                due: known ? payments.compactMap(\.amount).reduce(0, +) : nil,
                advanced: known ? payments.filter { !$0.afterReview }.compactMap(\.amount).reduce(0, +) : nil,
                pending: 0, rule: rule)
        }
    }
}
