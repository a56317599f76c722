//! One file per command.

pub mod claims;
pub mod numbers;
pub mod report;
