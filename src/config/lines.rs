//! Lines in `konzept.toml` text, for messages.

/// 1-based line of a byte offset.
pub(super) fn line_of(src: &str, offset: usize) -> usize {
    src[..offset.min(src.len())].matches('\n').count() + 1
}

/// Finds the line where `key` is defined inside table `path` (best effort,
/// for messages only).
pub(super) fn key_line(src: &str, path: &str, key: &str) -> Option<usize> {
    let mut current = String::new();
    for (i, line) in src.lines().enumerate() {
        let t = line.trim();
        if let Some(h) = t.strip_prefix("[[").and_then(|r| r.split("]]").next()) {
            current = h.trim().to_string();
        } else if let Some(h) = t.strip_prefix('[').and_then(|r| r.split(']').next()) {
            current = h.trim().to_string();
        } else if current == path || (path.starts_with(&current) && path.contains('.')) {
            let k = t
                .split(['=', ' '])
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches('"');
            if k == key || t.contains(&format!("{key} =")) || t.contains(&format!("{key}=")) {
                return Some(i + 1);
            }
        }
    }
    None
}
