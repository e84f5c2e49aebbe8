import CCWDomain
import CCWViewModels
import TerminalKit

/// One part of the CRM module (contacts, companies, deals, tasks, …).
typealias CRMSection = ModuleSection

/// CRM: contacts, companies, the deal kanban, tasks, win/loss, segments and scoring, email
/// templates and import, as sections switched with the digit keys or [ and ].
final class CRMScreen: SectionedScreen {
    let session: AppSession

    init(session: AppSession, context: ScreenContext) {
        self.session = session
        super.init(module: .crm, context: context, sections: [
            ContactsSection(session: session, context: context),
            CompaniesSection(session: session, context: context),
            DealsSection(session: session, context: context),
            TasksSection(session: session, context: context),
            AnalysisSection(session: session, context: context),
            RulesSection(session: session, context: context),
            TemplatesSection(session: session, context: context),
            ImportSection(session: session, context: context),
        ])
    }
}
