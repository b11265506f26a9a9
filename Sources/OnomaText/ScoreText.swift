/// Scores as output text.
public enum ScoreText {
    /// `value` rounded to three decimals, without a fraction when whole: 1, 0.875, 0.
    public static func format(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
