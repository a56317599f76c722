//! Quotes for people: the sentence around a number, cut at word boundaries.

use recoupe_extractor::Claim;

/// The claim's sentence, cut to about `width` characters around its number, with "…"
/// where it was cut and the number kept.
pub fn excerpt(claim: &Claim, width: usize) -> String {
    let sentence = &*claim.quote;
    let at = claim
        .number
        .start
        .saturating_sub(claim.sentence().start)
        .min(sentence.len());
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    if chars.len() <= width {
        return sentence.to_owned();
    }
    let center = chars.iter().position(|&(i, _)| i >= at).unwrap_or(0);
    let mut start = center.saturating_sub(width / 3);
    let mut end = (start + width).min(chars.len());
    start = end.saturating_sub(width);
    // Move inward to word boundaries.
    while start > 0 && start < center && !chars[start - 1].1.is_whitespace() {
        start += 1;
    }
    while end < chars.len() && end > center && !chars[end].1.is_whitespace() {
        end -= 1;
    }
    let byte = |k: usize| chars.get(k).map_or(sentence.len(), |&(i, _)| i);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(sentence.get(byte(start)..byte(end)).unwrap_or("").trim());
    if end < chars.len() {
        out.push('…');
    }
    out
}
