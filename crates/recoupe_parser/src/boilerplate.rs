//! Finding what is in the file but is not the article: URLs of embedded posts, cookie notices,
//! bylines and datelines. Works on normalised paragraph text; returns normalised spans.

use crate::{BoilerplateKind, Span};

/// Agency credits recognised when they stand alone on a line (compared without case).
const BYLINES: &[&str] = &[
    "agence france-presse",
    "afp",
    "(afp)",
    "reuters",
    "(reuters)",
    "associated press",
    "la presse canadienne",
    "belga",
    "ats",
    "ap",
];

/// Phrases that open a notice replacing an embedded post.
/// Lines of a web page that are not the article: a paywall notice, a comment counter.
const PAYWALL: &[&str] = &[
    "réservé aux abonnés",
    "il vous reste",
    "pour lire la suite",
    "abonnez-vous",
    "déjà abonné",
    "lire la suite de l'article",
];

/// Counters that stand alone on a line after a number ("2 commentaires").
const COUNTERS: &[&str] = &[
    "commentaire",
    "commentaires",
    "réaction",
    "réactions",
    "partage",
    "partages",
    "vues",
    "j'aime",
];

const NOTICE_OPENERS: &[&str] = &[
    "ne peut être affiché",
    "ne peut pas être affiché",
    "ne peut être affichée",
    "ne peut pas être affichée",
];

/// Boilerplate found in one paragraph (`text` is the paragraph, `base` its normalised offset).
pub(crate) fn find(text: &str, base: usize) -> Vec<(Span, BoilerplateKind)> {
    let mut found = Vec::new();
    let trimmed = text.trim();
    if is_byline(trimmed) {
        let start = base + (text.len() - text.trim_start().len());
        found.push((
            Span::new(start, start + trimmed.len()),
            BoilerplateKind::Byline,
        ));
        return found;
    }
    if let Some(len) = dateline_len(text) {
        found.push((Span::new(base, base + len), BoilerplateKind::Dateline));
    }
    for (start, end) in urls(text) {
        found.push((Span::new(base + start, base + end), BoilerplateKind::Url));
    }
    for (start, end) in notices(text) {
        found.push((
            Span::new(base + start, base + end),
            BoilerplateKind::CookieNotice,
        ));
    }
    for (start, end) in furniture(text) {
        if !found
            .iter()
            .any(|(s, _)| s.overlaps(Span::new(base + start, base + end)))
        {
            found.push((
                Span::new(base + start, base + end),
                BoilerplateKind::PageFurniture,
            ));
        }
    }
    found.sort_by_key(|(s, _)| *s);
    found
}

/// The byline's text when the paragraph is one.
pub(crate) fn byline(text: &str) -> Option<&str> {
    let trimmed = text.trim();
    is_byline(trimmed).then_some(trimmed.trim_matches(|c| c == '(' || c == ')'))
}

/// Whether a trimmed paragraph is an agency credit: compared without case, and without
/// lower-casing paragraphs longer than any credit.
fn is_byline(trimmed: &str) -> bool {
    let longest = BYLINES.iter().map(|b| b.len()).max().unwrap_or(0);
    trimmed.len() <= longest && BYLINES.contains(&trimmed.to_lowercase().as_str())
}

/// Length of a "(Bagdad) " dateline opening the paragraph: a parenthesised capitalised place
/// of at most 40 bytes.
fn dateline_len(text: &str) -> Option<usize> {
    let rest = text.strip_prefix('(')?;
    let close = rest.find(')')?;
    let inner = rest.get(..close)?;
    let first = inner.chars().next()?;
    let plausible = close <= 40
        && first.is_uppercase()
        && inner
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | ',' | '.'))
        && !inner.chars().all(|c| c.is_uppercase() || c == ' ');
    if !plausible {
        return None;
    }
    let after = close + 2; // '(' + inner + ')'
    let tail = text.get(after..)?;
    Some(after + (tail.len() - tail.trim_start().len()))
}

/// Byte ranges of `http://` and `https://` URLs, up to the next whitespace.
/// Lines that are page furniture: a paywall notice ("Il vous reste 85% à découvrir"), a
/// counter on its own ("2 commentaires").
fn furniture(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        // A notice or a counter is a short line: longer ones are not lower-cased to check.
        if trimmed.split_whitespace().nth(25).is_some() {
            start += line.len();
            continue;
        }
        let lower = trimmed.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        let counter = words.len() == 2
            && words[0].chars().all(|c| c.is_ascii_digit())
            && COUNTERS.contains(&words[1]);
        let paywall = PAYWALL.iter().any(|p| lower.contains(p)) && words.len() <= 25;
        if (counter || paywall) && !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            out.push((start + lead, start + lead + trimmed.len()));
        }
        start += line.len();
    }
    out
}

fn urls(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = text.get(from..).and_then(|t| t.find("http")) {
        let start = from + pos;
        let rest = text.get(start..).unwrap_or("");
        if rest.starts_with("http://") || rest.starts_with("https://") {
            let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let url = rest.get(..len).unwrap_or("");
            let len = url.trim_end_matches(['.', ',', ';', ')', '"']).len();
            out.push((start, start + len));
            from = start + len.max(1);
        } else {
            from = start + 4;
        }
    }
    out
}

/// Byte ranges of "Ce post ne peut être affiché … préférences ." notices.
fn notices(text: &str) -> Vec<(usize, usize)> {
    // Every opener says "affiché": without it (in any case), there is nothing to look for.
    if !text
        .as_bytes()
        .windows(6)
        .any(|w| w.eq_ignore_ascii_case(b"affich"))
    {
        return Vec::new();
    }
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        // Lowercasing changed byte lengths (rare characters): offsets would not line up.
        return Vec::new();
    }
    let mut out = Vec::new();
    for opener in NOTICE_OPENERS {
        let mut from = 0;
        while let Some(pos) = lower.get(from..).and_then(|t| t.find(opener)) {
            let at = from + pos;
            // The notice starts at the beginning of its sentence.
            let before = lower.get(..at).unwrap_or("");
            let start = before
                .rfind(['.', '!', '?', '\n'])
                .map_or(0, |i| i + 1)
                .max(
                    before
                        .rfind("http")
                        .and_then(|h| {
                            lower
                                .get(h..at)
                                .and_then(|s| s.find(' '))
                                .map(|sp| h + sp + 1)
                        })
                        .unwrap_or(0),
                );
            let start = start
                + (lower.get(start..at).unwrap_or("").len()
                    - lower.get(start..at).unwrap_or("").trim_start().len());
            // It ends after "préférences" and its final dot, or at the end of its sentence.
            let after = lower.get(at..).unwrap_or("");
            let end = match after.find("préférences") {
                Some(p) if p < 400 => {
                    let e = at + p + "préférences".len();
                    let tail = lower.get(e..).unwrap_or("");
                    let dot = tail.trim_start();
                    if dot.starts_with('.') {
                        e + (tail.len() - dot.len()) + 1
                    } else {
                        e
                    }
                }
                _ => after.find(". ").map_or(text.len(), |p| at + p + 1),
            };
            if !out.iter().any(|&(s, e)| s <= start && end <= e) {
                out.push((start, end));
            }
            from = end.max(at + 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, BoilerplateKind)> {
        find(text, 0)
            .into_iter()
            .map(|(s, k)| (s.slice(text), k))
            .collect()
    }

    #[test]
    fn embedded_post_and_cookie_notice() {
        let p = "https://twitter.com/i/web/status/1714651248312373312 Ce post ne peut être affiché car les cookies sont désactivés. Vous pouvez les réactiver en cliquant sur gérer mes préférences .";
        let k = kinds(p);
        assert_eq!(k.len(), 2, "{k:?}");
        assert_eq!(
            k[0],
            (
                "https://twitter.com/i/web/status/1714651248312373312",
                BoilerplateKind::Url
            )
        );
        assert!(k[1].0.starts_with("Ce post ne peut"));
        assert!(k[1].0.ends_with("préférences ."));
        assert_eq!(k[1].1, BoilerplateKind::CookieNotice);
    }

    #[test]
    fn byline_and_dateline() {
        assert_eq!(
            kinds("Agence France-Presse"),
            vec![("Agence France-Presse", BoilerplateKind::Byline)]
        );
        assert_eq!(
            byline("  Agence France-Presse "),
            Some("Agence France-Presse")
        );
        assert_eq!(
            kinds("(Bagdad) Les États-Unis préfèrent"),
            vec![("(Bagdad) ", BoilerplateKind::Dateline)]
        );
        assert!(kinds("(EI) est").is_empty(), "an acronym is not a dateline");
        assert!(kinds("Le texte (Bagdad) continue").is_empty());
    }
}
