import CCWDomain
import GRDB

/// Lead scores for imported contacts (FR-1.5): when the organization has enabled scoring
/// rules, each contact is saved with the score the rules give it, as `Contacts.add` does.
/// The rules are read once per import and each company once; a new contact has no
/// interactions yet, so rules on recent interactions count none. Without rules the score
/// from the file (or 0) is kept.
struct ImportScoring {
    let access: ScopedDatabase
    let rules: [ScoringRule]
    private var companies: [CompanyID: Company] = [:]

    init(_ access: ScopedDatabase) throws {
        self.access = access
        rules = try LeadScores.rules(access)
    }

    /// `contact` with its score; `newCompany` stands for a company the import just created.
    mutating func scored(_ contact: Contact, newCompany: Company? = nil) throws -> Contact {
        guard !rules.isEmpty else { return contact }
        var company = newCompany
        if let id = contact.companyID, newCompany == nil {
            if let known = companies[id] {
                company = known
            } else {
                company = try access.table(Companies.table).fetchRow(access.db, id: id.rawValue)
                    .map { CompanyRecord(row: $0, baseCurrency: access.scope.baseCurrency).company }
                companies[id] = company
            }
        }
        var scored = contact
        scored.leadScore = LeadScoring.score(ContactFacts(contact: contact, company: company), interactions: [],
                                             rules: rules, now: access.now).total
        return scored
    }
}
