import BarometerServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Store
import Studies
import SurveyCore
import SurveyIO

/// A store holding the demo study (generated once) and the server built on it.
enum ServerFixture {
    static let demo: DemoStudy = try! DemoStudyGenerator().generate()

    static func datasets() -> [String: Dataset] {
        Dictionary(uniqueKeysWithValues: zip(demo.study.waves.map(\.id), demo.datasets))
    }

    static let store: BarometerStore = {
        let store = try! BarometerStore.inMemory(passwordIterations: 1_000)
        try! store.importStudy(slug: "demo", study: demo.study, datasets: datasets())
        return store
    }()

    /// The demo as `barometer serve --demo` serves it: its open-ended reasons coded (the set
    /// `$russia_reason`, which its study.yaml makes public).
    static let codedDemo: DemoStudy = try! DemoStudyGenerator().generateCoded()

    static let codedStore: BarometerStore = {
        let store = try! BarometerStore.inMemory(passwordIterations: 1_000)
        try! store.importStudy(slug: "demo", study: codedDemo.study,
                               datasets: Dictionary(uniqueKeysWithValues: zip(codedDemo.study.waves.map(\.id), codedDemo.datasets)))
        return store
    }()

    static func app(
        store: BarometerStore = ServerFixture.store, configuration: ServerConfiguration = ServerConfiguration(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) -> some ApplicationProtocol {
        let service = StudyService(store: store, configuration: configuration, now: now)
        return Application(router: BarometerServerApp.router(service: service, configuration: configuration))
    }

    /// A new store with the demo study (its last wave embargoed until 2099 when `embargoLast`)
    /// and an account `username`, and a token of that account.
    static func storeWithAccount(username: String = "admin", role: AccountRole = .admin, embargoLast: Bool = false) throws -> (store: BarometerStore, token: String) {
        let store = try BarometerStore.inMemory(passwordIterations: 1_000)
        var study = demo.study
        if embargoLast { study.waves[study.waves.count - 1].embargoUntil = "2099-01-01" }
        try store.importStudy(slug: "demo", study: study, datasets: datasets())
        try store.createAccount(username: username, password: "correct horse", role: role)
        return (store, try store.createToken(username: username))
    }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
    }

    static func errorMessage(_ response: TestResponse) throws -> String {
        ((try json(response))["error"] as? [String: Any])?["message"] as? String ?? ""
    }
}
