import Hummingbird
import NIOCore

/// The request context of the server: Hummingbird's core storage and the client's address,
/// which rate limiting keys on.
public struct ExplorerRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's address ("unknown" in router tests without a socket).
    public let clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Bodies beyond this are refused with 413 when decoded.
    public var maxUploadSize: Int { 64 * 1024 }
}
