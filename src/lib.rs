//! konzept: from the working groups' workbooks to the council-ready
//! integration concept.
//!
//! The pipeline runs in one direction; each stage uses only the ones above
//! it (checked by `tests/integration/architecture.rs`; the map of the house
//! is `docs/ARCHITECTURE.md`):
//!
//! ```text
//! base      text, diag, embedded        normalised names, diagnostics, built-in templates and fonts
//! read      config/, input/, schema,    konzept.toml; workbooks, values, Markdown, images, Word template;
//!           project/                    finds and reads every file the project names (paths, read cache)
//! model     model, costs                the one thing every renderer sees, design values included
//! merge     merge/                      cells → model, all diagnostics at once, cross-checks
//! render    render/                     shared registry and helpers; typst/ (PDF), docx/, oparl
//! write     output, pipeline, watch,    check → render → write (reads nothing itself); --watch;
//!           annotate/, status, new/,    annotated copies, the return overview, new projects and
//!           progress, report/, serve/,  forms; the yearly progress report; the server for the browser;
//!           cli                         the commands
//! ```
//!
//! Problems are [`diag::Diagnostic`]s with their place (file › sheet › cell);
//! nothing stops at the first one.
//!
//! # Naming
//!
//! English for modules, functions and types that are not serialised; German
//! for everything a user types or sees: `konzept.toml` keys, model fields (the
//! templates read them), template and helper names, sheet and column names,
//! messages. One meaning per word:
//!
//! | word | means |
//! |---|---|
//! | `submission` | the Beschlussvorlage (council submission) that carries the concept into the council; its model part is `Konzept::vorlage` |
//! | `override` | a file in the project's `vorlagen/` folder that replaces a built-in template |
//! | `builtin` | a template compiled into the program from `templates/` |
//! | `word_template` | the municipality's Word template (`.dotx`, `gestaltung.word_vorlage`) |
//! | `odt_template` | the municipality's LibreOffice template (`.ott`, `gestaltung.odt_vorlage`), the ODT twin of `word_template` |
//! | `design` | the `[gestaltung]` values: colours, font, margins, logo, cover image |
//! | `field` | a Handlungsfeld (field of action) |
//! | `working_group` | an Arbeitsgruppe and its workbook |
//! | `steering` | the Steuerungsgruppe and its workbook (`steuerung.xlsx`) |
//! | `model` | the merged [`model::Konzept`], serialised as `konzept check --model` prints it |

pub mod annotate;
pub mod cli;
pub mod config;
pub mod costs;
pub mod diag;
pub mod embedded;
pub mod input;
pub mod merge;
pub mod model;
pub mod new;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod project;
pub mod render;
pub mod report;
pub mod schema;
pub mod serve;
pub mod status;
pub mod text;
pub mod watch;
