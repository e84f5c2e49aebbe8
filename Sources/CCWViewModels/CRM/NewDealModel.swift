import CCWCore
import CCWDomain

/// The new-deal form of the kanban: name, company and contact by name, value typed as a
/// decimal in the organization's currency, expected close date, the stage it starts in.
public final class NewDealModel {
    public enum Field: String, CaseIterable, Sendable {
        case name, company, contact, value, close, stage

        public var label: String {
            switch self {
            case .name: "Name"
            case .company: "Company"
            case .contact: "Contact"
            case .value: "Value"
            case .close: "Expected close"
            case .stage: "Stage"
            }
        }
    }

    public let session: AppSession
    public let pipeline: Pipeline
    public private(set) var values: [Field: String]
    public private(set) var errors: [Field: String] = [:]
    public private(set) var saved: DealRecord?
    public private(set) var error: String?

    public init(session: AppSession, pipeline: Pipeline, stage: Stage?) {
        self.session = session
        self.pipeline = pipeline
        values = [.stage: (stage ?? pipeline.openStages.first)?.name ?? ""]
    }

    /// The stages a new deal may start in.
    public var stageNames: [String] { pipeline.stages.map(\.name) }
    public func value(_ f: Field) -> String { values[f] ?? "" }
    public var isDirty: Bool { !value(.name).isEmpty || !value(.value).isEmpty || !value(.company).isEmpty }

    public func set(_ f: Field, _ text: String) {
        values[f] = text
        errors[f] = nil
    }

    public func save() {
        errors = [:]
        error = nil
        let scope = session.scope, lookups = session.database.crmLookups
        func text(_ f: Field) -> String { value(f).trimmingCharacters(in: .whitespaces) }
        if text(.name).isEmpty { errors[.name] = "a deal needs a name" }
        var amount: Money?
        do { amount = try Money.parse(text(.value).isEmpty ? "0" : text(.value), currency: scope.baseCurrency) } catch {
            errors[.value] = (error as? InputError)?.message ?? "\(error)"
        }
        var close: CalendarDate?
        if !text(.close).isEmpty {
            do { close = try CalendarDate.parse(text(.close), today: session.today) } catch {
                errors[.close] = (error as? InputError)?.message ?? "\(error)"
            }
        }
        var company: CompanyID?, contact: ContactID?
        do { company = try text(.company).isEmpty ? nil : lookups.company(scope, named: text(.company)) } catch {
            errors[.company] = describe(error)
        }
        do { contact = try text(.contact).isEmpty ? nil : lookups.contact(scope, named: text(.contact)) } catch {
            errors[.contact] = describe(error)
        }
        let stage = pipeline.stages.first { $0.name == value(.stage) }
        guard errors.isEmpty, let amount else { return }
        do {
            saved = try session.database.deals.add(scope, NewDeal(
                name: text(.name), value: amount, pipelineId: pipeline.id, stageId: stage?.id, companyId: company,
                contactIds: contact.map { [$0] } ?? [], expectedCloseDate: close))
        } catch CoreError.invalid(let fieldErrors) {
            for e in fieldErrors { errors[Field.allCases.first { e.field.lowercased().contains($0.rawValue) } ?? .name] = e.message }
        } catch {
            self.error = describe(error)
        }
    }
}
