//! The remarks lens: how each outlet framed what one focal actor said.
