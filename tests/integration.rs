//! Integration tests: one binary, one module per feature (each test binary
//! links all of Typst, so one binary links once). Each test builds a project
//! in a temp dir (or copies one from `tests/fixtures/`) and runs the real
//! `konzept` binary on it. Shared helpers live in `tests/support/`.
//!
//! `tests/fixtures/` holds `good/` (projects that must be accepted despite
//! their mess), `failing/` (projects and files that must be refused with a
//! diagnostic) and `regressions/` (inputs that once crashed or hung, each
//! pinned by a test).

mod support;

#[path = "integration/architecture.rs"]
mod architecture;

#[path = "integration/check.rs"]
mod check;

#[path = "integration/values.rs"]
mod values;

#[path = "integration/headers.rs"]
mod headers;

#[path = "integration/cross_checks.rs"]
mod cross_checks;

#[path = "integration/fixtures.rs"]
mod fixtures;

#[path = "integration/build.rs"]
mod build;

#[path = "integration/round.rs"]
mod round;

#[path = "integration/generator.rs"]
mod generator_tests;

#[path = "integration/docx.rs"]
mod docx;

#[path = "integration/odt.rs"]
mod odt;

#[path = "integration/gestaltung.rs"]
mod gestaltung;

#[path = "integration/new.rs"]
mod new;

#[path = "integration/robustness.rs"]
mod robustness;

#[path = "integration/templates.rs"]
mod templates;

#[path = "integration/vorlage.rs"]
mod vorlage;

#[path = "integration/watch.rs"]
mod watch;

#[path = "integration/spellings.rs"]
mod spellings;

#[path = "integration/annotate.rs"]
mod annotate;

#[path = "integration/toml_german.rs"]
mod toml_german;

#[path = "integration/refresh.rs"]
mod refresh;

#[path = "integration/wording.rs"]
mod wording;

#[path = "integration/charts.rs"]
mod charts;

#[path = "integration/vorlage_angaben.rs"]
mod vorlage_angaben;

#[path = "integration/print_quality.rs"]
mod print_quality;

#[path = "integration/zielsystem.rs"]
mod zielsystem;

#[path = "integration/auszug.rs"]
mod auszug;

#[path = "integration/concept_parts.rs"]
mod concept_parts;
#[path = "integration/prioritaeten.rs"]
mod prioritaeten;

#[path = "integration/report.rs"]
mod report;

#[path = "integration/serve.rs"]
mod serve;

#[path = "integration/browser.rs"]
mod browser;
