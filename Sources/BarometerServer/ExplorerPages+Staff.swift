import Foundation
import Reports
import SurveyCore
import Store

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

    /// "Signed in as NAME · Saved analyses · Sign out" for the current session; empty for the public.
    static func staffHeader(language: String) -> String {
        guard let session = StaffSession.current else { return "" }
        let text = ExplorerText(language: language)
        let action = "/sign-out" + query([("lang", language == "en" ? nil : language)])
        return """
            <form class="staff" method="post" action="\(escape(action))"><span class="staff-name">\(escape(text.signedInAs(session.account.username)))</span> · \
            <a href="\(escape("/saved" + query([("lang", language == "en" ? nil : language)])))">\(escape(text.savedAnalyses))</a> · \
            <input type="hidden" name="csrf" value="\(session.formToken)"><button type="submit" class="link">\(escape(text.signOut))</button></form>
            """
    }

    /// The form that saves the question's current view under a name (signed-in staff only).
    static func saveForm(path: String, viewQuery: [(String, String?)], language: String) -> String {
        guard let session = StaffSession.current else { return "" }
        let text = ExplorerText(language: language)
        return """
            <form class="save" id="save" method="post" action="\(escape(path + "/save" + query(viewQuery)))">
            <input type="hidden" name="csrf" value="\(session.formToken)">
            <label for="save-name">\(escape(text.saveView))</label> <input id="save-name" name="name" required maxlength="200" placeholder="\(escape(text.saveName))">
            <button type="submit">\(escape(text.saveButton))</button></form>
            """
    }

    /// The institute's saved analyses: name, study (its title in the page's language, from
    /// `studyTitles` by slug, linking to the study), who, when.
    static func savedList(_ analyses: [SavedAnalysis], studyTitles: [String: LocalizedText], language: String) -> String {
        let text = ExplorerText(language: language)
        let lang: String? = language == "en" ? nil : language
        var body = "<h1>\(escape(text.savedAnalyses))</h1>"
        if analyses.isEmpty {
            body += "<p>\(escape(text.savedNone))</p>"
        } else {
            body += "<table id=\"saved\"><thead><tr><th>\(escape(text.saveName))</th><th>\(escape(text.savedStudy))</th><th>\(escape(text.savedBy))</th><th>\(escape(text.savedAt))</th></tr></thead><tbody>"
            for a in analyses {
                let link = "/saved/\(a.id)" + query([("lang", lang)])
                body += "<tr><td><a href=\"\(escape(link))\">\(escape(a.name ?? a.id))</a></td><td>\(studyLink(a.study, title: studyTitles[a.study], language: language))</td><td>\(escape(a.savedBy ?? ""))</td><td>\(Self.savedTime(a.createdAt))</td></tr>"
            }
            body += "</tbody></table>"
        }
        return page(title: "\(text.savedAnalyses) · \(text.siteName)", language: language, path: "/saved", query: [("lang", lang)], body: body)
    }

    /// A link to the study `slug`, named by its title in `language` (the slug when it has none,
    /// or when the study is gone).
    private static func studyLink(_ slug: String, title: LocalizedText?, language: String) -> String {
        let href = "/studies/\(slug)" + query([("lang", language == "en" ? nil : language)])
        return "<a href=\"\(escape(href))\">\(escape(title?.text(in: language) ?? slug))</a>"
    }

    /// One saved analysis: its name, who saved it and when, the saved result's table and a
    /// link to the live view.
    static func saved(_ analysis: SavedAnalysis, studyTitle: LocalizedText?, language: String) -> String {
        let text = ExplorerText(language: language)
        let lang: String? = language == "en" ? nil : language
        let title = analysis.name ?? analysis.id
        var body = "<p><a href=\"\(escape("/saved" + query([("lang", lang)])))\">← \(escape(text.savedAnalyses))</a></p>"
        body += "<h1>\(escape(title))</h1>"
        body += "<p class=\"muted\">\(escape(text.savedStudy)): \(studyLink(analysis.study, title: studyTitle, language: language)) · \(escape(text.savedBy)): \(escape(analysis.savedBy ?? "")) · \(escape(text.savedAt)): \(Self.savedTime(analysis.createdAt))</p>"
        if let view = analysis.viewPath { body += "<p><a id=\"live\" href=\"\(escape(view))\">\(escape(text.liveView))</a></p>" }
        body += "<div id=\"estimates\">\(ResultRenderer(language: language).htmlTables(analysis.result))</div>"
        return page(title: "\(title) · \(text.siteName)", language: language, path: "/saved/\(analysis.id)", query: [("lang", lang)], body: body)
    }

    /// A time as `YYYY-MM-DD HH:MM` in UTC, the same in every language.
    static func savedTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
