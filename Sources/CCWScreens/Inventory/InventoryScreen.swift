import CCWDomain
import CCWViewModels
import TerminalKit

/// Inventory: its sections switched with the digit keys or [ and ].
final class InventoryScreen: SectionedScreen {
    let session: AppSession

    init(session: AppSession, context: ScreenContext) {
        self.session = session
        super.init(module: .inventory, context: context, sections: [
            StockEntrySection(session: session, context: context),
        ])
    }
}
