import Crypto
import Foundation

/// Password hashing with PBKDF2-HMAC-SHA256 (RFC 8018, §5.2; HMAC per RFC 2104) and a random
/// 16-byte salt, stored as one text:
///
/// ```
/// pbkdf2-sha256$600000$<salt, base64>$<32-byte key, base64>
/// ```
///
/// The iteration count travels with each hash, so raising ``defaultIterations`` later leaves
/// old hashes verifiable. 600,000 iterations is OWASP's 2023 recommendation for
/// PBKDF2-HMAC-SHA256. Verification compares keys in constant time.
///
/// Cost: two SHA-256 compressions per iteration (the HMAC's inner and outer key blocks are
/// hashed once, then their states are copied).
public enum PasswordHasher {
    /// Iterations for new passwords.
    public static let defaultIterations = 600_000
    /// The most iterations a stored hash may claim (a damaged row must not hang a sign-in).
    static let maximumIterations = 10_000_000
    static let scheme = "pbkdf2-sha256"
    static let saltSize = 16
    static let keySize = 32

    /// The stored form of `password`, with a fresh random salt.
    public static func hash(_ password: String, iterations: Int = defaultIterations) -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<saltSize).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return hash(password, salt: salt, iterations: iterations)
    }

    static func hash(_ password: String, salt: [UInt8], iterations: Int) -> String {
        let key = pbkdf2(password: Array(password.utf8), salt: salt, iterations: iterations, keySize: keySize)
        return "\(scheme)$\(iterations)$\(Data(salt).base64EncodedString())$\(Data(key).base64EncodedString())"
    }

    /// Whether `password` is the one `stored` was made from; false for a malformed `stored`.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == scheme, let iterations = Int(parts[1]),
              (1...maximumIterations).contains(iterations),
              let salt = Data(base64Encoded: String(parts[2])), let expected = Data(base64Encoded: String(parts[3])),
              !expected.isEmpty, expected.count <= 64
        else { return false }
        let key = pbkdf2(password: Array(password.utf8), salt: Array(salt), iterations: iterations, keySize: expected.count)
        return constantTimeEqual(key, Array(expected))
    }

    /// Whether `a` and `b` are equal, taking the same time whichever bytes differ.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }

    /// PBKDF2 (RFC 8018, §5.2) with HMAC-SHA256 as the pseudorandom function.
    static func pbkdf2(password: [UInt8], salt: [UInt8], iterations: Int, keySize: Int) -> [UInt8] {
        // HMAC(K, m) = H((K' ⊕ opad) ‖ H((K' ⊕ ipad) ‖ m)), K' the key padded to the 64-byte block
        // (hashed first when longer). Hash the two key blocks once and copy their states.
        var block = password.count > 64 ? Array(Crypto.SHA256.hash(data: password)) : password
        block += [UInt8](repeating: 0, count: 64 - block.count)
        var inner = Crypto.SHA256()
        inner.update(data: block.map { $0 ^ 0x36 })
        var outer = Crypto.SHA256()
        outer.update(data: block.map { $0 ^ 0x5C })
        func hmac(_ message: [UInt8]) -> [UInt8] {
            var i = inner
            i.update(data: message)
            var o = outer
            o.update(data: Array(i.finalize()))
            return Array(o.finalize())
        }
        var key: [UInt8] = []
        var blockIndex: UInt32 = 1
        while key.count < keySize {
            var u = hmac(salt + withUnsafeBytes(of: blockIndex.bigEndian, Array.init))
            var t = u
            for _ in 1..<max(iterations, 1) {
                u = hmac(u)
                for j in 0..<t.count { t[j] ^= u[j] }
            }
            key += t
            blockIndex += 1
        }
        return Array(key.prefix(keySize))
    }
}
