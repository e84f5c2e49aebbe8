import Foundation

/// A sales opportunity on a pipeline, with every field of the seed's Deal.
///
/// Improvements over the seed: the stage is a reference to one of the organization's stages
/// (not fixed text); probability is an exact percentage; the deal remembers when it entered
/// its current stage (for "days in stage"); contacts are a list of ids. Moving between stages
/// goes through `StageMove`, which keeps probability, close date, lost reason and stage
/// history consistent.
public struct Deal: Sendable, Hashable, Codable, Identifiable {
    public var id: DealID?
    public var name: String
    public var description: String
    /// The deal's amount in integer minor units (with line items: their total).
    public var value: Money
    public var pipelineID: PipelineID
    public var stageID: StageID
    /// Percent, 0-100 (set from the stage on each move; a rep may adjust it within open stages).
    public var probability: ExactDecimal
    public var expectedCloseDate: CalendarDate?
    public var actualCloseDate: CalendarDate?
    public var companyID: CompanyID?
    public var contactIDs: [ContactID]
    /// The sales rep who owns the deal.
    public var ownerID: UserID
    public var lineItems: [DealLineItem]
    public var source: String
    /// Why the deal was lost; required in a lost stage, empty otherwise.
    public var lostReason: String
    public var tags: [String]
    public var customFields: CustomFields
    /// When the deal entered its current stage (milliseconds since 1970 UTC).
    public var stageEnteredAt: Int64

    public init(id: DealID? = nil, name: String, description: String = "", value: Money, pipelineID: PipelineID,
                stageID: StageID, probability: ExactDecimal, expectedCloseDate: CalendarDate? = nil,
                actualCloseDate: CalendarDate? = nil, companyID: CompanyID? = nil, contactIDs: [ContactID] = [],
                ownerID: UserID, lineItems: [DealLineItem] = [], source: String = "", lostReason: String = "",
                tags: [String] = [], customFields: CustomFields = [:], stageEnteredAt: Int64) {
        self.id = id
        self.name = name
        self.description = description
        self.value = value
        self.pipelineID = pipelineID
        self.stageID = stageID
        self.probability = probability
        self.expectedCloseDate = expectedCloseDate
        self.actualCloseDate = actualCloseDate
        self.companyID = companyID
        self.contactIDs = contactIDs
        self.ownerID = ownerID
        self.lineItems = lineItems
        self.source = source
        self.lostReason = lostReason
        self.tags = tags
        self.customFields = customFields
        self.stageEnteredAt = stageEnteredAt
    }

    public var currency: CurrencyCode { value.currency }

    /// Value × probability, rounded half away from zero to minor units: what the deal adds to
    /// weighted totals and forecasts.
    public var weightedValue: Money { Probability.weight(value, percent: probability) }

    /// The sum of the line totals, lines in `sortOrder`; throws on mixed currencies or overflow.
    public func lineItemsTotal(rounding: RoundingRule = .halfAwayFromZero) throws -> Money {
        try lineItems.reduce(Money.zero(currency)) { try $0.adding(try $1.lineTotal(rounding: rounding)) }
    }

    /// The same deal with `value` set to the line items' total (unchanged without lines).
    public func valuedFromLineItems(rounding: RoundingRule = .halfAwayFromZero) throws -> Deal {
        guard !lineItems.isEmpty else { return self }
        var copy = self
        copy.value = try lineItemsTotal(rounding: rounding)
        return copy
    }

    /// The rules a deal must meet in `pipeline` (the deal's own pipeline).
    public func validate(in pipeline: Pipeline) -> [FieldError] {
        var errors: [FieldError] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError(field: "name", message: "a deal name is required"))
        }
        if name.count > 200 { errors.append(FieldError(field: "name", message: "longer than 200 characters")) }
        if value.isNegative { errors.append(FieldError(field: "value", message: "cannot be negative")) }
        if probability < .zero || probability > Probability.hundred {
            errors.append(FieldError(field: "probability", message: "\(probability)% is out of range (0-100)"))
        }
        if pipeline.id != pipelineID {
            errors.append(FieldError(field: "pipeline", message: "the deal is on \(pipelineID), not on \"\(pipeline.name)\""))
        }
        if let stage = pipeline.stage(stageID) {
            switch stage.kind {
            case .won where probability != Probability.hundred:
                errors.append(FieldError(field: "probability", message: "a won deal has probability 100%"))
            case .lost where probability != .zero:
                errors.append(FieldError(field: "probability", message: "a lost deal has probability 0%"))
            case .lost where lostReason.trimmingCharacters(in: .whitespaces).isEmpty:
                errors.append(FieldError(field: "lost reason", message: "a lost deal needs a reason"))
            default: break
            }
            if stage.kind.isClosed && actualCloseDate == nil {
                errors.append(FieldError(field: "close date", message: "a closed deal needs its close date"))
            }
            if stage.kind == .open && actualCloseDate != nil {
                errors.append(FieldError(field: "close date", message: "an open deal has no close date yet"))
            }
        } else {
            errors.append(FieldError(field: "stage", message: "\(stageID) is not a stage of \"\(pipeline.name)\""))
        }
        for (index, item) in lineItems.enumerated() {
            let field = "line \(index + 1)"
            if item.currency != currency {
                errors.append(FieldError(field: "\(field) unit price", message: "is in \(item.currency), the deal in \(currency)"))
            } else {
                errors += item.validate(field: field)
            }
        }
        if !lineItems.isEmpty, errors.isEmpty, let total = try? lineItemsTotal(), total != value {
            errors.append(FieldError(field: "value", message: "\(value.formattedWithCode) differs from the line items' total \(total.formattedWithCode)"))
        }
        if Set(contactIDs).count != contactIDs.count {
            errors.append(FieldError(field: "contacts", message: "a contact is listed twice"))
        }
        errors += Tags.validate(tags)
        errors += CustomFieldRules.validate(customFields)
        return errors
    }
}
