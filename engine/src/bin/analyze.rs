//! `analyze FILE…`: prints the analysis of article files as JSON.
fn main() {}
