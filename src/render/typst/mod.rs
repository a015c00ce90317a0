//! Typst: compile generated source in-process to PDF.
