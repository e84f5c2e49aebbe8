import CCWDomain

/// The demo's email templates: what a German wholesaler's sales team keeps at hand, in German
/// for customers at home and in English for the others.
extension DemoCRMSeeder {
    static let emailTemplates: [EmailTemplate] = [
        EmailTemplate(
            name: "Angebot nachfassen",
            subject: "Ihr Angebot{{#deal.name}} „{{deal.name}}“{{/deal.name}}",
            body: """
                Guten Tag {{contact.full_name}},

                vor einigen Tagen haben wir Ihnen unser Angebot{{#deal.value}} über {{deal.value}}{{/deal.value}} geschickt. \
                Haben Sie noch Fragen dazu, oder sollen wir etwas anpassen?
                {{#company.name}}
                Gern stimmen wir Mengen und Liefertermine direkt mit {{company.name}} ab.
                {{/company.name}}

                Mit freundlichen Grüßen
                {{sender.name}}
                {{org.name}}
                """),
        EmailTemplate(
            name: "Termin bestätigen",
            subject: "Unser Termin – Bestätigung",
            body: """
                Hallo {{contact.first_name}},

                vielen Dank für das angenehme Telefonat. Hiermit bestätige ich unseren Termin; \
                eine Kalendereinladung folgt separat.

                Falls sich etwas ändert, erreichen Sie mich unter {{sender.email}}.

                Beste Grüße
                {{sender.name}}
                """),
        EmailTemplate(
            name: "Follow-up after meeting",
            subject: "Great speaking with you, {{contact.first_name}}",
            body: """
                Hi {{contact.first_name}},

                Thank you for taking the time to meet with us{{#company.name}} and for the insights into {{company.name}}{{/company.name}}.
                As promised, I will send over our price list and delivery terms by the end of the week.

                Kind regards,
                {{sender.name}}
                {{org.name}}
                """),
    ]

    func addEmailTemplates() throws {
        for template in Self.emailTemplates { _ = try database.emailTemplates.add(scope, template) }
    }
}
