import Foundation

/// Why a contact looks like a duplicate of another.
public enum DuplicateReason: Sendable, Hashable, CustomStringConvertible {
    /// Same email address, ignoring case.
    case sameEmail(String)
    /// Same phone or mobile number (E.164), in either field.
    case samePhone(String)
    /// Similar full names at the same company; similarity in thousandths (920 = 0.92).
    case similarName(similarity: Int, company: String)

    /// Weight for ranking: an email identifies a person best, a phone (shared switchboards)
    /// less, a similar name least.
    var weight: Int {
        switch self {
        case .sameEmail: 100
        case .samePhone: 60
        case let .similarName(similarity, _): 30 + (similarity - DuplicateDetector.nameThreshold) / 4
        }
    }

    /// "same email", "same phone", "similar name, same company": for a pick list that names
    /// the contact already.
    public var short: String {
        switch self {
        case .sameEmail: "same email"
        case .samePhone: "same phone"
        case .similarName: "similar name, same company"
        }
    }

    public var description: String {
        switch self {
        case let .sameEmail(email): "same email \(email)"
        case let .samePhone(phone): "same phone \(phone)"
        case let .similarName(similarity, company):
            "similar name at \(company) (\(similarity / 10).\(similarity % 10)% alike)"
        }
    }
}

/// One likely duplicate: which existing contact and why.
public struct DuplicateMatch: Sendable, Hashable {
    /// Position in the detector's list (the order contacts were added).
    public var index: Int
    /// The existing contact's id (nil for rows not saved yet, e.g. earlier rows of an import).
    public var contactID: ContactID?
    public var name: String
    public var reasons: [DuplicateReason]
    /// Sum of the reasons' weights; higher is more certainly the same person.
    public var score: Int
}

/// Finds likely duplicates of a contact before it is saved (and across the rows of an import).
///
/// A candidate matches an existing contact when any of these holds:
/// - the same email address (`EmailAddress.matchKey`, case ignored);
/// - a phone or mobile number equal to the other's phone or mobile (both are E.164, so
///   `030 1234567` and `+49 30 1234567` are equal);
/// - both at the same company and full names alike: Jaro-Winkler similarity of the folded
///   names (case, accents, `ß`/`ss` ignored; the candidate's name is also tried with first and
///   last name swapped, for files that put the family name first) of
///   at least **0.92** (`nameThreshold`). At that level typos and spelling variants match
///   ("Jon Smith"/"John Smith" 0.973, "Anna Meier"/"Anna Maier" 0.937, "Jürgen Müller"/
///   "Jurgen Mueller" 0.970) while different people sharing one name do not ("Anna Meier"/
///   "Hans Meier" 0.866).
///
/// "Same company" compares company names when they are known (legal suffixes such as GmbH,
/// Inc., Ltd. ignored), else company ids. Contacts without a company are compared by email and
/// phone only. Results are ranked by score (email 100, phone 60, name 30-50), ties by order.
public struct DuplicateDetector: Sendable {
    /// Jaro-Winkler threshold for names, in thousandths.
    public static let nameThreshold = 920

    /// What a match reports and compares of a contact (not the whole contact: an import
    /// compares with hundreds of thousands of stored ones).
    private struct Entry: Sendable {
        var id: ContactID?
        var fullName: String
        var name: FoldedName
        var companyKey: String?
        var companyLabel: String
    }

    private var entries: [Entry] = []
    private var byEmail: [String: [Int]] = [:]
    private var byPhone: [String: [Int]] = [:]
    private var byCompany: [String: [Int]] = [:]
    private let companyNames: [CompanyID: String]

    /// - Parameter companyNames: names of the companies the contacts belong to, so that a
    ///   candidate carrying only a company name (an import row) meets contacts linked by id.
    public init(existing: [Contact] = [], companyNames: [CompanyID: String] = [:]) {
        self.companyNames = companyNames
        for contact in existing { add(contact) }
    }

    /// Adds a contact to compare later candidates against; `companyName` stands in for the
    /// company when the contact has no company id yet.
    public mutating func add(_ contact: Contact, companyName: String? = nil) {
        let index = entries.count
        let (key, label) = companyKey(contact.companyID, companyName)
        let fullName = contact.fullName
        entries.append(Entry(id: contact.id, fullName: fullName, name: FoldedName(folded: TextMatching.fold(fullName)),
                             companyKey: key, companyLabel: label))
        if let email = contact.email { byEmail[email.matchKey, default: []].append(index) }
        for phone in Set([contact.phone, contact.mobile].compactMap { $0?.e164 }) { byPhone[phone, default: []].append(index) }
        if let key { byCompany[key, default: []].append(index) }
    }

    /// Likely duplicates of `candidate`, best first. A contact is never its own duplicate
    /// (same id).
    public func matches(for candidate: Contact, companyName: String? = nil) -> [DuplicateMatch] {
        var reasons: [Int: [DuplicateReason]] = [:]
        if let email = candidate.email {
            for index in byEmail[email.matchKey] ?? [] { reasons[index, default: []].append(.sameEmail(email.matchKey)) }
        }
        for phone in Set([candidate.phone, candidate.mobile].compactMap { $0?.e164 }).sorted() {
            for index in byPhone[phone] ?? [] { reasons[index, default: []].append(.samePhone(phone)) }
        }
        let (key, _) = companyKey(candidate.companyID, companyName)
        if let key, let indexes = byCompany[key] {
            let name = FoldedName(folded: TextMatching.fold(candidate.fullName))
            let swapped = FoldedName(folded: TextMatching.fold("\(candidate.lastName) \(candidate.firstName)"))
            for index in indexes where !name.isEmpty {
                let entry = entries[index]
                guard !entry.name.isEmpty else { continue }
                let threshold = DuplicateDetector.nameThreshold
                let similarity = max(name.similarity(to: entry.name, atLeast: threshold),
                                     swapped.similarity(to: entry.name, atLeast: threshold))
                if similarity >= DuplicateDetector.nameThreshold {
                    reasons[index, default: []].append(.similarName(similarity: similarity, company: entry.companyLabel))
                }
            }
        }
        return reasons.compactMap { index, found in
            let entry = entries[index]
            if let id = candidate.id, entry.id == id { return nil }
            return DuplicateMatch(index: index, contactID: entry.id, name: entry.fullName, reasons: found,
                                  score: found.map(\.weight).reduce(0, +))
        }.sorted { ($1.score, $0.index) < ($0.score, $1.index) }
    }

    private func companyKey(_ id: CompanyID?, _ name: String?) -> (String?, String) {
        if let id, let known = companyNames[id] { return ("n:" + DuplicateDetector.companyKey(known), known) }
        if let name, !DuplicateDetector.companyKey(name).isEmpty { return ("n:" + DuplicateDetector.companyKey(name), name) }
        if let id { return ("i:\(id.rawValue)", id.description) }
        return (nil, "")
    }

    static let legalSuffixes: Set<String> = ["gmbh", "ag", "kg", "ohg", "ug", "se", "inc", "llc", "ltd", "limited", "plc",
                                             "corp", "corporation", "co", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "ab",
                                             "as", "oy", "kk", "pty", "company", "mbh", "gbr", "ev"]

    /// A company name for comparison: folded, punctuation dropped, legal-form words removed
    /// ("ACME GmbH & Co. KG" → "acme").
    public static func companyKey(_ name: String) -> String {
        if let known = keyCache.withLock({ $0[name] }) { return known }
        let key = makeCompanyKey(name)
        keyCache.withLock { cache in
            if cache.count > 100_000 { cache.removeAll() }
            cache[name] = key
        }
        return key
    }

    /// Company names repeat across thousands of import rows, and folding is slow, so keys are
    /// remembered (bounded; cleared when it grows past 100,000 names).
    private static let keyCache = LockedDictionary()

    private static func makeCompanyKey(_ name: String) -> String {
        let words = TextMatching.fold(name).map { $0.isLetter || $0.isNumber ? $0 : " " }
        return String(words).split(separator: " ").map(String.init)
            .filter { !legalSuffixes.contains($0) }.joined(separator: " ")
    }
}

/// A dictionary behind a lock, for the company-key cache shared by every thread.
final class LockedDictionary: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: String] = [:]

    func withLock<T>(_ body: (inout [String: String]) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&values)
    }
}
