//! One file per command.

pub mod claims;
pub mod report;
