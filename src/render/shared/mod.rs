//! What every output format shares: the Handlebars registry with the
//! project's overrides ([`mod@registry`]), the helpers template authors use in
//! every format ([`helpers`]), rich text walked for a format
//! ([`mod@rich_text`]), the spaces no line breaks at ([`spacing`]), chart images ([`charts`]) and the template error.
//!
//! The templates themselves are the built-ins of [`crate::embedded::templates`].
//! Each output format has its own registry with its own escape function, so
//! `{{x}}` is always safe for that format and helpers that produce finished
//! markup write it directly.

pub mod charts;
mod error;
pub mod helpers;
pub mod markers;
mod overrides;
pub mod registry;
pub mod rich_text;
pub mod spacing;
pub mod widths;

pub use charts::{ChartImage, CHART_PPP, EMU_PER_PX};
pub use error::TemplateError;
pub use helpers::{param, raw_helper};
pub use registry::{registry, registry_with};
pub use rich_text::{blocks, rich_text, write_inlines, RichTextWriter};
pub use spacing::{keep_together, keep_together_all};

#[cfg(test)]
mod tests;
