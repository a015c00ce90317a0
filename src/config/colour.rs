//! Colours of `gestaltung.farbe` and `gestaltung.farbe2`.

/// `#005CA9` or `005CA9` or `#05A` → (r, g, b).
pub fn parse_colour(s: &str) -> Option<(u8, u8, u8)> {
    let h = s.trim().trim_start_matches('#');
    let expand = |c: u8| c * 17;
    match h.len() {
        6 if h.chars().all(|c| c.is_ascii_hexdigit()) => Some((
            u8::from_str_radix(&h[0..2], 16).ok()?,
            u8::from_str_radix(&h[2..4], 16).ok()?,
            u8::from_str_radix(&h[4..6], 16).ok()?,
        )),
        3 if h.chars().all(|c| c.is_ascii_hexdigit()) => {
            let d = |i: usize| u8::from_str_radix(&h[i..i + 1], 16).ok().map(expand);
            Some((d(0)?, d(1)?, d(2)?))
        }
        _ => None,
    }
}
