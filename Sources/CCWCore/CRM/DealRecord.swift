import CCWDomain
import GRDB

/// A stored deal: the domain value (with contacts and line items) plus its row stamp.
public struct DealRecord: Sendable, Hashable, Identifiable {
    public var stamp: RowStamp
    public var deal: Deal

    public var id: DealID { DealID(stamp.id) }
    public var version: Int64 { stamp.version }

    /// The deal's own columns mapped; contacts and line items are added by the caller.
    static func deal(row: Row, baseCurrency: CurrencyCode) -> Deal {
        let currency = CRMStore.currency(row["currency"], fallback: baseCurrency)
        return Deal(id: DealID(row["id"] as Int64), name: row["name"], description: row["description"],
                    value: Money(minor: row["value_minor"], currency: currency),
                    pipelineID: PipelineID(row["pipeline_id"] as Int64), stageID: StageID(row["stage_id"] as Int64),
                    probability: CRMStore.decimal(row["probability"]) ?? .zero,
                    expectedCloseDate: CRMStore.date(row["expected_close_date"]),
                    actualCloseDate: CRMStore.date(row["actual_close_date"]),
                    companyID: (row["company_id"] as Int64?).map { CompanyID($0) },
                    ownerID: UserID(row["owner_id"] as Int64), source: row["source"], lostReason: row["lost_reason"],
                    tags: CRMStore.tags(row["tags"]), customFields: CRMStore.customFields(row["custom_fields"]),
                    stageEnteredAt: row["stage_entered_at"])
    }

    static func columns(_ deal: Deal) -> [String: (any DatabaseValueConvertible)?] {
        [
            "name": deal.name.trimmingCharacters(in: .whitespaces),
            "description": deal.description,
            "value_minor": deal.value.minor,
            "currency": deal.currency.code,
            "pipeline_id": deal.pipelineID.rawValue,
            "stage_id": deal.stageID.rawValue,
            "probability": deal.probability.normalized.description,
            "expected_close_date": deal.expectedCloseDate?.description,
            "actual_close_date": deal.actualCloseDate?.description,
            "company_id": deal.companyID?.rawValue,
            "owner_id": deal.ownerID.rawValue,
            "source": deal.source,
            "lost_reason": deal.lostReason,
            "stage_entered_at": deal.stageEnteredAt,
            "tags": CRMStore.json(deal.tags),
            "custom_fields": CRMStore.json(deal.customFields),
        ]
    }

    static func lineItem(row: Row, baseCurrency: CurrencyCode) -> DealLineItem {
        let currency = CRMStore.currency(row["currency"], fallback: baseCurrency)
        var discount = LineDiscount.none
        if let percent = CRMStore.decimal(row["discount_percent"]) { discount = .percent(percent) }
        if let minor = row["discount_minor"] as Int64? { discount = .amount(Money(minor: minor, currency: currency)) }
        return DealLineItem(id: row["id"], productID: row["product_id"], description: row["description"],
                            quantity: CRMStore.decimal(row["quantity"]) ?? .one,
                            unitPrice: Money(minor: row["unit_price_minor"], currency: currency), discount: discount,
                            sortOrder: row["sort_order"])
    }

    static func lineColumns(_ item: DealLineItem, deal: DealID, total: Money) -> [String: (any DatabaseValueConvertible)?] {
        var columns: [String: (any DatabaseValueConvertible)?] = [
            "deal_id": deal.rawValue, "product_id": item.productID, "description": item.description,
            "quantity": item.quantity.normalized.description, "unit_price_minor": item.unitPrice.minor,
            "currency": item.currency.code, "line_total_minor": total.minor, "sort_order": item.sortOrder,
        ]
        switch item.discount {
        case .none: break
        case let .percent(percent): columns["discount_percent"] = percent.normalized.description
        case let .amount(amount): columns["discount_minor"] = amount.minor
        }
        return columns
    }

    static func historyEntry(row: Row) -> StageHistoryEntry {
        StageHistoryEntry(dealID: DealID(row["deal_id"] as Int64), fromStageID: (row["from_stage_id"] as Int64?).map { StageID($0) },
                          toStageID: StageID(row["to_stage_id"] as Int64), movedAt: row["moved_at"],
                          movedBy: UserID((row["moved_by"] as Int64?) ?? 0),
                          probabilityBefore: CRMStore.decimal(row["probability_before"]),
                          probabilityAfter: CRMStore.decimal(row["probability_after"]) ?? .zero, lostReason: row["lost_reason"])
    }
}

/// What a new deal is made of. Pipeline and stage default to the organization's default
/// pipeline and its first open stage; the probability to the stage's; the owner to the user
/// adding it; the value, when line items are given, to their total.
public struct NewDeal: Sendable, Hashable {
    public var name: String
    public var value: Money
    public var pipelineId: PipelineID?
    public var stageId: StageID?
    public var probability: ExactDecimal?
    public var companyId: CompanyID?
    public var contactIds: [ContactID]
    public var ownerId: UserID?
    public var expectedCloseDate: CalendarDate?
    public var description: String
    public var source: String
    public var tags: [String]
    public var customFields: CustomFields
    public var lineItems: [DealLineItem]

    public init(name: String, value: Money, pipelineId: PipelineID? = nil, stageId: StageID? = nil,
                probability: ExactDecimal? = nil, companyId: CompanyID? = nil, contactIds: [ContactID] = [],
                ownerId: UserID? = nil, expectedCloseDate: CalendarDate? = nil, description: String = "",
                source: String = "", tags: [String] = [], customFields: CustomFields = [:], lineItems: [DealLineItem] = []) {
        self.name = name
        self.value = value
        self.pipelineId = pipelineId
        self.stageId = stageId
        self.probability = probability
        self.companyId = companyId
        self.contactIds = contactIds
        self.ownerId = ownerId
        self.expectedCloseDate = expectedCloseDate
        self.description = description
        self.source = source
        self.tags = tags
        self.customFields = customFields
        self.lineItems = lineItems
    }
}
