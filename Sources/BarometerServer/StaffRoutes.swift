import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Store

/// Staff sign-in to the explorer: `GET /sign-in` (the form), `POST /sign-in` (a session
/// cookie, or the sentence why not) and `POST /sign-out`. Every POST form carries a token tied
/// to the session, or for the sign-in form to a short-lived pre-session cookie; a POST without
/// it, or from another site's page (`Origin`/`Referer`), is refused with 403.
struct StaffRoutes: Sendable {
    let service: StudyService
    let configuration: ServerConfiguration

    /// The largest form body read (a user name and a password fit many times over).
    static let maxFormBytes = 16 * 1024

    func register(on router: Router<ExplorerRequestContext>) {
        router.get("sign-in") { request, _ in
            let language = APIRoutes.query(request).language
            let preSession = StaffSession.cookie(StaffSession.preSessionCookieName, in: request).flatMap { $0.count == 64 ? $0 : nil } ?? StaffSession.randomSecret()
            return signInPage(request, language: language, preSession: preSession, message: nil, status: .ok)
        }
        router.post("sign-in") { request, _ in
            let language = APIRoutes.query(request).language
            let form = try await Self.form(request)
            let preSession = StaffSession.cookie(StaffSession.preSessionCookieName, in: request)
            try Self.checkForm(request, token: form["csrf"], secret: preSession)
            let text = ExplorerText(language: language)
            switch try service.store.signIn(username: form["username"] ?? "", password: form["password"] ?? "", at: service.now()) {
            case .signedIn(_, let session):
                var response = Self.redirect(to: "/" + ExplorerPages.query([("lang", language == "en" ? nil : language)]))
                response.headers.append(HTTPField(name: .setCookie, value: StaffSession.setCookie(
                    StaffSession.cookieName, session, maxAge: Int(BarometerStore.sessionAbsoluteLimit), secure: secure(request))))
                response.headers.append(HTTPField(name: .setCookie, value: StaffSession.setCookie(
                    StaffSession.preSessionCookieName, "", maxAge: 0, secure: secure(request))))
                return response
            case .refused:
                return signInPage(request, language: language, preSession: preSession ?? "", message: text.signInRefused, status: .unauthorized)
            case .locked:
                return signInPage(request, language: language, preSession: preSession ?? "", message: text.signInLocked, status: .unauthorized)
            }
        }
        router.post("sign-out") { request, _ in
            let language = APIRoutes.query(request).language
            let form = try await Self.form(request)
            let secret = StaffSession.cookie(StaffSession.cookieName, in: request)
            try Self.checkForm(request, token: form["csrf"], secret: StaffSession.current == nil ? nil : secret)
            if let secret { try service.store.endSession(secret) }
            var response = Self.redirect(to: "/" + ExplorerPages.query([("lang", language == "en" ? nil : language)]))
            response.headers.append(HTTPField(name: .setCookie, value: StaffSession.setCookie(StaffSession.cookieName, "", maxAge: 0, secure: secure(request))))
            return response
        }
    }

    /// Whether cookies must be `Secure`: the request came over TLS (as the proxy says) or the
    /// server was told so.
    func secure(_ request: Request) -> Bool {
        configuration.secureCookies || request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    private func signInPage(_ request: Request, language: String, preSession: String, message: String?, status: HTTPResponse.Status) -> Response {
        let html = ExplorerPages.signIn(language: language, formToken: StaffSession.formToken(for: preSession), message: message)
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "private, no-store"]
        headers.append(HTTPField(name: .setCookie, value: StaffSession.setCookie(
            StaffSession.preSessionCookieName, preSession, maxAge: StaffSession.preSessionSeconds, secure: secure(request))))
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// Refuses (403) a form whose token is not the one of `secret`, or that came from a page of
    /// another host.
    static func checkForm(_ request: Request, token: String?, secret: String?) throws {
        let refused = APIError(.forbidden, "The form was refused because it did not come from this site's own page; reload the page and send it again.",
                               phrase: .formRefused)
        if let origin = request.headers[.origin] ?? request.headers[.referer] {
            guard let url = URL(string: origin), let host = url.host, let authority = request.head.authority,
                  authority.lowercased() == (url.port.map { "\(host):\($0)" } ?? host).lowercased() else {
                throw refused
            }
        }
        guard StaffSession.formTokenMatches(token, secret: secret) else { throw refused }
    }

    /// The fields of an `application/x-www-form-urlencoded` body.
    static func form(_ request: Request) async throws -> [String: String] {
        var body = try await request.body.collect(upTo: maxFormBytes)
        let text = body.readString(length: body.readableBytes) ?? ""
        var components = URLComponents()
        components.percentEncodedQuery = text.replacingOccurrences(of: "+", with: "%20")
        var fields: [String: String] = [:]
        for item in components.queryItems ?? [] where fields[item.name] == nil { fields[item.name] = item.value ?? "" }
        return fields
    }

    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "private, no-store"])
    }
}
