import Studies

extension DemoStudyGenerator {
    /// The demo study with its open-ended reasons coded by the frame it ships with
    /// (``Studies/DemoCodeFrames/russiaReasons``): what `barometer demo` writes and
    /// `barometer serve --demo` serves.
    /// - Throws: ``ReadError`` if the embedded frame does not read; the generator's errors.
    public func generateCoded() throws -> DemoStudy {
        let frame = try CodeFrameYAML.read(string: DemoCodeFrames.russiaReasons, name: "russia-reasons.yaml")
        return try generate().coded(by: frame)
    }
}
