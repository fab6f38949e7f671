import Foundation

/// One problem with one field of a request, named by its path (`orderItems[2].quantity`).
public struct FieldError: Hashable, Sendable, Codable {
    public var field: String
    public var message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}

/// What the domain refuses, each with the HTTP meaning the API layer gives it.
public enum DomainError: Error, Equatable, Sendable {
    /// The request is malformed; every bad field is listed.
    case invalid([FieldError])
    /// The thing named does not exist (or is not the caller's to see).
    case notFound(String)
    /// The request conflicts with what exists (same key, other content).
    case conflict(String)
    /// The request is well formed but not allowed in the current state.
    case invalidState(String)
    /// The caller may not do this.
    case forbidden(String)

    /// A single-field validation failure.
    public static func invalid(_ field: String, _ message: String) -> DomainError {
        .invalid([FieldError(field, message)])
    }
}

/// Collects field errors while a request is checked, so that all of them are reported at once.
public struct FieldErrors: Sendable {
    public private(set) var all: [FieldError] = []

    public init() {}

    public var isEmpty: Bool { all.isEmpty }

    public mutating func add(_ field: String, _ message: String) {
        all.append(FieldError(field, message))
    }

    public mutating func add(contentsOf other: [FieldError]) { all.append(contentsOf: other) }

    /// Requires a string of at most `maxLength` characters that is not blank; returns it.
    @discardableResult
    public mutating func required(_ value: String?, _ field: String, maxLength: Int = 255) -> String? {
        guard let value, !value.isBlank else {
            add(field, "is required")
            return nil
        }
        return checkLength(value, field, maxLength: maxLength)
    }

    /// Accepts a missing string; a present one must fit `maxLength` characters.
    @discardableResult
    public mutating func optional(_ value: String?, _ field: String, maxLength: Int = 255) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return checkLength(value, field, maxLength: maxLength)
    }

    private mutating func checkLength(_ value: String, _ field: String, maxLength: Int) -> String? {
        // A character is at least one UTF-8 byte, so a short enough encoding needs no character count.
        guard value.utf8.count <= maxLength || value.count <= maxLength else {
            add(field, "must be at most \(maxLength) characters")
            return nil
        }
        return value
    }

    /// Throws ``DomainError/invalid(_:)-swift.enum.case`` when anything was collected.
    public func throwIfAny() throws {
        if !all.isEmpty { throw DomainError.invalid(all) }
    }
}

extension String {
    /// Whether the text is empty or only spaces and tabs: what Foundation's `CharacterSet.whitespaces`
    /// holds (the space separators, the tab and the zero-width space), checked without bridging to `NSString`.
    public var isBlank: Bool {
        unicodeScalars.allSatisfy { $0 == "\t" || $0 == "\u{200B}" || $0.properties.generalCategory == .spaceSeparator }
    }
}
