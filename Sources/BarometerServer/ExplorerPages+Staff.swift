import Foundation

/// The staff pages: the sign-in form and the header line a signed-in analyst sees.
extension ExplorerPages {
    /// The sign-in form; `message` is the sentence why the last attempt failed.
    static func signIn(language: String, formToken: String, message: String?) -> String {
        let text = ExplorerText(language: language)
        let action = "/sign-in" + query([("lang", language == "en" ? nil : language)])
        let alert = message.map { "<p class=\"refusal\" role=\"alert\">\(escape($0))</p>" } ?? ""
        let body = """
            <h1>\(escape(text.staffSignIn))</h1>
            \(alert)
            <form class="sign-in" method="post" action="\(escape(action))">
            <input type="hidden" name="csrf" value="\(formToken)">
            <p><label for="username">\(escape(text.signInUsername))</label><br><input id="username" name="username" autocomplete="username" required maxlength="200"></p>
            <p><label for="password">\(escape(text.signInPassword))</label><br><input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024"></p>
            <p><button type="submit">\(escape(text.signInButton))</button></p>
            </form>
            """
        return page(title: "\(text.staffSignIn) · \(text.siteName)", language: language, path: "/sign-in", query: [("lang", language)], body: body)
    }

    /// "Signed in as NAME · Sign out" for the current session; empty for the public.
    static func staffHeader(language: String) -> String {
        guard let session = StaffSession.current else { return "" }
        let text = ExplorerText(language: language)
        let action = "/sign-out" + query([("lang", language == "en" ? nil : language)])
        return """
            <form class="staff" method="post" action="\(escape(action))"><span class="staff-name">\(escape(text.signedInAs(session.account.username)))</span> · \
            <input type="hidden" name="csrf" value="\(session.formToken)"><button type="submit" class="link">\(escape(text.signOut))</button></form>
            """
    }
}
