import ArgumentParser
import CCWCore
import CCWDomain
import Foundation

/// `ccw stock reverse ID`: undoes a movement (the whole booking) with a reversal; the original stays.
struct StockReverse: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reverse", abstract: "Undo a wrong movement by a reversal.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Movement id (as printed by the booking, e.g. 1042 or #1042).") var movement: String
    @Option(help: "Why, or the document that asks for it.") var reference: String?

    func run() throws {
        try CommandRunner.run {
            let (db, scope) = try CommandRunner.session(global)
            guard let id = Int64(movement.trimmingCharacters(in: CharacterSet(charactersIn: "# "))) else {
                throw FieldInput.invalid("movement", "\(movement) is not a movement id (a number such as 1042)")
            }
            let result = try db.stockBooking.reverse(scope, movementId: id, reference: reference)
            let product = try db.products.get(scope, id: result.movements[0].productId)
            try StockSupport.print(result, product: product, db: db, scope: scope, json: output.json)
        }
    }
}
