import Testing
@testable import CCWDomain

@Suite struct ConditionTextTests {
    @Test func readsWhatDescriptionsPrint() throws {
        let samples: [ContactCondition] = [
            ContactCondition(.title, .contains("head")), ContactCondition(.status, .equals("customer")),
            ContactCondition(.industry, .inList(["retail", "food"])), ContactCondition(.companySize, .atLeast(201)),
            ContactCondition(.leadScore, .atLeast(50)), ContactCondition(.emailDomain, .equals("example.com")),
            ContactCondition(.tags, .equals("Messe 2026")), ContactCondition(.customField("Umsatz"), .atLeast(5000)),
            ContactCondition(.companyName, .contains("Müller & Söhne")),
        ]
        for c in samples { #expect(try ConditionText.condition(c.description) == c, "\(c)") }
    }

    @Test func shortFormsAndScoringConditions() throws {
        #expect(try ConditionText.condition("lead score >= 40") == ContactCondition(.leadScore, .atLeast(40)))
        #expect(try ConditionText.condition("Tag = vip") == ContactCondition(.tags, .equals("vip")))
        #expect(try ConditionText.condition("city ~ münchen") == ContactCondition(.city, .contains("münchen")))
        #expect(try ConditionText.scoring("3 interactions in the last 30 days") == .recentInteractions(count: 3, days: 30))
        #expect(try ConditionText.scoring("an interaction in the last 7 days") == .recentInteractions(count: 1, days: 7))
        #expect(try ConditionText.scoring("title contains head") == .attribute(ContactCondition(.title, .contains("head"))))
    }

    @Test func mistakesSayWhatWasExpected() {
        #expect(throws: InputError.self) { try ConditionText.condition("title head") }
        #expect(throws: InputError.self) { try ConditionText.condition("lead score at least many") }
        #expect(throws: InputError.self) { try ConditionText.condition("status is asleep") }
        #expect(throws: InputError.self) { try ConditionText.condition("title at least 3") }
        #expect(throws: InputError.self) { try ConditionText.scoring("interactions lately") }
    }
}
