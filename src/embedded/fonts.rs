//! The font files shipped inside the program (licences in `fonts/`), and
//! the families they and a project's own font files provide.

use std::sync::LazyLock;
use typst::foundations::Bytes;
use typst::text::Font;

/// The font files shipped with konzept (see `fonts/README.md`).
pub static FILES: [&[u8]; 10] = [
    include_bytes!("../../fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../../fonts/LiberationSans-Bold.ttf"),
    include_bytes!("../../fonts/LiberationSans-Italic.ttf"),
    include_bytes!("../../fonts/LiberationSans-BoldItalic.ttf"),
    include_bytes!("../../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../fonts/NotoSans-Italic.ttf"),
    include_bytes!("../../fonts/NotoSans-BoldItalic.ttf"),
    include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf"),
    include_bytes!("../../fonts/NotoNaskhArabic-Bold.ttf"),
];

/// The family names of the embedded fonts, parsed once per process.
static FAMILIES: LazyLock<Vec<String>> = LazyLock::new(|| family_names(FILES.iter().copied()));

fn family_names<'a>(files: impl Iterator<Item = &'a [u8]>) -> Vec<String> {
    files
        .flat_map(|data| Font::iter(Bytes::new(data.to_vec())))
        .map(|f| f.info().family.clone())
        .collect()
}

/// The font families available to the document: the embedded ones and those
/// of `extra` font files, sorted, each once.
pub fn families(extra: &[Vec<u8>]) -> Vec<String> {
    let mut names = FAMILIES.clone();
    names.extend(family_names(extra.iter().map(Vec::as_slice)));
    names.sort();
    names.dedup();
    names
}
