import Testing
@testable import CCWDomain

@Suite struct MergeFieldTemplateTests {
    @Test func acceptsKnownFieldsAndSections() {
        let text = """
        Dear {{ contact.first_name }},
        {{#company.name}}thanks for choosing us at {{{company.name}}}.{{/company.name}}
        {{! internal note }}{{&sender.name}}
        """
        #expect(MergeFieldTemplate.check(text).isEmpty)
        #expect(MergeFieldTemplate.fieldsUsed(in: text) == ["contact.first_name", "company.name", "sender.name"])
    }

    @Test func reportsUnknownFieldsWithPositionAndSuggestion() {
        let text = "Hi {{contact.first_name}},\nyour {{contact.frist_name}} and {{deal.amount_due}}\n{{}} {{> footer}}"
        let problems = MergeFieldTemplate.check(text)
        #expect(problems.map(\.description) == [
            "line 2, column 6: {{contact.frist_name}}: unknown field; did you mean contact.first_name?",
            "line 2, column 33: {{deal.amount_due}}: unknown field (fields look like contact.first_name or company.name)",
            "line 3, column 1: {{}}: empty tag",
            "line 3, column 6: {{> footer}}: partials are not available in email templates",
        ])
    }

    @Test func reportsUnbalancedSectionsAndUnclosedTags() {
        let problems = MergeFieldTemplate.check("{{#company.name}}x{{/contact.city}}\n{{#deal.name}}")
        #expect(problems.map(\.description) == [
            "line 1, column 1: {{#company.name}}: section is never closed with {{/company.name}}",
            "line 1, column 19: {{/contact.city}}: closes contact.city but the open section is company.name (opened at line 1, column 1)",
            "line 2, column 1: {{#deal.name}}: section is never closed with {{/deal.name}}",
        ])
        #expect(MergeFieldTemplate.check("Hello {{contact.first_name").map(\.description) == [
            "line 1, column 7: {{contact.first_name: {{ is never closed with }}",
        ])
    }

    @Test func valuesForOneRecipient() {
        let contact = Contact(firstName: "Anna", lastName: "Meier")
        let company = Company(name: "Acme")
        let deal = Deal(name: "Renewal", value: Money(minor: 125_000, currency: .EUR), pipelineID: 1, stageID: 2,
                        probability: ExactDecimal(25), ownerID: 1, stageEnteredAt: 0)
        let values = MergeFields.values(contact: contact, company: company, deal: deal, stageName: "Qualified",
                                        sender: .init(name: "Bob", email: "bob@ccw.example"), organization: "CCW")
        #expect(values["contact.full_name"] == "Anna Meier")
        #expect(values["company.legal_name"] == "Acme")
        #expect(values["deal.value"] == "1,250.00 EUR")
        #expect(values["contact.email"] == "")
        #expect(Set(values.keys) == Set(MergeFields.names))
    }
}
