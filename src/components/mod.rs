//! The viewer's components: one public component per file, named for what it shows.

pub mod actor_filter;
pub mod actors_heatmap;
pub mod analysis_progress;
pub mod article_text;
pub mod claims_matrix;
pub mod compare_view;
pub mod cue_filter;
pub mod error_panel;
pub mod framing_summary;
pub mod mark_tooltip;
pub mod notice;
pub mod outlet_column;
pub mod outlet_filter;
pub mod outlet_pager;
pub mod quotes_view;
pub mod reader_panel;
pub mod remarks_view;
pub mod removed_lines;
pub mod share_panel;
pub mod view_tabs;
