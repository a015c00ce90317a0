//! Image sizes from the file header: PNG and JPEG (the formats Word embeds
//! without a fallback). Read when the project is read (the cover image is
//! checked there) and when the DOCX places pictures.

/// The package extension and the pixel size of a PNG or JPEG; `None` for
/// anything else (SVG, broken files).
pub fn dimensions(b: &[u8]) -> Option<(&'static str, u32, u32)> {
    if b.len() >= 24 && b.starts_with(b"\x89PNG\r\n\x1a\n") && &b[12..16] == b"IHDR" {
        let w = u32::from_be_bytes(b[16..20].try_into().ok()?);
        let h = u32::from_be_bytes(b[20..24].try_into().ok()?);
        return (w > 0 && h > 0).then_some(("png", w, h));
    }
    if b.starts_with(&[0xFF, 0xD8]) {
        return jpeg(b).map(|(w, h)| ("jpeg", w, h));
    }
    None
}

/// Walks the JPEG markers to the first start-of-frame.
fn jpeg(b: &[u8]) -> Option<(u32, u32)> {
    let mut i = 2;
    while i + 9 < b.len() {
        if b[i] != 0xFF {
            return None;
        }
        let marker = b[i + 1];
        if marker == 0xFF {
            i += 1;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
        if (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker) {
            let h = u32::from(u16::from_be_bytes([b[i + 5], b[i + 6]]));
            let w = u32::from(u16::from_be_bytes([b[i + 7], b[i + 8]]));
            return (w > 0 && h > 0).then_some((w, h));
        }
        i += 2 + len;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_png_and_jpeg_sizes() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend(300u32.to_be_bytes());
        png.extend(120u32.to_be_bytes());
        assert_eq!(dimensions(&png), Some(("png", 300, 120)));
        let jpg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 50, 0, 80, 3, 0, 0, 0,
        ];
        assert_eq!(dimensions(&jpg), Some(("jpeg", 80, 50)));
        assert_eq!(dimensions(b"<svg/>"), None);
    }
}
