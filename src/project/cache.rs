//! Parsed workbooks kept between builds (`konzept build --watch`).

use crate::diag::Diagnostic;
use crate::input::workbook::{self, Workbook};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

/// Parsed workbooks kept between builds (`konzept build --watch`): a file
/// is read again only when its modification time or size changed.
#[derive(Default)]
pub struct WorkbookCache {
    entries: Mutex<HashMap<PathBuf, CacheEntry>>,
}

struct CacheEntry {
    stamp: (Option<SystemTime>, u64),
    display: String,
    result: Result<Workbook, Box<Diagnostic>>,
}

impl WorkbookCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// How many files are cached.
    pub fn len(&self) -> usize {
        self.entries.lock().map_or(0, |e| e.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn stamp(path: &Path) -> Option<(Option<SystemTime>, u64)> {
        let meta = std::fs::metadata(path).ok()?;
        Some((meta.modified().ok(), meta.len()))
    }

    /// The workbook at `path`, from the cache when the file is unchanged.
    /// Returns whether the file was read.
    pub(super) fn read(
        &self,
        path: &Path,
        display: &str,
    ) -> (Result<Workbook, Box<Diagnostic>>, bool) {
        let Some(stamp) = Self::stamp(path) else {
            // Missing file: not cached, the reader reports it.
            return (workbook::read_workbook(path, display), true);
        };
        if let Some(e) = self.entries.lock().ok().and_then(|e| {
            e.get(path)
                .filter(|e| e.stamp == stamp && e.display == display)
                .map(|e| e.result.clone())
        }) {
            return (e, false);
        }
        let result = workbook::read_workbook(path, display);
        // A file still being written may change while it is read: only a
        // stamp that held during the read is cached.
        if Self::stamp(path) == Some(stamp) {
            if let Ok(mut entries) = self.entries.lock() {
                entries.insert(
                    path.to_path_buf(),
                    CacheEntry {
                        stamp,
                        display: display.to_string(),
                        result: result.clone(),
                    },
                );
            }
        }
        (result, true)
    }

    /// Forgets files that were not part of the last check.
    pub(super) fn retain(&self, keep: &[PathBuf]) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.retain(|p, _| keep.contains(p));
        }
    }
}
