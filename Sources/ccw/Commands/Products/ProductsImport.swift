import ArgumentParser
import CCWCore
import CCWDomain
import Foundation

/// `ccw products import FILE.csv [--dry-run]`: one product per row, all or nothing. Headers
/// are matched by name without fuss (`SKU`, `Item code`; `Name`; `Barcode`, `EAN`; `Cost`;
/// `Price`; `Unit`; `Decimals`; `Brand`; `Valuation`; `Tracking`; `Description`; `Active`;
/// `Wholesale price`: a one-break wholesale ladder from 1 unit in the organization's currency).
struct ProductsImport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import products from a CSV file (all or nothing).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "CSV file (UTF-8, header row first).") var file: String
    @Flag(name: .customLong("dry-run"), help: "Check every row and report; write nothing.") var dryRun = false

    static let aliases: [String: String] = [
        "sku": "sku", "itemcode": "sku", "code": "sku", "productcode": "sku", "name": "name", "productname": "name",
        "title": "name", "barcode": "barcode", "ean": "barcode", "ean13": "barcode", "upc": "barcode", "gtin": "barcode",
        "cost": "cost", "unitcost": "cost", "price": "price", "saleprice": "price", "unit": "unit", "uom": "unit",
        "decimals": "decimals", "brand": "brand", "valuation": "valuation", "tracking": "tracking",
        "description": "description", "suppliersku": "supplier_sku", "active": "active",
        "wholesaleprice": "wholesale_price", "wholesale": "wholesale_price",
    ]

    struct ResultJSON: Encodable {
        var dryRun: Bool
        var rows: Int
        var imported: Int
        var refused: [String]
    }

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            guard let data = FileManager.default.contents(atPath: file) else { throw FieldInput.invalid("file", "cannot read \(file)") }
            let records = try FieldInput.parse("file", String(decoding: data, as: UTF8.self)) { try CSVReader.read($0) }
            guard let header = records.first else { throw FieldInput.invalid("file", "\(file) is empty") }
            let fields = header.fields.map { Self.aliases[$0.lowercased().filter { $0.isLetter || $0.isNumber }] }
            guard fields.contains("sku"), fields.contains("name") else {
                throw FieldInput.invalid("file", "\(file): the header needs an SKU and a Name column (found: \(header.fields.joined(separator: ", ")))")
            }
            var drafts: [(line: Int, draft: ProductDraft, wholesale: Money?)] = []
            var refused: [String] = []
            var seen: [String: Int] = [:]
            for record in records.dropFirst() {
                if let problem = record.problem { refused.append("line \(record.line): \(problem)"); continue }
                var values: [String: String] = [:]
                for (i, field) in fields.enumerated() where i < record.fields.count { if let field { values[field] = record.fields[i] } }
                do {
                    let draft = try ProductFields.draft(values, currency: scope.baseCurrency)
                    let key = draft.sku.uppercased()
                    if let first = seen[key] { throw FieldInput.invalid("sku", "\(key) is also on line \(first)") }
                    seen[key] = record.line
                    if (try? db.products.lookup(scope, code: key)) != nil { throw CoreError.duplicate(field: "SKU", value: key) }
                    var wholesale: Money?
                    if let text = values["wholesale_price"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
                        let price = try FieldInput.parse("wholesale_price", text) { try Money.parse($0, currency: scope.baseCurrency) }
                        if price.isNegative { throw FieldInput.invalid("wholesale_price", "\(text): must not be negative") }
                        wholesale = price
                    }
                    drafts.append((record.line, draft, wholesale))
                } catch {
                    refused.append("line \(record.line): \(describeError(error))")
                }
            }
            let rows = records.count - 1
            if dryRun || !refused.isEmpty {
                if output.json { try Output.json(ResultJSON(dryRun: dryRun, rows: rows, imported: 0, refused: refused)) }
                else {
                    for line in refused { Output.message(line) }
                    Output.message("\(rows) row\(rows == 1 ? "" : "s"): \(drafts.count) good, \(refused.count) refused"
                        + (refused.isEmpty ? "" : "; nothing imported (fix the refused rows)") + (dryRun ? " (dry run: nothing written)" : ""))
                }
                if !refused.isEmpty { throw ExitCode(1) }
                return
            }
            let added = try db.productPrices.addAll(scope, drafts)
            if output.json { try Output.json(ResultJSON(dryRun: false, rows: rows, imported: added.count, refused: [])); return }
            Output.message("imported \(added.count) product\(added.count == 1 ? "" : "s")")
        }
    }

    private func describeError(_ error: any Error) -> String {
        (error as? CoreError)?.description ?? "\(error)"
    }
}
