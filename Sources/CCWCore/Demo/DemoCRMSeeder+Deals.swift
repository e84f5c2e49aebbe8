import CCWDomain
import Foundation

/// Deals across the pipeline, their moves and line items.
extension DemoCRMSeeder {
    // MARK: Deals

    mutating func planDeals(stages: [Stage]) {
        guard !plannedCompanies.isEmpty else { return }
        let open = stages.indices.filter { stages[$0].kind == .open }
        guard let won = stages.indices.first(where: { stages[$0].kind == .won }),
              let lost = stages.indices.first(where: { stages[$0].kind == .lost }), !open.isEmpty else { return }
        // Where each deal ends up: every stage, most in the open ones, a fair share closed.
        let weights = open.map { _ in 15 } + [24, 20]
        let finals = open + [won, lost]
        var outcomes: [Int] = []
        for (stage, weight) in zip(finals, weights) {
            outcomes += Array(repeating: stage, count: max(1, size.deals * weight / weights.reduce(0, +)))
        }
        while outcomes.count < size.deals { outcomes.append(open[outcomes.count % open.count]) }
        outcomes = rng.shuffle(Array(rng.shuffle(outcomes).prefix(size.deals)))

        let contactsByCompany = Dictionary(grouping: contacts.indices.filter { !contacts[$0].isDuplicate }) { contacts[$0].company }
        for (index, final) in outcomes.enumerated() {
            let company = rng.int(0...(plannedCompanies.count - 1))
            let spec = plannedCompanies[company]
            let position = max(companyPositions[company] + 0.01, rng.double(0.05, final == open[0] ? 0.97 : 0.8))
            let people = (contactsByCompany[company] ?? []).filter { contacts[$0].position < position }
            var chosen: [Int] = []
            if let first = people.first { chosen.append(rng.chance(0.6) ? first : rng.pick(people)) }
            if people.count > 2, rng.chance(0.35), let other = people.last, !chosen.contains(other) { chosen.append(other) }

            // The stages passed on the way, starting in the first (sometimes the second) stage.
            var path: [Int] = []
            let start = final != open[0] && rng.chance(0.25) && open.count > 1 ? open[1] : open[0]
            switch stages[final].kind {
            case .open: path = open.filter { $0 > start && $0 <= final }
            case .won: path = open.filter { $0 > start && $0 <= open[min(open.count - 1, rng.int(2...3))] } + [won]
            case .lost: path = open.filter { $0 > start && $0 <= open[rng.int(0...(open.count - 1))] } + [lost]
            }

            let created = date(time(position))
            let expected: CalendarDate = stages[final].kind == .open
                ? today.adding(days: rng.int(3...120))
                : created.adding(days: rng.int(14...60))
            let product = rng.pick(DemoCRMData.dealTopics)
            let euros = Int64(rng.pick([1, 2, 2, 3, 5, 5, 8, 12, 20, 35])) * Int64(rng.int(8...60)) * 100
            var new = NewDeal(name: "\(spec.shortName) – \(product)", value: Money(minor: euros * 100, currency: currency),
                              stageId: stages[start].id, expectedCloseDate: expected,
                              description: "\(product) for \(spec.company.name).",
                              source: rng.pick(DemoCRMData.sources), tags: rng.chance(0.3) ? [rng.pick(DemoCRMData.dealTags)] : [])
            new.probability = nil
            var lineItems: [DealLineItem] = []
            if rng.chance(0.22) {
                let items = rng.shuffle(DemoCRMData.lineItems).prefix(rng.int(1...4))
                for (n, item) in items.enumerated() {
                    let discount: LineDiscount = rng.chance(0.3) ? .percent(ExactDecimal(Int64(rng.pick([5, 10, 12, 15])))) : .none
                    lineItems.append(DealLineItem(description: item.name, quantity: ExactDecimal(Int64(rng.int(item.quantity))),
                                                  unitPrice: Money(minor: item.priceMinor, currency: currency),
                                                  discount: discount, sortOrder: n + 1))
                }
            }
            let lostReason = rng.pick(DemoCRMData.lostReasons)
            deals.append(PlannedDeal(company: company, contacts: chosen, position: position, new: new, lineItems: lineItems,
                                     path: path, lostReason: lostReason))
            schedule(position, .deal(index))
            var at = position + 0.0005
            if !lineItems.isEmpty { schedule(at, .lineItems(index)) }
            // The moves spread over the time left, each a while after the one before.
            for stage in path {
                at += (0.995 - at) * rng.double(0.12, 0.5)
                schedule(at, .move(index, stage: stage))
            }
        }
    }
}
