import CCWCore
import CCWDomain
import Testing
@testable import CCWViewModels

@Suite struct NewDealModelTests {
    @Test func aDealIsAddedWithCompanyContactValueAndStage() throws {
        let session = try SessionFixture.session()
        let db = session.database, scope = session.scope
        let firma = try db.companies.add(scope, company: Company(name: "Krüger Stahl AG"))
        _ = try db.contacts.add(scope, contact: Contact(firstName: "Elif", lastName: "Böhm", companyID: firma.id))
        let pipeline = try db.pipelines.defaultPipeline(scope).pipeline
        let model = NewDealModel(session: session, pipeline: pipeline, stage: pipeline.openStages[1])
        #expect(model.value(.stage) == pipeline.openStages[1].name)
        model.set(.value, "48,500.50")
        model.set(.close, "neverday")
        model.set(.company, "Nobody GmbH")
        model.save()
        #expect(model.saved == nil)
        #expect(model.errors[.name] == "a deal needs a name")
        #expect(model.errors[.close] != nil)
        #expect(model.errors[.company]?.contains("Nobody GmbH") == true)
        model.set(.name, "Regalanlage Halle C")
        model.set(.close, "+45")
        model.set(.company, "Krüger Stahl AG")
        model.set(.contact, "Elif Böhm")
        model.save()
        let deal = try #require(model.saved)
        #expect(deal.deal.value.minor == 4_850_050)
        #expect(deal.deal.stageID == pipeline.openStages[1].id)
        #expect(deal.deal.companyID == firma.id)
        #expect(deal.deal.contactIDs.count == 1)
        #expect(deal.deal.expectedCloseDate == session.today.adding(days: 45))
    }
}
