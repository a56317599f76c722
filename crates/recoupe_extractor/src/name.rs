//! Interned names: the lemmas, places, actors and sources of claims, held once for the whole
//! process and shared by every claim that names them.
//!
//! A corpus of a million articles names a few thousand things: "attaque", "Irak", "le
//! ministère de la Santé". A [`Name`] is a thin pointer (8 bytes, `Copy`) to the one copy of
//! its text, and [`Names`] one to the one copy of a list of them ("Irak", "Syrie"). Claims
//! carry them instead of owned strings, so that a claim allocates nothing of its own.
//!
//! Interned text is never freed: memory grows with the vocabulary of what has been read, not
//! with the number of claims. Equality is by identity (one copy per text); order and hashing
//! are by text, so that output never depends on where a name was allocated.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::{OnceLock, RwLock};

use rustc_hash::FxHashMap;

/// An interned string: compared by identity, ordered and hashed by its text.
#[derive(Clone, Copy)]
pub struct Name(&'static &'static str);

/// The interned names and lists.
#[derive(Default)]
struct Interner {
    names: FxHashMap<&'static str, Name>,
    lists: FxHashMap<&'static [Name], Names>,
}

fn interner() -> &'static RwLock<Interner> {
    static INTERNER: OnceLock<RwLock<Interner>> = OnceLock::new();
    INTERNER.get_or_init(Default::default)
}

/// What `find` finds in the interner, else what `add` adds to it: looked up under the shared
/// lock, added under the exclusive one (after looking again: another thread may have added it).
fn intern<V: Copy>(
    find: impl Fn(&Interner) -> Option<V>,
    add: impl FnOnce(&mut Interner) -> V,
) -> V {
    // A poisoned lock only means another thread panicked while inserting; the maps are still
    // consistent (an insert is one call), so go on with them.
    let lock = interner();
    if let Some(v) = find(&lock.read().unwrap_or_else(|e| e.into_inner())) {
        return v;
    }
    let mut w = lock.write().unwrap_or_else(|e| e.into_inner());
    match find(&w) {
        Some(v) => v,
        None => add(&mut w),
    }
}

impl Name {
    /// The one `Name` of `text`.
    pub fn new(text: &str) -> Name {
        intern(
            |i| i.names.get(text).copied(),
            |i| {
                let s: &'static str = Box::leak(text.into());
                let n = Name(Box::leak(Box::new(s)));
                i.names.insert(s, n);
                n
            },
        )
    }

    /// The text, for as long as the process lives.
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        self.0
    }
}

impl Borrow<str> for Name {
    fn borrow(&self) -> &str {
        self.0
    }
}

impl PartialEq for Name {
    fn eq(&self, other: &Name) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Name {}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        *self.0 == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        *self.0 == other.as_str()
    }
}

impl PartialEq<Name> for &str {
    fn eq(&self, other: &Name) -> bool {
        *self == *other.0
    }
}

impl PartialEq<Name> for str {
    fn eq(&self, other: &Name) -> bool {
        self == *other.0
    }
}

impl Ord for Name {
    fn cmp(&self, other: &Name) -> Ordering {
        if self == other {
            Ordering::Equal
        } else {
            self.0.cmp(other.0)
        }
    }
}

impl PartialOrd for Name {
    fn partial_cmp(&self, other: &Name) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Hash for Name {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (*self.0).hash(state);
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(*self.0, f)
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl From<&str> for Name {
    fn from(s: &str) -> Name {
        Name::new(s)
    }
}

impl From<&String> for Name {
    fn from(s: &String) -> Name {
        Name::new(s)
    }
}

impl From<String> for Name {
    fn from(s: String) -> Name {
        Name::new(&s)
    }
}

impl serde::Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

/// An interned list of names, in the order given ("Irak", "Syrie"): a thin pointer to the one
/// copy of the list.
#[derive(Clone, Copy)]
pub struct Names(&'static &'static [Name]);

impl Names {
    /// The empty list.
    pub fn empty() -> Names {
        static EMPTY: &[Name] = &[];
        Names(&EMPTY)
    }

    /// The one `Names` of `names`, in their order.
    pub fn new(names: &[Name]) -> Names {
        if names.is_empty() {
            return Names::empty();
        }
        intern(
            |i| i.lists.get(names).copied(),
            |i| {
                let l: &'static [Name] = Box::leak(names.into());
                let n = Names(Box::leak(Box::new(l)));
                i.lists.insert(l, n);
                n
            },
        )
    }

    /// The list of the texts `items`, in their order.
    pub fn of<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> Names {
        let names: Vec<Name> = items.into_iter().map(|s| Name::new(s.as_ref())).collect();
        Names::new(&names)
    }

    /// The names, for as long as the process lives.
    pub fn as_slice(self) -> &'static [Name] {
        self.0
    }
}

impl Default for Names {
    fn default() -> Names {
        Names::empty()
    }
}

impl Deref for Names {
    type Target = [Name];
    fn deref(&self) -> &[Name] {
        self.0
    }
}

impl PartialEq for Names {
    fn eq(&self, other: &Names) -> bool {
        std::ptr::eq(self.0, other.0) || (self.0.is_empty() && other.0.is_empty())
    }
}

impl Eq for Names {}

impl<const N: usize> PartialEq<[&str; N]> for Names {
    fn eq(&self, other: &[&str; N]) -> bool {
        self.0.len() == N && self.0.iter().zip(other).all(|(a, b)| a == b)
    }
}

impl PartialEq<[&str]> for Names {
    fn eq(&self, other: &[&str]) -> bool {
        self.0.len() == other.len() && self.0.iter().zip(other).all(|(a, b)| a == b)
    }
}

impl PartialEq<Vec<&str>> for Names {
    fn eq(&self, other: &Vec<&str>) -> bool {
        *self == other[..]
    }
}

impl PartialEq<Vec<String>> for Names {
    fn eq(&self, other: &Vec<String>) -> bool {
        self.0.len() == other.len() && self.0.iter().zip(other).all(|(a, b)| a == b)
    }
}

impl Ord for Names {
    fn cmp(&self, other: &Names) -> Ordering {
        self.0.cmp(other.0)
    }
}

impl PartialOrd for Names {
    fn partial_cmp(&self, other: &Names) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Hash for Names {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl fmt::Debug for Names {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.iter()).finish()
    }
}

impl<S: AsRef<str>> FromIterator<S> for Names {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Names {
        Names::of(iter)
    }
}

impl<'a> IntoIterator for &'a Names {
    type Item = &'a Name;
    type IntoIter = std::slice::Iter<'a, Name>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl serde::Serialize for Names {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for n in self.0.iter() {
            seq.serialize_element(n)?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_copy_per_text() {
        let a = Name::new("attaque");
        let b = Name::new(&String::from("attaque"));
        assert_eq!(a, b);
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        assert_ne!(a, Name::new("attaques"));
        assert_eq!(a, "attaque");
        assert_eq!(std::mem::size_of::<Option<Name>>(), 8);
    }

    #[test]
    fn lists_keep_their_order_and_compare_by_text() {
        let l = Names::of(["Irak", "Syrie"]);
        assert_eq!(l, ["Irak", "Syrie"]);
        assert_eq!(l, Names::of(vec!["Irak".to_owned(), "Syrie".to_owned()]));
        assert_ne!(l, Names::of(["Syrie", "Irak"]));
        assert!(Names::of(["Irak"]) < l);
        assert_eq!(Names::of(Vec::<&str>::new()), Names::empty());
        assert_eq!(l.join("+"), "Irak+Syrie");
        assert_eq!(std::mem::size_of::<Names>(), 8);
    }

    #[test]
    fn order_is_by_text_whatever_the_allocation() {
        let z = Name::new("zz-order");
        let a = Name::new("aa-order");
        let mut v = vec![z, a];
        v.sort();
        assert_eq!(v, [a, z]);
    }
}
