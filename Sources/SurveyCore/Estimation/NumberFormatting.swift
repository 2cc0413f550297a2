import Foundation

/// How stored numbers are written as category codes and labels.
public enum NumberFormatting {
    /// Integers without a decimal point; other numbers with up to 15 significant digits, as R's
    /// `as.character()`.
    public static func code(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(format: "%.15g", x)
    }
}
