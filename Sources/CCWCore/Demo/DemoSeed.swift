import CCWDomain

/// Demo data for trying CCW and for screenshots. Each business area adds its own seed; this
/// one creates the identity part through the ordinary use cases, so it leaves a real audit
/// trail behind.
public enum DemoSeed {
    /// The result of `identity`: a scope for the admin in each demo organization.
    public struct Identity: Sendable {
        public var northwind: Scope
        public var harbour: Scope
        /// Every login created (the admin's first).
        public var logins: [String]
    }

    public static let northwindName = "Northwind Trading GmbH"
    public static let harbourName = "Harbour Supplies Ltd"

    /// Two organizations (Northwind Trading GmbH, EUR, Europe/Berlin; Harbour Supplies Ltd, GBP,
    /// Europe/London), staff in every role, `adminLogin` as admin of both, and some history
    /// (settings changed, a role changed, a leaver deactivated). Needs an empty database.
    @discardableResult
    public static func identity(database: AppDatabase, adminLogin: String, adminName: String = "Demo Admin") throws -> Identity {
        let northwind = try database.bootstrap(orgName: northwindName, adminLogin: adminLogin, displayName: adminName,
                                               currency: "EUR", timeZone: "Europe/Berlin", defaultCountry: "DE")
        _ = try database.organizations.add(name: harbourName, baseCurrency: "GBP", timeZone: "Europe/London",
                                           defaultCountry: "GB", adminLogin: adminLogin)
        let harbour = try database.login(adminLogin, org: harbourName)
        var logins = [northwind.login]

        let northwindStaff: [(String, String, Role)] = [
            ("anna.schmidt", "Anna Schmidt", .manager),
            ("jonas.weber", "Jonas Weber", .sales),
            ("lena.fischer", "Lena Fischer", .warehouse),
            ("markus.braun", "Markus Braun", .accountant),
            ("petra.koch", "Petra Koch", .readOnly),
            ("thomas.mueller", "Thomas Müller", .sales),
        ]
        let harbourStaff: [(String, String, Role)] = [
            ("oliver.hughes", "Oliver Hughes", .manager),
            ("emily.clarke", "Emily Clarke", .sales),
            ("george.patel", "George Patel", .warehouse),
            ("sophie.turner", "Sophie Turner", .accountant),
        ]
        for (scope, staff, domain) in [(northwind, northwindStaff, "northwind.example"), (harbour, harbourStaff, "harbour.example")] {
            for (login, name, role) in staff {
                _ = try database.users.add(scope, login: login, displayName: name, email: "\(login)@\(domain)", role: role)
                logins.append(login)
            }
        }
        // Anna also helps out at Harbour, read-only.
        _ = try database.memberships.add(harbour, login: "anna.schmidt", role: .readOnly)

        // Some history for the audit screen.
        let settings = try database.orgSettings.get(northwind)
        _ = try database.orgSettings.update(northwind, name: settings.name, baseCurrency: "EUR", timeZone: "Europe/Berlin",
                                            settings: ["rounding": .string("per-line"), "invoice_prefix": .string("NW-")],
                                            expectedVersion: settings.version)
        _ = try database.users.setRole(northwind, login: "jonas.weber", role: .manager)
        _ = try database.users.setRole(northwind, login: "jonas.weber", role: .sales)
        _ = try database.users.deactivate(northwind, login: "thomas.mueller")
        try database.write { db in
            for scope in [northwind, harbour] {
                try Notifications.post(db, orgId: scope.orgId, kind: "welcome", severity: .info,
                                       title: "Welcome to \(scope.orgName)", body: "Press ? for the keys of any screen.")
            }
        }
        return Identity(northwind: try database.refresh(northwind), harbour: harbour, logins: logins)
    }
}
