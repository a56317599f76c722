//! The number reader: digits ("2 500", "2,5 millions", "10k", "1e10", "3/4"), words
//! ("deux mille cinq cents", "trois cinquièmes", "un million et demi"), approximate nouns
//! ("une dizaine", "des dizaines"), proportions ("un sur trois"), indefinites ("plusieurs")
//! and zeros ("aucun", "sans faire de"), with their signs. It finds numbers; whether one is a
//! claim is decided later.
//!
//! A number is read in two steps: a base (a digit token, or the longest run of number words
//! the cardinal converter accepts), then what extends it: scales ("3 cents", "1 billion"),
//! smaller numbers added after a scale ("4 mille 3 cents et 21"), "et demi", a fraction
//! ("cent et trois quarts"), a denominator ("trois cinquièmes"), a proportion ("un sur trois").

use text2num::{Language, text2digits};

use crate::Lexicon;
use crate::tokens::{Token, TokenKind};

/// How a number is written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumberForm {
    /// In digits, possibly with a scale word ("2,5 millions").
    Digits,
    /// In words ("deux mille cinq cents").
    Words,
    /// A lone "un"/"une": an article unless something licenses it as the number one.
    One,
    /// An approximate noun ("une dizaine", "deux douzaines").
    ApproxNoun,
    /// A plural approximate noun ("des dizaines"), with the interval it stands for.
    Vague {
        /// Smallest value.
        low: f64,
        /// Largest value.
        high: f64,
    },
    /// "plusieurs", "quelques": a quantity, but not a figure.
    Indefinite,
    /// "aucun", "sans faire de".
    Zero,
    /// A fraction or proportion ("trois quarts", "3/4", "un sur trois"): a share, not a count.
    Fraction,
    /// An ordinal that numbers an event ("la vingt-sixième attaque"): read by the claim
    /// assembly, never by the number reader.
    Ordinal,
}

/// A number found in a token slice.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// Index of its first token (after any sign).
    pub first: usize,
    /// Index of its last token (inclusive).
    pub last: usize,
    /// Its value without sign (the nominal value for vague forms).
    pub value: f64,
    /// How it is written.
    pub form: NumberForm,
    /// Whether a scale or approximate noun ends it, so its noun follows "de" ("millions d'euros").
    pub takes_de: bool,
    /// The token of a sign written before it ("-1", "négatif un"), if any.
    pub sign: Option<usize>,
    /// Whether that sign is a minus.
    pub negative: bool,
}

impl NumberMention {
    fn new(first: usize, last: usize, value: f64, form: NumberForm) -> Self {
        NumberMention {
            first,
            last,
            value,
            form,
            takes_de: false,
            sign: None,
            negative: false,
        }
    }

    /// An ordinal from token `first` to `last`.
    pub(crate) fn ordinal(first: usize, last: usize, value: f64) -> Self {
        NumberMention::new(first, last, value, NumberForm::Ordinal)
    }

    /// A zero written as one token ("ni").
    pub(crate) fn zero(at: usize) -> Self {
        NumberMention::new(at, at, 0.0, NumberForm::Zero)
    }
}

/// Converts number words to a value with text2num.
pub(crate) fn words_value(words: &[&str]) -> Option<f64> {
    let text = words.join(" ");
    let digits = text2digits(&text, &Language::french()).ok()?;
    digits.parse::<f64>().ok()
}

/// The digits text2num writes for number words ("zéro trois" → "03"), for decimals.
fn words_digits(words: &[&str]) -> Option<String> {
    text2digits(&words.join(" "), &Language::french())
        .ok()
        .filter(|d| d.chars().all(|c| c.is_ascii_digit()))
}

fn is_word(t: &Token) -> bool {
    t.kind == TokenKind::Word
}

/// The number words of a token (hyphenated compounds split), if every part is one.
fn number_word_parts<'a>(lx: &Lexicon, word: &'a str) -> Option<Vec<&'a str>> {
    let parts: Vec<&str> = word.split('-').collect();
    let ok = parts
        .iter()
        .all(|p| lx.cardinals.contains(*p) || lx.joiners.contains(*p))
        && parts.first().is_some_and(|p| lx.cardinals.contains(*p));
    ok.then_some(parts)
}

fn approx_base(lx: &Lexicon, word: &str) -> Option<(f64, bool)> {
    if let Some(v) = lx.approx_nouns.get(word) {
        return Some((*v, false));
    }
    let singular = word.strip_suffix('s')?;
    lx.approx_nouns.get(singular).map(|v| (*v, true))
}

/// A scale after a number: "cent(s)", "mille", "millions", "billion", "lakh".
fn scale_of(lx: &Lexicon, t: &Token) -> Option<f64> {
    if !is_word(t) {
        return None;
    }
    match t.lower.as_str() {
        "cent" | "cents" => Some(100.0),
        w => lx.scales.get(w).or_else(|| lx.extra_scales.get(w)).copied(),
    }
}

/// The denominator a word names: "demi" 2, "tiers" 3, "quarts" 4, "cinquièmes" 5,
/// "vingt-cinquième" 25. Returns the cardinal words it stands for when it is an ordinal.
fn denominator(lx: &Lexicon, word: &str) -> Option<Denominator> {
    if let Some(d) = lx.denominators.get(word) {
        return Some(Denominator::Fixed(*d));
    }
    let stem = ["ièmes", "ième", "iemes", "ieme"]
        .iter()
        .find_map(|s| word.strip_suffix(s))?;
    let (head, last) = match stem.rsplit_once('-') {
        Some((h, l)) => (Some(h), l),
        None => (None, stem),
    };
    let last = match last {
        "cinqu" => "cinq".to_owned(),
        "neuv" => "neuf".to_owned(),
        l if lx.cardinals.contains(l) || lx.extra_scales.contains_key(l) => l.to_owned(),
        l => format!("{l}e"),
    };
    let last = if last == "une" { "un".to_owned() } else { last };
    if !lx.cardinals.contains(&last)
        && !lx.scales.contains_key(&last)
        && !lx.extra_scales.contains_key(&last)
    {
        return None;
    }
    let mut words: Vec<String> = head
        .map(|h| h.split('-').map(str::to_owned).collect())
        .unwrap_or_default();
    words.push(last);
    Some(Denominator::Ordinal(words))
}

enum Denominator {
    Fixed(f64),
    Ordinal(Vec<String>),
}

/// The value of cardinal words, with the scales text2num does not know ("un billion").
fn cardinal(lx: &Lexicon, words: &[&str]) -> Option<f64> {
    if words.is_empty() {
        return None;
    }
    if words.iter().any(|w| lx.extra_scales.contains_key(*w)) {
        let at = words
            .iter()
            .position(|w| lx.extra_scales.contains_key(*w))?;
        let mut scale = lx.extra_scales.get(words[at]).copied()?;
        let mut next = at + 1;
        // "trois crore lakh": scales in a row multiply.
        while let Some(more) = words.get(next).and_then(|w| lx.extra_scales.get(*w)) {
            scale *= more;
            next += 1;
        }
        let head = if at == 0 {
            1.0
        } else {
            cardinal(lx, &words[..at])?
        };
        let tail = if next < words.len() {
            cardinal(lx, &words[next..])?
        } else {
            0.0
        };
        return Some(head * scale + tail);
    }
    if let Some(v) = words_value(words) {
        return Some(v);
    }
    // "quatre-vingt-quinze cents": hundreds counted past ten, as in "dix-neuf cents".
    if let [head @ .., last] = words
        && matches!(*last, "cent" | "cents")
        && !head.is_empty()
        && let Some(h) =
            cardinal(lx, head).filter(|h| (11.0..=99.0).contains(h) && h.fract() == 0.0)
    {
        return Some(h * 100.0);
    }
    // "vingt-un", "quatre-vingt-dix-cinq": a round number then a unit, read by adding (a lenient
    // reading of compounds text2num rejects).
    if let [head @ .., unit] = words
        && !head.is_empty()
        && let (Some(t), Some(u)) = (words_value(head), words_value(&[unit]))
        && (20.0..100.0).contains(&t)
        && t % 10.0 == 0.0
        && (1.0..=9.0).contains(&u)
    {
        return Some(t + u);
    }
    // "vingt et trois": "et" adds when text2num does not read the whole.
    let at = words.iter().rposition(|w| *w == "et")?;
    Some(cardinal(lx, &words[..at])? + cardinal(lx, &words[at + 1..])?)
}

/// A word fraction: a whole part (with the scale it ends on) and a fraction.
struct WordFraction {
    whole: f64,
    whole_scale: Option<f64>,
    part: f64,
}

impl WordFraction {
    /// Its value, with the fraction taken of `scale` when one follows ("et demi million"), or
    /// of the whole's own large scale ("un million et demi").
    fn value(&self, scale_after: Option<f64>) -> f64 {
        let of = scale_after
            .or(self.whole_scale.filter(|s| *s >= 1_000_000.0))
            .unwrap_or(1.0);
        self.whole + self.part * of
    }
}

/// Reads a word fraction whose last word is a denominator: "trois cinquièmes", "un vingt
/// cinquième", "cent trente cinquièmes", "vingt et un cinquième" (20 + 1/5), "un million et
/// demi".
fn word_fraction(lx: &Lexicon, words: &[&str]) -> Option<WordFraction> {
    let (&last, before) = words.split_last()?;
    // "X et <fraction>": a whole number and a fraction.
    if let Some(at) = before.iter().rposition(|w| *w == "et")
        && at > 0
    {
        let whole = cardinal(lx, &words[..at]);
        let whole_scale = words[..at]
            .last()
            .and_then(|w| lx.scales.get(*w).or_else(|| lx.extra_scales.get(*w)))
            .copied();
        let part = fraction(lx, &words[at + 1..]).or_else(|| {
            match (before.len() == at + 1, denominator(lx, last)) {
                // "un et demi", "un million et demi"
                (true, Some(Denominator::Fixed(d))) => Some(1.0 / d),
                _ => None,
            }
        });
        if let (Some(whole), Some(part)) = (whole, part) {
            return Some(WordFraction {
                whole,
                whole_scale,
                part,
            });
        }
    }
    plain_fraction(lx, words).map(|part| WordFraction {
        whole: 0.0,
        whole_scale: None,
        part,
    })
}

/// The value of a word fraction, whole part included ("vingt et un cinquième" is 20 + 1/5).
fn fraction(lx: &Lexicon, words: &[&str]) -> Option<f64> {
    word_fraction(lx, words).map(|f| f.value(None))
}

/// The value of a word fraction without a whole part: numerator, then denominator.
fn plain_fraction(lx: &Lexicon, words: &[&str]) -> Option<f64> {
    let (&last, before) = words.split_last()?;
    let den = denominator(lx, last)?;
    // A tens word right before a unit ordinal belongs to it ("un vingt cinquième" is 1/25,
    // "cent trente cinquièmes" 100/35), as "trente cinq" is one cardinal.
    if let (Denominator::Ordinal(ord), [numerator @ .., tens]) = (&den, before)
        && !numerator.is_empty()
        && ord.len() == 1
        && let (Some(n), Some(t), Some(u)) = (
            cardinal(lx, numerator),
            words_value(&[tens]),
            words_value(&[ord[0].as_str()]),
        )
        && t >= 20.0
        && t % 10.0 == 0.0
        && t < 100.0
        && (1.0..=9.0).contains(&u)
    {
        return Some(n / (t + u));
    }
    // Otherwise the longest numerator that leaves a valid denominator.
    for split in (1..=before.len()).rev() {
        let numerator = cardinal(lx, &before[..split]);
        let Some(numerator) = numerator else { continue };
        let d = match &den {
            Denominator::Fixed(d) if split == before.len() => Some(*d),
            Denominator::Fixed(_) => None,
            Denominator::Ordinal(ord) => {
                let mut all: Vec<&str> = before[split..].to_vec();
                all.extend(ord.iter().map(String::as_str));
                cardinal(lx, &all)
            }
        };
        if let Some(d) = d.filter(|d| *d != 0.0) {
            return Some(numerator / d);
        }
    }
    None
}

/// Finds the numbers in `tokens`, in order, without overlap.
pub fn find_numbers(lx: &Lexicon, tokens: &[Token]) -> Vec<NumberMention> {
    let mut out: Vec<NumberMention> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match read_signed(lx, tokens, i) {
            Some(m) => {
                i = m.last + 1;
                out.push(m);
            }
            None => i += 1,
        }
    }
    out
}

/// A number at `i`, with a sign before it when there is one.
fn read_signed(lx: &Lexicon, tokens: &[Token], i: usize) -> Option<NumberMention> {
    let t = &tokens[i];
    let standalone = i == 0 || t.space_before || tokens[i - 1].kind == TokenKind::Punct;
    let minus_sign = t.lower == "-"
        && standalone
        && tokens
            .get(i + 1)
            .is_some_and(|n| n.kind == TokenKind::Digits);
    let minus_word = lx.minus.contains(t.lower.as_str()) && tokens.get(i + 1).is_some_and(is_word);
    if minus_sign || minus_word {
        if let Some(mut m) = read_at(lx, tokens, i + 1) {
            m.sign = Some(i);
            m.negative = true;
            // "négatif un": after a sign, "un" is the number one, not an article.
            if m.form == NumberForm::One {
                m.form = NumberForm::Words;
            }
            return Some(m);
        }
        return None;
    }
    read_at(lx, tokens, i)
}

fn read_at(lx: &Lexicon, tokens: &[Token], i: usize) -> Option<NumberMention> {
    let t = &tokens[i];
    let mut m = match t.kind {
        TokenKind::Digits => read_digits(lx, tokens, i)?,
        TokenKind::Word => read_words(lx, tokens, i)?,
        TokenKind::Punct => {
            let v = vulgar_fraction(&t.lower)?;
            NumberMention::new(i, i, v, NumberForm::Fraction)
        }
    };
    if matches!(
        m.form,
        NumberForm::Digits | NumberForm::Words | NumberForm::One
    ) {
        extend(lx, tokens, &mut m);
    }
    Some(m)
}

fn vulgar_fraction(c: &str) -> Option<f64> {
    Some(match c {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅙" => 1.0 / 6.0,
        "⅛" => 0.125,
        _ => return None,
    })
}

fn read_digits(lx: &Lexicon, tokens: &[Token], i: usize) -> Option<NumberMention> {
    let t = &tokens[i];
    let mut value = t.value?;
    // Digits stuck to a word before them are part of a name: "A400", "F16".
    if i > 0 && !t.space_before && is_word(&tokens[i - 1]) {
        return None;
    }
    let attached = tokens.get(i + 1).filter(|n| !n.space_before);
    // "3/4", "2 1/4", but not "17/05/2018" or "2222/2222" in "+1-222-2222/2222".
    if let Some(f) = digit_fraction(tokens, i) {
        return Some(f);
    }
    let mut last = i;
    let mut form = NumberForm::Digits;
    if let Some(n) = attached.filter(|n| is_word(n)) {
        let written = if n.upper {
            n.lower.to_uppercase()
        } else {
            n.lower.clone()
        };
        if let Some(mult) = lx
            .suffixes
            .get(written.as_str())
            .or_else(|| lx.suffixes.get(n.lower.as_str()).filter(|_| n.lower != "m"))
        {
            // "10k", "10G": only when nothing else is stuck after the letter.
            value *= mult;
            last = i + 1;
        } else if scale_of(lx, n).is_none() {
            // A unit, an ordinal or a time: "180ml", "1er", "14h30".
            return None;
        }
    } else if let Some(n) = tokens.get(i + 1).filter(|n| is_word(n) && (n.lower == "k")) {
        // "2,33 k"
        if tokens
            .get(i + 2)
            .is_none_or(|a| !is_word(a) || a.space_before)
        {
            value *= lx.suffixes.get(n.lower.as_str()).copied().unwrap_or(1.0);
            last = i + 1;
        }
    }
    // "2 douzaine", "3 douzaines"
    if last == i
        && let Some((base, _)) = tokens.get(i + 1).and_then(|n| approx_base(lx, &n.lower))
        && scale_of(lx, &tokens[i + 1]).is_none()
    {
        form = NumberForm::ApproxNoun;
        let mut m = NumberMention::new(i, i + 1, value * base, form);
        m.takes_de = true;
        return Some(m);
    }
    Some(NumberMention::new(i, last, value, form))
}

/// "a/b" as a fraction, with a whole number before it ("2 1/4"), unless it is part of a
/// chain of slashes or dashes (a date, a phone number).
fn digit_fraction(tokens: &[Token], i: usize) -> Option<NumberMention> {
    let at = |k: usize| tokens.get(k);
    let is_slash_at = |k: usize| at(k).is_some_and(|t| t.lower == "/" && !t.space_before);
    let digits_at = |k: usize| at(k).filter(|t| t.kind == TokenKind::Digits && !t.space_before);
    let chained_before = |k: usize| {
        k > 1
            && !tokens[k].space_before
            && matches!(tokens[k - 1].lower.as_str(), "/" | "-" | "." | ":")
            && !tokens[k - 1].space_before
            && tokens[k - 2].kind == TokenKind::Digits
    };
    let simple = |k: usize| -> Option<f64> {
        if !is_slash_at(k + 1) || chained_before(k) {
            return None;
        }
        let den = digits_at(k + 2)?;
        if is_slash_at(k + 3)
            || at(k + 3).is_some_and(|t| !t.space_before && t.kind != TokenKind::Punct)
        {
            return None;
        }
        let num = tokens[k].value?;
        let den = den.value.filter(|d| *d != 0.0)?;
        Some(num / den)
    };
    if let Some(v) = simple(i) {
        return Some(NumberMention::new(i, i + 2, v, NumberForm::Fraction));
    }
    // "2  1/4": a whole number, then a fraction after a space.
    let whole = tokens[i].value?;
    let next = at(i + 1).filter(|n| n.kind == TokenKind::Digits && n.space_before)?;
    let _ = next;
    let v = simple(i + 1)?;
    (whole.fract() == 0.0 && v < 1.0)
        .then(|| NumberMention::new(i, i + 3, whole + v, NumberForm::Fraction))
}

fn read_words(lx: &Lexicon, tokens: &[Token], i: usize) -> Option<NumberMention> {
    let t = &tokens[i];
    let next = tokens.get(i + 1);
    // Zero: "aucun blessé", "sans faire de blessé".
    if lx.zero_determiners.contains(t.lower.as_str()) && t.lower != "zéro" {
        let noun_follows = next.is_some_and(is_word);
        return noun_follows.then(|| NumberMention::new(i, i, 0.0, NumberForm::Zero));
    }
    if t.is("sans") {
        next.filter(|n| lx.zero_verbs.contains(n.lower.as_str()))?;
        tokens.get(i + 2).filter(|d| d.is("de") || d.is("d'"))?;
        tokens.get(i + 3).filter(|n| is_word(n))?;
        return Some(NumberMention::new(i, i + 2, 0.0, NumberForm::Zero));
    }
    if lx.half.contains(t.lower.as_str())
        || lx.denominators.get(t.lower.as_str()).is_some_and(|_| {
            // "quart de million": a denominator alone only before "de" + a scale.
            tokens.get(i + 1).is_some_and(|d| d.is("de"))
                && tokens.get(i + 2).and_then(|s| scale_of(lx, s)).is_some()
        })
    {
        let v = if lx.half.contains(t.lower.as_str()) {
            0.5
        } else {
            1.0 / lx
                .denominators
                .get(t.lower.as_str())
                .copied()
                .unwrap_or(1.0)
        };
        return Some(fraction_of_scale(
            lx,
            tokens,
            NumberMention::new(i, i, v, NumberForm::Fraction),
        ));
    }
    // "un demi-million", "une demi-douzaine"
    if let Some(m) = half_compound(lx, tokens, i) {
        return Some(m);
    }
    // Vague and indefinite: "des dizaines (de milliers)", "plusieurs centaines", "plusieurs".
    if lx.vague_determiners.contains(t.lower.as_str())
        && let Some((base, true)) = next.and_then(|n| approx_base(lx, &n.lower))
    {
        let mut low = lx.vague_low_factor * base;
        let mut high = lx.vague_high_factor * base - 1.0;
        let mut last = i + 1;
        let de = tokens.get(i + 2).is_some_and(|d| d.is("de") || d.is("d'"));
        if let Some((mult, true)) = tokens
            .get(i + 3)
            .filter(|_| de)
            .and_then(|m| approx_base(lx, &m.lower))
        {
            low *= mult;
            high = (high + 1.0) * mult - 1.0;
            last = i + 3;
        }
        let mut m = NumberMention::new(i, last, low, NumberForm::Vague { low, high });
        m.takes_de = true;
        return Some(m);
    }
    if lx.indefinite.contains(t.lower.as_str()) {
        return Some(NumberMention::new(i, i, 2.0, NumberForm::Indefinite));
    }
    // "cinq-huitièmes"
    if let Some((num, den)) = t.lower.rsplit_once('-')
        && denominator(lx, den).is_some()
        && number_word_parts(lx, num).is_some()
    {
        let mut words: Vec<&str> = num.split('-').collect();
        words.push(den);
        if let Some(v) = fraction(lx, &words) {
            return Some(fraction_of_scale(
                lx,
                tokens,
                NumberMention::new(i, i, v, NumberForm::Fraction),
            ));
        }
    }
    number_word_parts(lx, &t.lower)?;
    // The run: number words, "et" between them, up to a denominator.
    let mut words: Vec<&str> = Vec::new();
    let mut token_of_word: Vec<usize> = Vec::new();
    let mut j = i;
    let mut denominator_at = None;
    while let Some(tok) = tokens.get(j) {
        if !is_word(tok) {
            break;
        }
        if let Some(parts) = number_word_parts(lx, &tok.lower) {
            for p in &parts {
                words.push(p);
                token_of_word.push(j);
            }
            j += 1;
        } else if lx.extra_scales.contains_key(tok.lower.as_str())
            || lx.joiners.contains(tok.lower.as_str())
                && tokens.get(j + 1).is_some_and(|n| {
                    number_word_parts(lx, &n.lower).is_some() || denominator(lx, &n.lower).is_some()
                })
        {
            words.push(tok.lower.as_str());
            token_of_word.push(j);
            j += 1;
        } else if denominator(lx, &tok.lower).is_some() && !words.is_empty() {
            words.push(tok.lower.as_str());
            token_of_word.push(j);
            denominator_at = Some(j);
            break;
        } else {
            break;
        }
    }
    // A fraction: "trois cinquièmes", "cent trois et deux tiers".
    if let Some(d) = denominator_at
        && let Some(f) = word_fraction(lx, &words)
    {
        let scale_after = tokens
            .get(d + 1)
            .filter(|_| f.whole != 0.0)
            .and_then(|t| scale_of(lx, t));
        let last = if scale_after.is_some() { d + 1 } else { d };
        let form = if f.whole != 0.0 && f.whole_scale.is_some_and(|s| s >= 1_000_000.0)
            || scale_after.is_some()
        {
            NumberForm::Words
        } else {
            NumberForm::Fraction
        };
        let m = NumberMention::new(i, last, f.value(scale_after), form);
        return Some(if form == NumberForm::Fraction {
            fraction_of_scale(lx, tokens, m)
        } else {
            m
        });
    }
    // Otherwise the longest prefix that reads as one number (without a trailing "et").
    let mut n = words.len();
    if denominator_at.is_some() {
        n -= 1;
    }
    let mut value = None;
    while n > 0 {
        if words[n - 1] != "et"
            && let Some(v) = cardinal(lx, &words[..n])
        {
            value = Some(v);
            break;
        }
        n -= 1;
    }
    let value = value?;
    let last = token_of_word[n - 1];
    // A hyphenated token only partly read ("vingt-deux" in "un vingt-deux") is not a number.
    if token_of_word.get(n).is_some_and(|&k| k == last) {
        return None;
    }
    let lone_one = (t.lower == "un" || t.lower == "une") && last == i;
    // "deux douzaines", "trois centaines": a count of approximate nouns.
    if let Some((base, _)) = tokens.get(last + 1).and_then(|n| approx_base(lx, &n.lower)) {
        let next_word = tokens.get(last + 1).map(|t| t.lower.as_str()).unwrap_or("");
        if !lx.scales.contains_key(next_word) || value == 1.0 {
            let mut m = NumberMention::new(i, last + 1, value * base, NumberForm::ApproxNoun);
            m.takes_de = true;
            return Some(m);
        }
    }
    let mut m = NumberMention::new(
        i,
        last,
        value,
        if lone_one {
            NumberForm::One
        } else {
            NumberForm::Words
        },
    );
    m.takes_de = tokens.get(last).is_some_and(|t| {
        lx.scales.contains_key(t.lower.as_str()) || lx.extra_scales.contains_key(t.lower.as_str())
    });
    Some(m)
}

/// "deux tiers de million": a fraction of a scale.
fn fraction_of_scale(lx: &Lexicon, tokens: &[Token], mut m: NumberMention) -> NumberMention {
    let de = tokens
        .get(m.last + 1)
        .is_some_and(|t| t.is("de") || t.is("d'"));
    if let Some(s) = tokens
        .get(m.last + 2)
        .filter(|_| de)
        .and_then(|t| scale_of(lx, t).filter(|s| *s >= 1_000_000.0))
    {
        m.value *= s;
        m.last += 2;
        m.form = NumberForm::Words;
    }
    m
}

/// "un demi-million", "une demi-douzaine", "demi-million".
fn half_compound(lx: &Lexicon, tokens: &[Token], i: usize) -> Option<NumberMention> {
    let k = if matches!(tokens[i].lower.as_str(), "un" | "une") {
        i + 1
    } else {
        i
    };
    let word = tokens.get(k)?.lower.strip_prefix("demi-")?;
    let unit = lx
        .scales
        .get(word)
        .or_else(|| lx.extra_scales.get(word))
        .copied()
        .or_else(|| approx_base(lx, word).map(|(b, _)| b))?;
    let mut m = NumberMention::new(i, k, unit / 2.0, NumberForm::Words);
    m.takes_de = true;
    Some(m)
}

/// Extends a base number with what follows it: scales, smaller numbers after a scale,
/// "et demi", a fraction after "et", a decimal part after "virgule", a proportion after "sur".
fn extend(lx: &Lexicon, tokens: &[Token], m: &mut NumberMention) {
    let mut scale = tokens
        .get(m.last)
        .and_then(|t| scale_of(lx, t).or_else(|| lx.scales.get(t.lower.as_str()).copied()));
    let mut group = m.value;
    let mut total = 0.0;
    loop {
        let k = m.last + 1;
        let Some(next) = tokens.get(k) else { break };
        // Scales multiply: "3 cents", "trois crore lakh", "2 millions".
        if let Some(s) = scale_of(lx, next)
            && (next.space_before || m.form == NumberForm::Digits)
        {
            group *= s;
            scale = Some(s);
            m.last = k;
            m.takes_de = true;
            if m.form == NumberForm::One {
                m.form = NumberForm::Words;
            }
            continue;
        }
        // "et demi", "et demi million", "et trois quarts"
        if next.is("et")
            && let Some((v, last)) = fraction_after_et(lx, tokens, k + 1, scale)
        {
            group += v;
            m.last = last;
            break;
        }
        // After a scale, a smaller number adds: "4 mille 3 cents et 21", "billion trois cents".
        if let Some(s) = scale {
            let (start, joined) = if next.is("et") {
                (k + 1, true)
            } else {
                (k, false)
            };
            if let Some(n) = tokens.get(start).and_then(|_| read_at(lx, tokens, start)) {
                let plain = matches!(
                    n.form,
                    NumberForm::Digits | NumberForm::Words | NumberForm::One
                );
                if plain && n.value > 0.0 && n.value < s && (joined || n.value >= 1.0) {
                    total += group;
                    group = n.value;
                    scale = tokens.get(n.last).and_then(|t| scale_of(lx, t));
                    m.last = n.last;
                    if m.form == NumberForm::One {
                        m.form = NumberForm::Words;
                    }
                    continue;
                }
            }
        }
        break;
    }
    m.value = total + group;
    let k = m.last + 1;
    // "deux cent virgule trois"
    if tokens
        .get(k)
        .is_some_and(|t| lx.decimal_point.contains(t.lower.as_str()))
    {
        let mut words: Vec<&str> = Vec::new();
        let mut j = k + 1;
        while let Some(t) = tokens.get(j) {
            if let Some(parts) = number_word_parts(lx, &t.lower) {
                words.extend(parts);
            } else if lx.joiners.contains(t.lower.as_str())
                && tokens
                    .get(j + 1)
                    .is_some_and(|n| number_word_parts(lx, &n.lower).is_some())
            {
                words.push(t.lower.as_str());
            } else {
                break;
            }
            j += 1;
        }
        while !words.is_empty() {
            if let Some(d) = words_digits(&words) {
                if let Ok(frac) = format!("0.{d}").parse::<f64>() {
                    m.value += frac;
                    m.last = token_end(tokens, k + 1, words.len(), lx);
                }
                break;
            }
            words.pop();
        }
    }
    // "un sur trois": a proportion when the first is not larger than the second.
    let k = m.last + 1;
    if m.value.fract() == 0.0
        && tokens
            .get(k)
            .is_some_and(|t| lx.ratio.contains(t.lower.as_str()))
        && let Some(den) = tokens.get(k + 1).and_then(|_| read_at(lx, tokens, k + 1))
    {
        let plain = matches!(
            den.form,
            NumberForm::Digits | NumberForm::Words | NumberForm::One
        );
        if plain && den.value >= m.value && den.value > 0.0 && den.value.fract() == 0.0 {
            m.value /= den.value;
            m.last = den.last;
            m.form = NumberForm::Fraction;
        }
    }
}

/// The token index where `count` number words starting at `from` end.
fn token_end(tokens: &[Token], from: usize, count: usize, lx: &Lexicon) -> usize {
    let mut seen = 0;
    let mut k = from;
    while let Some(t) = tokens.get(k) {
        let parts = match number_word_parts(lx, &t.lower) {
            Some(p) => p.len(),
            None if lx.joiners.contains(t.lower.as_str()) => 1,
            None => break,
        };
        seen += parts;
        if seen >= count {
            return k;
        }
        k += 1;
    }
    k.saturating_sub(1)
}

/// After "et": "demi" (half the scale, or 0.5), "demi million", "trois quarts", "trois quarts
/// millions". Returns the value to add and the last token.
fn fraction_after_et(
    lx: &Lexicon,
    tokens: &[Token],
    k: usize,
    scale: Option<f64>,
) -> Option<(f64, usize)> {
    let big = scale.filter(|s| *s >= 1_000_000.0);
    let t = tokens.get(k)?;
    let (part, last) = if matches!(t.lower.as_str(), "demi" | "demie") {
        (0.5, k)
    } else {
        let m = read_words(lx, tokens, k)?;
        if m.form != NumberForm::Fraction || m.value >= 1.0 {
            return None;
        }
        (m.value, m.last)
    };
    // "et demi million": a fraction of the scale named after it.
    if let Some(s) = tokens.get(last + 1).and_then(|t| scale_of(lx, t)) {
        return Some((part * s, last + 1));
    }
    Some((part * big.unwrap_or(1.0), last))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::LexiconError;
    use crate::tokens::tokenize;

    fn read(text: &str) -> Result<Vec<(String, f64, NumberForm)>, LexiconError> {
        let lx = Lexicon::french()?;
        let tokens = tokenize(text, 0);
        Ok(find_numbers(&lx, &tokens)
            .into_iter()
            .map(|m| {
                let span = tokens[m.first].span.cover(tokens[m.last].span);
                (span.slice(text).to_owned(), m.value, m.form)
            })
            .collect())
    }

    #[test]
    fn digits_with_separators_and_scales() -> Result<(), LexiconError> {
        let r = read("2 500 soldats, 2.500, 2500 et 2,5 millions d'euros")?;
        let got: Vec<(&str, f64)> = r.iter().map(|(t, v, _)| (t.as_str(), *v)).collect();
        assert_eq!(
            got,
            vec![
                ("2 500", 2500.0),
                ("2.500", 2500.0),
                ("2500", 2500.0),
                ("2,5 millions", 2_500_000.0)
            ]
        );
        Ok(())
    }

    #[test]
    fn words_through_text2num() -> Result<(), LexiconError> {
        let r = read(
            "vingt et un, soixante-dix, quatre-vingt-dix-neuf, deux mille cinq cents, Cent trois",
        )?;
        let got: Vec<f64> = r.iter().map(|(_, v, _)| *v).collect();
        assert_eq!(got, vec![21.0, 70.0, 99.0, 2500.0, 103.0]);
        Ok(())
    }

    #[test]
    fn million_and_a_half_and_approximate_nouns() -> Result<(), LexiconError> {
        let r = read(
            "un million et demi, une dizaine, deux douzaines, des dizaines de milliers, des centaines",
        )?;
        assert_eq!(r[0].1, 1_500_000.0);
        assert_eq!(
            (r[1].0.as_str(), r[1].1, r[1].2),
            ("une dizaine", 10.0, NumberForm::ApproxNoun)
        );
        assert_eq!(r[2].1, 24.0);
        assert_eq!(
            r[3].2,
            NumberForm::Vague {
                low: 20_000.0,
                high: 99_999.0
            }
        );
        assert_eq!(
            r[4].2,
            NumberForm::Vague {
                low: 200.0,
                high: 999.0
            }
        );
        Ok(())
    }

    #[test]
    fn zero_indefinite_and_lone_one() -> Result<(), LexiconError> {
        let r = read(
            "sans faire de blessé, aucune victime, plusieurs frappes, une attaque, sans précédent",
        )?;
        let forms: Vec<NumberForm> = r.iter().map(|(_, _, f)| *f).collect();
        assert_eq!(
            forms,
            vec![
                NumberForm::Zero,
                NumberForm::Zero,
                NumberForm::Indefinite,
                NumberForm::One
            ]
        );
        assert_eq!(r[0].0, "sans faire de");
        Ok(())
    }
}
