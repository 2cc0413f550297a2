/// Bytecode compression (PSPP, *System File Format*, "Data Record"): eight command bytes, then
/// the 8-byte values of their code-253 commands.
struct BytecodeWriter {
    private var out: [UInt8] = []
    private var commandStart = 0
    private var commandCount = 8
    private var pending: [UInt8] = []

    private mutating func command(_ code: UInt8, literal: ArraySlice<UInt8>? = nil) {
        if commandCount == 8 {
            out.append(contentsOf: pending)
            pending.removeAll(keepingCapacity: true)
            commandStart = out.count
            out.append(contentsOf: [0, 0, 0, 0, 0, 0, 0, 0])
            commandCount = 0
        }
        out[commandStart + commandCount] = code
        commandCount += 1
        if let literal { pending.append(contentsOf: literal) }
    }

    mutating func number(_ value: Double) {
        if value.isNaN {
            command(255)
        } else if value == value.rounded(), value >= -99, value <= 151, value.sign == .plus || value != 0 {
            command(UInt8(Int(value) + 100))
        } else {
            let bits = value.bitPattern
            command(253, literal: ArraySlice((0..<8).map { UInt8(truncatingIfNeeded: bits >> UInt64(8 * $0)) }))
        }
    }

    mutating func string(_ chunk: ArraySlice<UInt8>) {
        if chunk.allSatisfy({ $0 == 0x20 }) { command(254) } else { command(253, literal: chunk) }
    }

    /// The stream; the last group of commands is padded with code 0.
    mutating func finish() -> [UInt8] {
        out.append(contentsOf: pending)
        pending.removeAll()
        commandCount = 8
        return out
    }
}
