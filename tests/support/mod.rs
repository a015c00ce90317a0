//! Helpers shared by the modules of the integration-test binary.

/// Run the `konzept` binary; build small projects from row tables.
pub mod common;
/// The project generator, one copy shared with the benchmark
/// (`cargo bench --bench skalierung`), which includes the same file.
#[path = "../../benches/support/generator.rs"]
pub mod generator;
/// The external readers (poppler, python-docx, openxml-audit, LibreOffice).
pub mod werkzeuge;
