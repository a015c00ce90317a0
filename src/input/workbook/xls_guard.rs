//! The guard for `.xls` files (OLE compound files): sector chains that loop
//! and dimensions that claim absurd sizes are refused before calamine follows
//! or allocates them.

use super::MAX_CELLS_PER_SHEET;

const END: u32 = 0xFFFF_FFFE;
const FREE: u32 = 0xFFFF_FFFF;

/// Where a stream starts (its first sector) and its length in bytes.
type StreamEntry = (u32, u64);

fn bad<T>(what: &str) -> Result<T, String> {
    Err(format!("der Container ist fehlerhaft: {what}"))
}

/// Checks the sector chains of an OLE compound file (`.xls`) before calamine
/// follows them: calamine collects a chain until its end marker, so a chain
/// that loops (found by fuzzing: 9 KB file, 4 GB requested) never ends. Every
/// chain used for the directory and the streams must end within the file.
pub(super) fn guard_cfb(b: &[u8]) -> Result<(), String> {
    let file = Container::open(b)?;
    let fat = file.fat()?;
    let dir_chain = follow(&fat, file.u32_at(0x30).unwrap_or(END))?;
    let mini_fat = file.mini_fat(&fat)?;
    let cutoff = file.u32_at(0x38).unwrap_or(4096) as u64;
    let (root_chain, book) = file.directory(&fat, &mini_fat, dir_chain, cutoff)?;
    // calamine reserves rows × columns as the workbook's DIMENSIONS records
    // claim (found by fuzzing: a request for 1.7 petabytes); bound them.
    if let Some((start, len)) = book {
        let stream = file.stream(&fat, &mini_fat, &root_chain, (start, len), cutoff)?;
        // calamine reads the globals from the start and each sheet from the
        // offset its BOUNDSHEET record names, which may point anywhere in a
        // damaged file: scan from each of those places as calamine will.
        let mut scan = Scan {
            stream: &stream,
            bounds: None,
        };
        let mut sheets: Vec<usize> = Vec::new();
        scan.run(0, &mut sheets)?;
        for from in sheets.into_iter().take(1000) {
            scan.run(from, &mut Vec::new())?;
        }
    }
    Ok(())
}

/// The bytes of a compound file and its sector size.
struct Container<'a> {
    b: &'a [u8],
    size: usize,
    /// Number of whole sectors after the header.
    sectors: usize,
}

impl<'a> Container<'a> {
    fn open(b: &'a [u8]) -> Result<Self, String> {
        let u16_at = |o: usize| b.get(o..o + 2).map(|x| u16::from_le_bytes([x[0], x[1]]));
        let (Some(shift), Some(mini_shift)) = (u16_at(0x1E), u16_at(0x20)) else {
            return bad("Kopf zu kurz");
        };
        if !(shift == 9 || shift == 12) || mini_shift != 6 {
            return bad("ungültige Sektorgröße");
        }
        let size = 1usize << shift;
        if b.len() < size {
            return bad("Kopf zu kurz");
        }
        let sectors = (b.len() / size).saturating_sub(1);
        Ok(Container { b, size, sectors })
    }

    fn u32_at(&self, o: usize) -> Option<u32> {
        self.b
            .get(o..o + 4)
            .map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
    }

    fn sector(&self, n: u32) -> Option<&'a [u8]> {
        let start = (n as usize).checked_add(1)?.checked_mul(self.size)?;
        self.b.get(start..start + self.size)
    }

    /// The file allocation table: its sector numbers are 109 in the header,
    /// more in the DIFAT chain.
    fn fat(&self) -> Result<Vec<u32>, String> {
        let size = self.size;
        let mut fat_sectors: Vec<u32> = (0..109)
            .filter_map(|i| self.u32_at(0x4C + 4 * i))
            .filter(|&n| n < END - 3)
            .collect();
        let mut next = self.u32_at(0x44).unwrap_or(END);
        let mut seen = 0usize;
        while next < END - 3 {
            seen += 1;
            if seen > self.sectors {
                return bad("DIFAT-Kette ohne Ende");
            }
            let Some(sec) = self.sector(next) else {
                return bad("DIFAT außerhalb der Datei");
            };
            let per = size / 4 - 1;
            fat_sectors.extend(
                (0..per)
                    .map(|i| u32::from_le_bytes(sec[4 * i..4 * i + 4].try_into().expect("4 bytes")))
                    .filter(|&n| n < END - 3),
            );
            next = u32::from_le_bytes(sec[size - 4..].try_into().expect("4 bytes"));
        }
        let mut fat: Vec<u32> = Vec::new();
        for &n in &fat_sectors {
            let Some(sec) = self.sector(n) else {
                return bad("FAT außerhalb der Datei");
            };
            fat.extend(
                sec.chunks_exact(4)
                    .map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]])),
            );
            if fat.len() > self.sectors.saturating_mul(2) + size {
                break; // more entries than sectors: the rest is never reached
            }
        }
        Ok(fat)
    }

    /// The table of the mini stream's sectors.
    fn mini_fat(&self, fat: &[u32]) -> Result<Vec<u32>, String> {
        let mini_fat_chain = follow(fat, self.u32_at(0x3C).unwrap_or(END))?;
        let mut mini_fat: Vec<u32> = Vec::new();
        for n in mini_fat_chain {
            let Some(sec) = self.sector(n) else {
                return bad("MiniFAT außerhalb der Datei");
            };
            mini_fat.extend(
                sec.chunks_exact(4)
                    .map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]])),
            );
        }
        Ok(mini_fat)
    }

    /// Walks the directory, following the chain of every stream; returns the
    /// root's chain (that of the mini stream) and the workbook stream's start
    /// and length.
    fn directory(
        &self,
        fat: &[u32],
        mini_fat: &[u32],
        dir_chain: Vec<u32>,
        cutoff: u64,
    ) -> Result<(Vec<u32>, Option<StreamEntry>), String> {
        // calamine takes the first directory entry as the root, whatever its
        // type, and follows its chain for the mini stream (found by fuzzing).
        let mut root_chain = Vec::new();
        if let Some(first) = dir_chain.first().and_then(|&n| self.sector(n)) {
            let start = u32::from_le_bytes(first[116..120].try_into().expect("4 bytes"));
            root_chain = follow(fat, start)?;
        }
        let mut book: Option<StreamEntry> = None;
        for n in dir_chain {
            let Some(sec) = self.sector(n) else {
                return bad("Verzeichnis außerhalb der Datei");
            };
            for entry in sec.chunks_exact(128) {
                let kind = entry[66];
                let start = u32::from_le_bytes(entry[116..120].try_into().expect("4 bytes"));
                let len = u64::from_le_bytes(entry[120..128].try_into().expect("8 bytes"));
                let name_len = (u16::from_le_bytes([entry[64], entry[65]]) as usize).min(64);
                let name: String = char::decode_utf16(
                    entry[..name_len.saturating_sub(2)]
                        .chunks_exact(2)
                        .map(|c| u16::from_le_bytes([c[0], c[1]])),
                )
                .map(|c| c.unwrap_or('?'))
                .collect();
                match kind {
                    // root: the mini stream lives in the FAT
                    5 => root_chain = follow(fat, start)?,
                    2 if len >= cutoff => {
                        follow(fat, start)?;
                    }
                    2 => {
                        follow(mini_fat, start)?;
                    }
                    _ => {}
                }
                if kind == 2 && (name == "Workbook" || name == "Book") {
                    book = Some((start, len));
                }
            }
        }
        Ok((root_chain, book))
    }

    /// The bytes of a stream, from the FAT or from the mini stream.
    fn stream(
        &self,
        fat: &[u32],
        mini_fat: &[u32],
        root_chain: &[u32],
        (start, len): StreamEntry,
        cutoff: u64,
    ) -> Result<Vec<u8>, String> {
        let len = len.min(self.b.len() as u64) as usize;
        let mut stream = Vec::with_capacity(len);
        if len as u64 >= cutoff {
            for n in follow(fat, start)? {
                stream.extend_from_slice(self.sector(n).unwrap_or_default());
            }
        } else {
            let mini: Vec<u8> = root_chain
                .iter()
                .flat_map(|&n| self.sector(n).unwrap_or_default().iter().copied())
                .collect();
            for n in follow(mini_fat, start)? {
                let at = n as usize * 64;
                stream.extend_from_slice(mini.get(at..at + 64).unwrap_or_default());
            }
        }
        stream.truncate(len);
        Ok(stream)
    }
}

/// Follows a chain in `table`; it must end before visiting more entries than
/// the table has.
fn follow(table: &[u32], start: u32) -> Result<Vec<u32>, String> {
    let mut chain = Vec::new();
    let mut n = start;
    while n != END && n != FREE {
        if n as usize >= table.len() || chain.len() > table.len() {
            return Err("der Container ist fehlerhaft: eine Sektorkette endet nicht".into());
        }
        chain.push(n);
        n = table[n as usize];
    }
    Ok(chain)
}

/// The cells' bounding box of a sheet: first and last row, first and last
/// column.
type Bounds = (u32, u32, u32, u32);

/// A scan of the workbook stream's records. The bounding box carries over
/// from one scan to the next until a sheet's BOF record starts a new one.
struct Scan<'s> {
    stream: &'s [u8],
    /// The cells' bounding box of the current sheet (calamine allocates it
    /// densely).
    bounds: Option<Bounds>,
}

impl Scan<'_> {
    /// Scans the records from `from` to the end, collecting the sheet offsets
    /// BOUNDSHEET records name into `sheets`.
    fn run(&mut self, from: usize, sheets: &mut Vec<usize>) -> Result<(), String> {
        let stream = self.stream;
        let mut pos = from;
        while pos + 4 <= stream.len() {
            let typ = u16::from_le_bytes([stream[pos], stream[pos + 1]]);
            let size = u16::from_le_bytes([stream[pos + 2], stream[pos + 3]]) as usize;
            let data = stream.get(pos + 4..pos + 4 + size).unwrap_or_default();
            if typ == 0x0085 && data.len() >= 4 {
                // BOUNDSHEET: calamine reads each sheet from this offset.
                sheets.push(u32::from_le_bytes([data[0], data[1], data[2], data[3]]) as usize);
            }
            // A sheet's substream starts with BOF: new bounds.
            if typ == 0x0809 {
                check_bounds(self.bounds.take())?;
            }
            if let Some((c0, c1)) = cell_cols(typ, data) {
                let r = u16::from_le_bytes([data[0], data[1]]) as u32;
                let (c0, c1) = (c0.min(c1), c0.max(c1));
                self.bounds = Some(match self.bounds {
                    None => (r, r, c0, c1),
                    Some((r0, r1, a0, a1)) => (r0.min(r), r1.max(r), a0.min(c0), a1.max(c1)),
                });
            }
            if typ == 0x0200 {
                check_dimensions(data)?;
            }
            pos += 4 + size;
        }
        check_bounds(self.bounds)?;
        Ok(())
    }
}

/// The first and last column of a cell record.
fn cell_cols(typ: u16, data: &[u8]) -> Option<(u32, u32)> {
    match typ {
        // NUMBER, LABEL, BOOLERR, FORMULA, RSTRING, LABELSST, RK, BLANK
        0x0203 | 0x0204 | 0x0205 | 0x0006 | 0x00D6 | 0x00FD | 0x027E | 0x0201
            if data.len() >= 4 =>
        {
            let c = u16::from_le_bytes([data[2], data[3]]) as u32;
            Some((c, c))
        }
        // MULRK, MULBLANK: first column at 2, last column in the last two bytes
        0x00BD | 0x00BE if data.len() >= 6 => Some((
            u16::from_le_bytes([data[2], data[3]]) as u32,
            u16::from_le_bytes([data[data.len() - 2], data[data.len() - 1]]) as u32,
        )),
        _ => None,
    }
}

fn check_bounds(b: Option<Bounds>) -> Result<(), String> {
    if let Some((r0, r1, c0, c1)) = b {
        let area = (r1 - r0 + 1) as u64 * (c1 - c0 + 1) as u64;
        if area > MAX_CELLS_PER_SHEET {
            return Err(format!(
                "die Zellen eines Blatts reichen über {} Zeilen × {} Spalten (höchstens {MAX_CELLS_PER_SHEET} Zellen)",
                r1 - r0 + 1,
                c1 - c0 + 1
            ));
        }
    }
    Ok(())
}

/// A DIMENSIONS record: the same reading as calamine's `parse_dimensions`,
/// which then reserves (last − first + 1) rows × columns; a first row after
/// the last wraps around in a release build.
fn check_dimensions(data: &[u8]) -> Result<(), String> {
    let u32_ = |o: usize| {
        data.get(o..o + 4)
            .map_or(0, |x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
    };
    let u16_ = |o: usize| {
        data.get(o..o + 2)
            .map_or(0, |x| u16::from_le_bytes([x[0], x[1]]) as u32)
    };
    let dims = match data.len() {
        10 => Some((u16_(0), u16_(2), u16_(4), u16_(6))),
        14 | 16 => Some((u32_(0), u32_(4), u16_(8), u16_(10))),
        _ => None,
    };
    if let Some((rf, rl, mut cf, cl)) = dims {
        if cf > 0xFF || cl < cf {
            cf = 0;
        }
        let (end_r, end_c) = if rl >= 1 && cl >= 1 {
            (rl - 1, cl - 1)
        } else {
            (rf, cf)
        };
        if end_r < rf || end_c < cf {
            return Err("ein Blatt hat unmögliche Abmessungen".into());
        }
        let area = (end_r - rf + 1) as u64 * (end_c - cf + 1) as u64;
        if area > MAX_CELLS_PER_SHEET {
            return Err(format!(
                "ein Blatt gibt {} Zeilen × {} Spalten an (höchstens {MAX_CELLS_PER_SHEET} Zellen)",
                end_r - rf + 1,
                end_c - cf + 1
            ));
        }
    }
    Ok(())
}
