//! A small, sealed [`World`]: everything Typst may see is handed in by the caller.
//!
//! - one main source at `/main.typ`,
//! - extra in-memory files by virtual path (`/stil.typ`, logos, chart data, …),
//! - the fonts embedded from `fonts/` plus optional font files given as bytes,
//! - a fixed "today" so that identical input gives identical output.
//!
//! Nothing here touches the real file system or the network: any other path is
//! `NotFound`, and package imports (`@preview/…`) are refused, because a council
//! document must be reproducible from the project folder alone.

use std::collections::HashMap;
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook, FontFamily, FontList, TextElem};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// Virtual path of the main source.
pub const MAIN_PATH: &str = "/main.typ";

/// Default font list: Liberation Sans for Latin text, Noto Sans for the Latin,
/// Greek and Cyrillic letters Liberation lacks, Noto Naskh Arabic for Arabic.
/// Typst's own default (Libertinus Serif) is not shipped.
pub const DEFAULT_FONTS: [&str; 3] = ["Liberation Sans", "Noto Sans", "Noto Naskh Arabic"];

/// Parsed embedded fonts; parsing happens once per process.
static EMBEDDED_FONTS: LazyLock<Vec<Font>> = LazyLock::new(|| {
    crate::embedded::fonts::FILES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect()
});

/// Font book of the embedded fonts only (the common case: no extra fonts).
static EMBEDDED_BOOK: LazyLock<LazyHash<FontBook>> =
    LazyLock::new(|| LazyHash::new(FontBook::from_fonts(EMBEDDED_FONTS.iter())));

/// The standard library with our default font list.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| {
    let mut library = Library::builder().build();
    let families = DEFAULT_FONTS
        .iter()
        .map(|name| FontFamily::new(name))
        .collect();
    library.styles.set(TextElem::font, FontList(families));
    LazyHash::new(library)
});

/// The fonts embedded in the binary, e.g. for checks by other modules.
pub fn embedded_fonts() -> &'static [Font] {
    &EMBEDDED_FONTS
}

/// Creates the file id for a virtual path inside the project root.
pub fn file_id(path: &str) -> Result<FileId, String> {
    let vpath = VirtualPath::new(path)
        .map_err(|err| format!("ungültiger virtueller Pfad „{path}“: {err}"))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// What [`KonzeptWorld::update`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Update {
    /// The world was brought to the new input; `changed` says whether any
    /// source, file or the date differed from before.
    Updated { changed: bool },
    /// The input cannot be taken over (other fonts): a new world is needed.
    NewWorldNeeded,
}

/// The sealed world for one compilation.
pub struct KonzeptWorld {
    main: Source,
    sources: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
    /// Extra fonts given at runtime; indices in the book continue after the embedded ones.
    extra_fonts: Vec<Font>,
    /// `None` when there are no extra fonts: then the shared embedded book is used.
    book: Option<LazyHash<FontBook>>,
    /// Hash of the extra font files, to tell whether [`Self::update`] can
    /// keep them.
    fonts_hash: u128,
    today: (i32, u8, u8),
}

impl KonzeptWorld {
    /// Builds the world. Fails (with German text) on an invalid virtual path or on
    /// extra font data that contains no usable font.
    pub fn new(
        main: &str,
        files: &[(String, Vec<u8>)],
        extra_fonts: &[Vec<u8>],
        today: (i32, u8, u8),
    ) -> Result<Self, String> {
        let main_id = file_id(MAIN_PATH)?;
        let mut extra = Vec::new();
        for (i, data) in extra_fonts.iter().enumerate() {
            let before = extra.len();
            extra.extend(Font::iter(Bytes::new(data.clone())));
            if extra.len() == before {
                return Err(format!(
                    "Schriftdatei Nr. {} enthält keine lesbare Schrift (TTF/OTF/TTC erwartet)",
                    i + 1
                ));
            }
        }
        let book = (!extra.is_empty()).then(|| {
            LazyHash::new(FontBook::from_fonts(
                EMBEDDED_FONTS.iter().chain(extra.iter()),
            ))
        });

        let mut world = Self {
            main: Source::new(main_id, main.to_owned()),
            sources: HashMap::new(),
            files: HashMap::new(),
            extra_fonts: extra,
            book,
            fonts_hash: typst::utils::hash128(extra_fonts),
            today,
        };
        // The files are taken in exactly as for a later update.
        world.update(main, files, extra_fonts, today)?;
        Ok(world)
    }

    /// Brings the world to new input for the next compilation, keeping what
    /// did not change: the main source is edited in place
    /// ([`Source::replace`]), so the syntax nodes of unchanged parts keep
    /// their identity and Typst's memoized results for them stay valid.
    /// Returns [`Update::NewWorldNeeded`] (world unchanged) when the extra
    /// fonts differ.
    pub fn update(
        &mut self,
        main: &str,
        files: &[(String, Vec<u8>)],
        extra_fonts: &[Vec<u8>],
        today: (i32, u8, u8),
    ) -> Result<Update, String> {
        if typst::utils::hash128(extra_fonts) != self.fonts_hash {
            return Ok(Update::NewWorldNeeded);
        }
        let mut changed = self.today != today || self.files.len() != files.len();
        let main_id = self.main.id();
        let mut sources = HashMap::new();
        let mut file_map = HashMap::new();
        for (path, data) in files {
            let id = file_id(path)?;
            if id == main_id {
                return Err(format!("„{MAIN_PATH}“ ist für die Hauptquelle reserviert"));
            }
            if id.vpath().extension() == Some("typ") {
                if let Ok(text) = std::str::from_utf8(data) {
                    let source = match self.sources.remove(&id) {
                        Some(mut old) => {
                            if old.text() != text {
                                old.replace(text);
                                changed = true;
                            }
                            old
                        }
                        None => Source::new(id, text.to_owned()),
                    };
                    sources.insert(id, source);
                }
            }
            let bytes = match self.files.remove(&id) {
                Some(old) if old.as_slice() == data.as_slice() => old,
                _ => {
                    changed = true;
                    Bytes::new(data.clone())
                }
            };
            file_map.insert(id, bytes);
        }
        if self.main.text() != main {
            self.main.replace(main);
            changed = true;
        }
        self.sources = sources;
        self.files = file_map;
        self.today = today;
        Ok(Update::Updated { changed })
    }

    /// The main source (used to map diagnostics to lines).
    pub fn main_source(&self) -> &Source {
        &self.main
    }

    /// Refuses anything outside the project root (i.e. packages).
    fn check_root(id: FileId) -> FileResult<()> {
        match id.root() {
            VirtualRoot::Project => Ok(()),
            VirtualRoot::Package(spec) => Err(FileError::Package(PackageError::Other(Some(
                format!(
                    "Typst-Pakete werden nicht unterstützt ({spec}); konzept arbeitet ohne \
                     Netzzugriff – Vorlagen dürfen nur die mitgelieferte Stil-Bibliothek \
                     und eigene Dateien einbinden"
                )
                .into(),
            )))),
        }
    }

    fn not_found(id: FileId) -> FileError {
        FileError::NotFound(id.vpath().get_with_slash().into())
    }
}

impl World for KonzeptWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.book.as_ref().unwrap_or(&EMBEDDED_BOOK)
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        Self::check_root(id)?;
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        if let Some(source) = self.sources.get(&id) {
            return Ok(source.clone());
        }
        match self.files.get(&id) {
            Some(data) if std::str::from_utf8(data).is_err() => Err(FileError::InvalidUtf8),
            Some(_) => Err(FileError::NotSource),
            None => Err(Self::not_found(id)),
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        Self::check_root(id)?;
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| Self::not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        let embedded = EMBEDDED_FONTS.len();
        if index < embedded {
            EMBEDDED_FONTS.get(index).cloned()
        } else {
            self.extra_fonts.get(index - embedded).cloned()
        }
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        let (year, month, day) = self.today;
        Datetime::from_ymd(year, month, day)
    }
}
