//! Reading what users hand in: workbooks (calamine lives only here), cell
//! values in their many accepted forms, and the Markdown subset of texts.

pub mod markdown;
pub mod values;
pub mod workbook;

pub mod image;
pub mod odt_template;
pub mod word_template;

pub use crate::text::{clean_text, normalize};
