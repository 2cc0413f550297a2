import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Store

/// The signed-in analyst of the request being answered, if any: set by
/// ``StaffSessionMiddleware`` from the session cookie, read by the routes (full access, like a
/// token) and by the page layout (the staff header).
struct StaffSession: Sendable {
    /// The cookie holding a session's secret (the store keeps only its SHA-256).
    static let cookieName = "barometer_session"
    /// The cookie the sign-in form's token is tied to, before there is a session.
    static let preSessionCookieName = "barometer_presession"
    /// How long the sign-in form may wait before it is sent (30 minutes).
    static let preSessionSeconds = 30 * 60

    /// The request's session; nil for the public.
    @TaskLocal static var current: StaffSession?

    let account: Account
    /// The token every POST form of this session carries.
    let formToken: String

    init(account: Account, secret: String) {
        self.account = account
        formToken = Self.formToken(for: secret)
    }

    /// The form token tied to a session's or pre-session's secret: a digest of it, which an
    /// attacker without the cookie cannot compute, and which reveals nothing of the cookie.
    static func formToken(for secret: String) -> String {
        SHA256.hash(data: Data(("barometer form token\u{0}" + secret).utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `sent` is the form token of `secret`, compared in constant time.
    static func formTokenMatches(_ sent: String?, secret: String?) -> Bool {
        guard let sent, let secret else { return false }
        let expected = Array(formToken(for: secret).utf8), given = Array(sent.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// The value of cookie `name` in the request's `Cookie` headers.
    static func cookie(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                    return parts[1].trimmingCharacters(in: .whitespaces)
                }
            }
        }
        return nil
    }

    /// A `Set-Cookie` value: `HttpOnly; SameSite=Strict; Path=/`, `Secure` when `secure`;
    /// an empty value with `Max-Age=0` deletes the cookie.
    static func setCookie(_ name: String, _ value: String, maxAge: Int?, secure: Bool) -> String {
        var parts = ["\(name)=\(value)", "HttpOnly", "SameSite=Strict", "Path=/"]
        if let maxAge { parts.append("Max-Age=\(maxAge)") }
        if secure { parts.append("Secure") }
        return parts.joined(separator: "; ")
    }

    /// A new random secret for a pre-session cookie (256 bits, URL-safe).
    static func randomSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
