import Foundation

/// An email template (FR-1.6): a name the team picks it by, a one-line subject and a plain-text
/// body, both with merge fields (`{{contact.first_name}}`, see `MergeFields`).
public struct EmailTemplate: Sendable, Hashable, Codable {
    public var name: String
    public var subject: String
    public var body: String

    public static let maxNameLength = 100
    public static let maxSubjectLength = 200
    public static let maxBodyLength = 50_000

    public init(name: String, subject: String, body: String) {
        self.name = name
        self.subject = subject
        self.body = body
    }

    /// Every problem, by field: a missing name, subject or body, a subject over one line, and
    /// each merge-field problem with its line and column (`MergeFieldTemplate.check`).
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        let trimmedName = name.trimmingCharacters(in: .whitespaces)
        if trimmedName.isEmpty {
            errors.append(FieldError(field: "name", message: "a name is required (e.g. \"Follow-up after call\")"))
        } else if trimmedName.count > Self.maxNameLength {
            errors.append(FieldError(field: "name", message: "longer than \(Self.maxNameLength) characters"))
        }
        if subject.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError(field: "subject", message: "a subject is required"))
        } else if subject.contains(where: \.isNewline) {
            errors.append(FieldError(field: "subject", message: "must be one line"))
        } else if subject.count > Self.maxSubjectLength {
            errors.append(FieldError(field: "subject", message: "longer than \(Self.maxSubjectLength) characters"))
        }
        if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(field: "body", message: "the body is empty: write the message"))
        } else if body.count > Self.maxBodyLength {
            errors.append(FieldError(field: "body", message: "longer than \(Self.maxBodyLength) characters"))
        }
        for (field, text) in [("subject", subject), ("body", body)] {
            errors += MergeFieldTemplate.check(text).map { FieldError(field: field, message: $0.description) }
        }
        return errors
    }
}
