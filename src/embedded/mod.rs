//! Files compiled into the program, so that a bare machine makes the same
//! documents: the built-in templates and the fonts. Below every stage: the
//! reading stage checks overrides and fonts against them, the renderers use
//! them.

pub mod fonts;
pub mod templates;
