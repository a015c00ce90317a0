//! Workbook reading (`input::workbook`) on mutated real workbooks: any bytes
//! give a workbook or a diagnostic, never a panic, an abort, unbounded memory
//! or a hang.
#![no_main]

use konzept::input::workbook::read_workbook_bytes;
use libfuzzer_sys::fuzz_target;

fn read(data: &[u8], ext: &str) {
    if let Ok(wb) = read_workbook_bytes(data.to_vec(), ext, "fuzz") {
        for sheet in &wb.sheets {
            for r in sheet.row_range() {
                let _ = sheet.is_row_empty(r);
                for c in sheet.col_range() {
                    let _ = sheet.cell(r, c).display();
                }
            }
        }
    }
}

fuzz_target!(
    init: {
        // `read_workbook_bytes` catches panics of the readers and reports the
        // file as broken; libfuzzer-sys's hook would abort on those too. A
        // panic that escapes still aborts (libfuzzer-sys checks every run).
        std::panic::set_hook(Box::new(|info| eprintln!("caught: {info}")));
    },
    |data: &[u8]| {
    // The extension only matters for zip packages without an ODF mimetype.
    read(data, "xlsx");
    if data.starts_with(b"PK") {
        read(data, "ods");
    }
    }
);
