//! One reader per field of a claim. Each reads the sentence's tokens, the lexicon and the
//! number it is given, never another reader's internals: what one needs from another,
//! the assembly passes in.

pub(crate) mod actors;
pub(crate) mod counted;
pub(crate) mod kind;
pub(crate) mod places;
pub(crate) mod predicate;
pub(crate) mod qualifier;
pub(crate) mod source;
pub(crate) mod time;
pub(crate) mod unit;
