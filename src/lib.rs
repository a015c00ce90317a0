//! konzept: from the working groups' workbooks to the council-ready
//! integration concept.
//!
//! The pipeline runs in one direction, each stage taking the previous one's
//! value:
//!
//! ```text
//! konzept.toml + workbooks ─read─▶ Workbook (cells with A1 positions)   input/, config
//!    ─validate/merge─▶ Konzept (typed model, all diagnostics at once)   merge, model
//!    ─render─▶ Typst source ─typst─▶ PDF                                 render/typst
//!           └▶ OOXML parts ─zip──▶ DOCX                                  render/docx
//! ```
//!
//! Problems are [`diag::Diagnostic`]s with their place (file › sheet › cell);
//! nothing stops at the first one.

pub mod cli;
pub mod config;
pub mod costs;
pub mod diag;
pub mod gestaltung;
pub mod input;
pub mod merge;
pub mod model;
pub mod new;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod project;
pub mod render;
pub mod schema;
pub mod watch;
