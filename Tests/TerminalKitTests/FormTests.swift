import Testing
@testable import TerminalKit

/// An invoice header form with every kind of field.
func invoiceForm() -> FormState {
    FormState(fields: [
        FormField(id: "number", label: "Invoice no.", value: "INV-2026-0042", readOnly: true),
        FormField(id: "customer", label: "Customer", kind: .lookup, value: "Mü", required: true, hint: "code, barcode or name"),
        FormField(id: "contact", label: "Contact", value: "Jürgen Weiß"),
        FormField(id: "issue", label: "Issue date", kind: .date, value: "2026-11-25", required: true),
        FormField(id: "due", label: "Due date", kind: .date, value: "2026-13-01", required: true, hint: "YYYY-MM-DD, today, +7, eom"),
        FormField(id: "terms", label: "Payment terms", kind: .choice(["Net 14", "Net 30", "Net 60", "Prepaid"])),
        FormField(id: "lines", label: "Line count", kind: .integer, value: "3"),
        FormField(id: "total", label: "Total", kind: .money(currencySuffix: "EUR"), value: "12,480.00"),
        FormField(id: "discount", label: "Discount", kind: .money(currencySuffix: "EUR"), value: "-250.00"),
        FormField(id: "reference", label: "Customer reference", value: "PO 東京-7781"),
        FormField(id: "notes", label: "Notes", value: "Deliver to dock 3 before 10:00; call Mr. Yamada (山田) on arrival"),
        FormField(id: "pin", label: "Approval PIN", masked: true),
    ])
}

/// Sends a key to a form state.
func press(_ f: inout FormState, _ key: KeyEvent) -> Bool { f.handle(key) }

@Suite struct FormTests {
    @Test func focusCyclesAndSkipsReadOnly() {
        var f = invoiceForm()
        #expect(f.focusedField?.id == "customer")  // the read-only number is skipped
        f.focusPrevious()
        #expect(f.focusedField?.id == "pin")  // wraps backwards past the read-only first field
        f.focusNext()
        #expect(f.focusedField?.id == "customer")
        #expect(press(&f, KeyEvent(.tab)))
        #expect(f.focusedField?.id == "contact")
        #expect(press(&f, KeyEvent(.tab, .shift)))
        #expect(f.focusedField?.id == "customer")
        #expect(press(&f, KeyEvent(.enter)))
        #expect(f.focusedField?.id == "contact")
        f.focus(id: "terms")
        #expect(press(&f, .char(" ")))
        #expect(f.value("terms") == "Net 30")
        #expect(press(&f, KeyEvent(.left)) && press(&f, KeyEvent(.left)))
        #expect(f.value("terms") == "Prepaid")
        f.focus(id: "lines")
        #expect(!press(&f, .char("x")))  // integers take digits and a sign only
        #expect(press(&f, .char("7")))
        #expect(f.value("lines") == "37")
    }

    @Test func lookupSuggestionsAreChosenWithArrowsAndEnter() {
        var f = invoiceForm()
        f["customer"]?.setSuggestions(["Müller GmbH", "Müller & Söhne KG", "Mühlenbau AG"])
        #expect(press(&f, KeyEvent(.down)))
        #expect(f["customer"]?.suggestionIndex == 1)
        #expect(press(&f, KeyEvent(.enter)))
        #expect(f.value("customer") == "Müller & Söhne KG")
        #expect(f["customer"]?.suggestions.isEmpty == true)
        #expect(f.focusedField?.id == "customer")  // Enter chose a suggestion, did not move on
    }

    @Test func errorsAndRequired() {
        var f = invoiceForm()
        #expect(!f.hasErrors)
        f.setError("due date 2026-13-01: month must be 1-12", for: "due")
        #expect(f.hasErrors)
        f.setValue("", for: "customer")
        #expect(f.missingRequired == ["customer"])
        let s = Fixture.surface(80, 24)
        var state = f
        Form(theme: Fixture.theme).render(s.bounds, on: s, state: &state)
        #expect(s.snapshot().contains("✗ due date 2026-13-01: month must be 1-12"))
        f.clearErrors()
        #expect(!f.hasErrors)
    }

    @Test func scrollsToKeepTheFocusedFieldVisible() {
        var f = invoiceForm()
        f.focus(id: "pin")
        let s = Fixture.surface(80, 8)
        Form(theme: Fixture.theme).render(s.bounds, on: s, state: &f)
        #expect(f.scroll > 0)
        #expect(s.snapshot().contains("Approval PIN"))
    }

    @Test func snapshots() {
        Fixture.snapshots("form") { s in
            var f = invoiceForm()
            f.setError("due date 2026-13-01: month must be 1-12", for: "due")
            f.focus(id: "due")
            let block = Block(title: "Invoice INV-2026-0042", focused: true, theme: Fixture.theme)
            block.render(s.bounds, on: s)
            Form(theme: Fixture.theme).render(block.inner(s.bounds).inset(left: 1, right: 1), on: s, state: &f)
        }
        Fixture.snapshots("form-lookup", sizes: [(80, 24)]) { s in
            var f = invoiceForm()
            f["customer"]?.setSuggestions(["Müller GmbH", "Müller & Söhne KG", "Mühlenbau AG", "東京商事株式会社 (Müller Japan)"])
            Form(theme: Fixture.theme).render(s.bounds.inset(1), on: s, state: &f)
        }
        Fixture.snapshots("form-scrolled", sizes: [(80, 24)]) { s in
            var f = invoiceForm()
            f.focus(id: "terms")
            Form(theme: Fixture.theme).render(Rect(x: 0, y: 0, width: 80, height: 8), on: s, state: &f)
        }
    }
}
