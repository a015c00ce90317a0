//! Page margins: lengths such as `"2,5cm"` in millimetres.

use super::Raender;

/// The four margins (top, bottom, left, right) in millimetres.
pub const RAENDER_STANDARD: [f64; 4] = [30.0, 26.0, 25.0, 25.0];

/// A length as millimetres: `3cm`, `25 mm`, `2,5 cm`, `72pt`, `1in`.
pub fn parse_length_mm(s: &str) -> Option<f64> {
    let t = s.trim().to_lowercase().replace(',', ".");
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let v: f64 = num.parse().ok()?;
    let factor = match unit.trim() {
        "mm" => 1.0,
        "cm" => 10.0,
        "pt" => 25.4 / 72.0,
        "in" => 25.4,
        _ => return None,
    };
    let mm = v * factor;
    mm.is_finite().then_some(mm)
}

impl Raender {
    /// The margins in mm (top, bottom, left, right); missing ones from
    /// [`RAENDER_STANDARD`]; `None` for a value that is not a length.
    pub fn mm(&self) -> [Option<f64>; 4] {
        let one = |v: &Option<String>, d: f64| match v {
            None => Some(d),
            Some(s) => parse_length_mm(s),
        };
        let d = RAENDER_STANDARD;
        [
            one(&self.oben, d[0]),
            one(&self.unten, d[1]),
            one(&self.links, d[2]),
            one(&self.rechts, d[3]),
        ]
    }
}
