//! The consistency models, one file each, and the one `match` from a metric's model to its code.

pub(crate) mod cumulative;
pub(crate) mod event;
pub(crate) mod parts;
pub(crate) mod stable;

use crate::finding::{Finding, Point};
use crate::{Claim, Metric, Model};

/// Runs the metric's model over its usable points.
pub(crate) fn run(metric: &Metric, points: &[Point], claims: &[Claim]) -> Vec<Finding> {
    match metric.model {
        Model::Stable => stable::check(metric, points, claims),
        Model::Cumulative => cumulative::check(metric, points, claims),
        Model::Event => event::check(metric, points, claims),
    }
}
