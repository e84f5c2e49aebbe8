import CCWDomain
import CCWViewModels
import TerminalKit

/// One part of the Admin module (users, roles, audit log, settings).
typealias AdminSection = ModuleSection

/// Admin: users and roles, the permission matrix, the audit log viewer and the organization
/// settings, as sections switched with 1-4 or [ and ].
final class AdminScreen: SectionedScreen {
    let session: AppSession

    init(session: AppSession, context: ScreenContext) {
        self.session = session
        super.init(module: .admin, context: context, sections: [
            UsersSection(session: session, context: context),
            RolesSection(context: context),
            AuditLogSection(session: session, context: context),
            SettingsSection(session: session, context: context),
        ])
    }
}
