extension ValueLabel {
    /// Labels are equal when their codes, string codes and texts are; the `NaN` code of a string
    /// value label equals another `NaN` (the synthesized `==` would make it unequal to itself).
    public static func == (a: ValueLabel, b: ValueLabel) -> Bool {
        (a.code == b.code || (a.code.isNaN && b.code.isNaN)) && a.stringCode == b.stringCode && a.label == b.label
    }
}
