import CCWCore
import CCWDomain
import Foundation

/// CRM › Import: choose a CSV file, see the dry-run preview (counts, how columns map, every
/// bad row with its line and reason, likely duplicates), then import all-or-nothing or
/// skipping the bad rows. Runs `ContactImport` (the same use case as `ccw import contacts`).
public final class ContactImportModel {
    public enum Intent: Sendable {
        /// Reads the file at this path and previews it (nothing is written).
        case open(String)
        /// Previews the current file again (after fixing it in an editor).
        case reload
        case commit(ImportMode)
        /// Forgets the file and the preview.
        case reset
    }

    /// One line of the preview list.
    public struct Item: Sendable, Hashable {
        public enum Kind: Sendable, Hashable { case bad, duplicate }
        public var kind: Kind
        public var line: Int
        public var text: String
    }

    public let session: AppSession
    public private(set) var path: String?
    public private(set) var plan: ContactImportPlan?
    /// Why the file could not be read or the import was refused (several lines: one per bad row).
    public private(set) var error: [String] = []
    public private(set) var outcome: ImportOutcome?

    public init(session: AppSession) { self.session = session }

    /// Whether this login may import at all (CRM create).
    public var canImport: Bool { session.can(.create, in: .crm) }

    public var summary: ContactImportPlan.Summary? { plan?.summary }

    /// Bad rows (`line 7: email "bob@": domain is missing`), then flagged duplicates, in file order.
    public var items: [Item] {
        guard let plan else { return [] }
        let bad = plan.rows.filter { !$0.isValid }.map { Item(kind: .bad, line: $0.line, text: "line \($0.line): \($0.errors.joined(separator: "; "))") }
        let dupes = plan.rows.filter { $0.isValid && !$0.duplicates.isEmpty }
            .map { Item(kind: .duplicate, line: $0.line, text: "line \($0.line): likely duplicate: \($0.duplicates.joined(separator: "; "))") }
        return bad + dupes
    }

    /// `First name → first_name`, … for the mapping panel.
    public var mapping: [String] { plan?.mapping.summary ?? [] }
    public var newCompanies: [String] { plan?.newCompanies ?? [] }

    /// What importing all-or-nothing would do, nil when it cannot (a bad row, nothing to import).
    public var allOrNothingRows: Int? {
        guard let plan, plan.rows.allSatisfy(\.isValid), !plan.rows.isEmpty else { return nil }
        return plan.rows.count
    }

    /// How many rows skipping the bad ones would import, nil when none.
    public var skipBadRowsRows: Int? {
        guard let plan else { return nil }
        let good = plan.rows.filter(\.isValid).count
        return good > 0 ? good : nil
    }

    public func send(_ intent: Intent) {
        switch intent {
        case .open(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            path = trimmed.isEmpty ? nil : NSString(string: trimmed).expandingTildeInPath
            preview()
        case .reload:
            preview()
        case .commit(let mode):
            commit(mode)
        case .reset:
            path = nil; plan = nil; error = []; outcome = nil
        }
    }

    private func preview() {
        plan = nil
        outcome = nil
        error = []
        guard let path else { error = ["no file chosen"]; return }
        guard let data = FileManager.default.contents(atPath: path) else {
            error = ["cannot read \(path): no such file, or not readable"]
            return
        }
        do {
            plan = try session.database.contactImport.preview(session.scope, bytes: Array(data))
        } catch {
            self.error = Self.lines(error)
        }
    }

    private func commit(_ mode: ImportMode) {
        guard let plan else { return }
        do {
            outcome = try session.database.contactImport.commit(session.scope, plan: plan, mode: mode)
            error = []
            self.plan = nil
        } catch {
            self.error = Self.lines(error)
        }
    }

    /// An error as lines: one per field error (`line 3: …`), else its sentence.
    static func lines(_ error: any Error) -> [String] {
        if let core = error as? CoreError, !core.fieldErrors.isEmpty { return core.fieldErrors.map(\.description) }
        return [describe(error)]
    }
}
