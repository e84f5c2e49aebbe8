import CCWDomain
import Foundation

/// Companies and their people.
extension DemoCRMSeeder {
    // MARK: Companies

    mutating func planCompanies() {
        let catalogue = DemoCRMData.companies
        let count = min(size.companies, catalogue.count)
        // Parents come before their subsidiaries in the catalogue, so any prefix is whole.
        plannedCompanies = Array(catalogue.prefix(count))
        var position = 0.0
        for index in 0..<count {
            // The accounts are entered over the first days, a few minutes to hours apart.
            position += rng.double(0.0005, 0.18 / Double(count))
            companyPositions.append(position)
            schedule(position, .company(index))
            if plannedCompanies[index].acquiredLater {
                // Acquired in the third or fourth week: the link is made then.
                schedule(rng.double(0.55, 0.8), .acquisition(index))
            }
        }
        for index in 0..<count {
            plannedCompanies[index].company.annualRevenue = plannedCompanies[index].revenueMinor.map {
                Money(minor: $0, currency: currency)
            }
        }
    }

    // MARK: Contacts

    mutating func planContacts() {
        let companyCount = plannedCompanies.count
        guard companyCount > 0 else { return }
        // Larger companies get more contacts.
        let weights = plannedCompanies.map { spec in
            switch spec.company.employeeCount?.minimum ?? 1 {
            case ..<50: 2
            case ..<500: 4
            default: 6
            }
        }
        let totalWeight = weights.reduce(0, +)
        var perCompany = weights.map { max(1, $0 * size.contacts / totalWeight) }
        var index = 0
        while perCompany.reduce(0, +) < size.contacts {
            perCompany[index % companyCount] += 1
            index += 1
        }
        while perCompany.reduce(0, +) > size.contacts, let largest = perCompany.indices.max(by: { perCompany[$0] < perCompany[$1] }) {
            perCompany[largest] -= 1
        }
        let duplicatePairs = min(6, max(1, size.contacts / 60))
        for company in 0..<companyCount {
            let spec = plannedCompanies[company]
            for n in 0..<perCompany[company] {
                var draft = ContactDraft()
                draft[.company] = spec.company.name
                let name = DemoCRMData.name(for: spec.region, using: &rng)
                draft[.firstName] = name.first
                draft[.lastName] = name.last
                draft[.email] = email(first: name.romanFirst ?? name.first, last: name.romanLast ?? name.last,
                                      domain: spec.domain, style: 0)
                let (title, department) = rng.pick(DemoCRMData.titles)
                draft[.title] = n == 0 ? rng.pick(["Managing Director", "Head of Purchasing", "CEO", "Head of Operations"]) : title
                draft[.department] = n == 0 ? "Management" : department
                if n == 0 { draft[.isPrimary] = "yes" }
                fillAddressAndPhones(&draft, spec)
                draft[.status] = rng.pick(DemoCRMData.statuses).rawValue
                draft[.source] = rng.pick(DemoCRMData.sources)
                var tags: [String] = []
                for tag in DemoCRMData.contactTags where rng.chance(0.12) { tags.append(tag) }
                draft[.tags] = tags.joined(separator: ", ")
                let position = companyPositions[company] + rng.double(0.002, 0.9 - companyPositions[company])
                contacts.append(PlannedContact(company: company, position: position, draft: draft, ownerAt: time(position),
                                               isDuplicate: false))
            }
        }
        // A few people entered twice (a trade-fair list typed in again, a colleague who did
        // not search first), with the name spelt without accents and another address form,
        // sometimes with the same phone: what the duplicate screen is for.
        let candidates = rng.shuffle(Array(contacts.indices)).filter {
            let name = contacts[$0].draft[.firstName] + contacts[$0].draft[.lastName]
            return plannedCompanies[contacts[$0].company].region.isLatin
                && DemoCRMData.transliterated(name, capitalized: false) != name.lowercased()
        }
        for original in candidates.prefix(duplicatePairs) {
            let source = contacts[original]
            let spec = plannedCompanies[source.company]
            var draft = source.draft
            draft[.firstName] = DemoCRMData.transliterated(source.draft[.firstName], capitalized: true)
            draft[.lastName] = DemoCRMData.transliterated(source.draft[.lastName], capitalized: true)
            if draft[.firstName] == source.draft[.firstName] && draft[.lastName] == source.draft[.lastName] {
                draft[.lastName] = DemoCRMData.misspelt(draft[.lastName])
            }
            draft[.email] = email(first: draft[.firstName], last: draft[.lastName], domain: spec.domain, style: 1)
            draft[.isPrimary] = ""
            if !rng.chance(0.5) { draft[.mobile] = "" }
            let position = min(0.99, source.position + rng.double(0.01, 0.1))
            contacts.append(PlannedContact(company: source.company, position: position, draft: draft, ownerAt: time(position),
                                           isDuplicate: true))
        }
        // Planned in company order; scheduled by time.
        for index in contacts.indices { schedule(contacts[index].position, .contact(index)) }
    }

    /// A unique address at the company's domain: `first.last`, else `f.last`, else numbered.
    mutating func email(first: String, last: String, domain: String, style: Int) -> String {
        let f = DemoCRMData.emailPart(first), l = DemoCRMData.emailPart(last)
        var forms = style == 0 ? ["\(f).\(l)", "\(f.prefix(1)).\(l)", "\(f)\(l.prefix(1))"]
                               : ["\(f.prefix(1)).\(l)", "\(f)\(l.prefix(1))", "\(l).\(f)"]
        forms = forms.map { $0.isEmpty || $0.hasPrefix(".") || $0.hasSuffix(".") ? "contact" : $0 }
        var number = 2
        var candidate = forms[0]
        var formIndex = 0
        while usedEmails.contains("\(candidate)@\(domain)") {
            formIndex += 1
            if formIndex < forms.count { candidate = forms[formIndex] } else { candidate = "\(forms[0])\(number)"; number += 1 }
        }
        usedEmails.insert("\(candidate)@\(domain)")
        return "\(candidate)@\(domain)"
    }

    mutating func fillAddressAndPhones(_ draft: inout ContactDraft, _ spec: DemoCRMData.CompanySpec) {
        draft[.addressLine1] = spec.company.address.line1
        draft[.city] = spec.company.address.city
        draft[.postalCode] = spec.company.address.postalCode
        // Addresses at home are typed without a country, so their national phone numbers are
        // read with the organization's default country; abroad the country decides.
        if spec.countryCode != homeCountry { draft[.country] = spec.company.address.country }
        let formats = DemoCRMData.phoneFormats[spec.countryCode] ?? DemoCRMData.phoneFormats["DE"]!
        if rng.chance(0.85) { draft[.phone] = rng.fill(rng.pick(formats.landline)) }
        if rng.chance(0.5) { draft[.mobile] = rng.fill(rng.pick(formats.mobile)) }
    }
}
