import CCWCore
import CCWDomain
import Foundation

/// A template as `ccw templates … --json` prints it.
struct TemplateJSON: Encodable {
    var id: Int64
    var uid: String
    var name: String
    var subject: String
    var body: String
    var version: Int64
    var updatedAt: String

    init(_ r: EmailTemplateRecord) {
        id = r.id
        uid = r.stamp.uid
        name = r.template.name
        subject = r.template.subject
        body = r.template.body
        version = r.version
        updatedAt = ZonedTime.iso8601UTC(r.stamp.updatedAt)
    }
}
