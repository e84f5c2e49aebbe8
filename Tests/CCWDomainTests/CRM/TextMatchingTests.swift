import Testing
@testable import CCWDomain

@Suite struct TextMatchingTests {
    @Test func foldsCaseAccentsAndSpecialLetters() {
        #expect(TextMatching.fold("  Jürgen   MÜLLER ") == "jurgen muller")
        #expect(TextMatching.fold("Straße") == "strasse")
        #expect(TextMatching.fold("Søren Kierkegaard") == "soren kierkegaard")
        #expect(TextMatching.fold("Łukasz") == "lukasz")
        #expect(TextMatching.key("E-Mail Address") == "emailaddress")
    }

    @Test func levenshtein() {
        #expect(TextMatching.levenshtein("kitten", "sitting") == 3)
        #expect(TextMatching.levenshtein("", "abc") == 3)
        #expect(TextMatching.levenshtein("same", "same") == 0)
    }

    @Test func jaroWinklerMatchesTheTextbookValues() {
        #expect(TextMatching.jaroWinkler("martha", "marhta") == 961)
        #expect(TextMatching.jaroWinkler("dwayne", "duane") == 840)
        #expect(TextMatching.jaroWinkler("dixon", "dicksonx") == 813)
        #expect(TextMatching.jaroWinkler("abc", "abc") == 1000)
        #expect(TextMatching.jaroWinkler("abc", "xyz") == 0)
        #expect(TextMatching.jaroWinkler("", "") == 1000)
    }

    @Test func namePairsAroundTheDuplicateThreshold() {
        let threshold = DuplicateDetector.nameThreshold
        func jw(_ a: String, _ b: String) -> Int { TextMatching.jaroWinkler(TextMatching.fold(a), TextMatching.fold(b)) }
        // The values quoted in DuplicateDetector's documentation.
        #expect(jw("Jon Smith", "John Smith") == 973)
        #expect(jw("Anna Meier", "Anna Maier") == 937)
        #expect(jw("Jürgen Müller", "Jurgen Mueller") == 970)
        #expect(jw("Anna Meier", "Hans Meier") == 866)
        #expect(jw("Jon Smith", "John Smith") >= threshold)
        #expect(jw("Anna Meier", "Hans Meier") < threshold)
        #expect(jw("Anna Meier", "Peter Schmidt") < threshold)
    }

    @Test func suggestsNearNames() {
        let fields = ["contact.first_name", "contact.last_name", "company.name"]
        #expect(TextMatching.suggestion(for: "contact.frist_name", among: fields) == "contact.first_name")
        #expect(TextMatching.suggestion(for: "company.nmae", among: fields) == "company.name")
        #expect(TextMatching.suggestion(for: "deal.value", among: fields) == nil)
    }
}
