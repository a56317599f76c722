//! One file per command.

pub mod claims;
pub mod numbers;
pub mod report;
pub mod rules;
pub mod test;
