/// The version of Barometer, reported in every result's provenance.
public enum BarometerVersion {
    public static let number = "0.1.0"
    public static let description = "barometer \(number)"
}
