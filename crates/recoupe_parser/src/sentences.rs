//! Sentence splitting that survives "M.", "Mme", "2.500", "U.S.", "av. J.-C." and initials.

/// Words that end with a dot without ending the sentence (compared without case).
const ABBREVIATIONS: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "st", "ste", "av", "apr", "j.-c", "etc",
    "cf", "p", "pp", "n°", "no", "art", "vol", "éd", "ed", "env", "min", "max", "gén", "col",
    "cdt", "lt", "sgt", "adj", "u.s", "u.s.a", "vs", "ex", "fig", "chap", "bd", "av. j.-c",
];

/// The longest sentence read as one, in bytes. A text that runs on without a full stop (a page
/// of tables, a list of 20 000 figures) is cut into pieces of at most this length at a safe
/// place, so that reading it costs time linear in its length: every figure looks at its
/// sentence, and a sentence of a megabyte would make that quadratic.
pub const MAX_SENTENCE_BYTES: usize = 1000;

/// Splits `text` into sentences; returns byte ranges, trimmed of surrounding whitespace, and
/// whether the range was cut from a longer sentence at [`MAX_SENTENCE_BYTES`]. A
/// line break ends a sentence too when the line before has no closing punctuation and the
/// next starts like a sentence: a heading ("406 blessés côté forces de l'ordre") or a line of
/// a web page is not the start of the paragraph's next sentence.
pub(crate) fn split(text: &str) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c == '\n' {
            let line = text.get(start..pos).unwrap_or("").trim_end();
            let continues = line
                .chars()
                .last()
                .is_none_or(|l| matches!(l, ',' | ';' | ':' | '-' | '–' | '(' | '«' | '/'));
            let next = chars[i + 1..]
                .iter()
                .map(|&(_, ch)| ch)
                .find(|ch| !ch.is_whitespace());
            let opens = next.is_some_and(|n| {
                n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '«' | '•' | '-' | '–')
            });
            if !continues && opens {
                push(&mut out, text, start, pos);
                start = pos;
            }
            i += 1;
            continue;
        }
        if matches!(c, '.' | '!' | '?') {
            // Take the whole run of terminators and closing quotes/brackets.
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '"' | ')' | ']') {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
            let mut k = j;
            let mut saw_space = false;
            while k < chars.len() && chars[k].1.is_whitespace() {
                saw_space = true;
                k += 1;
            }
            let next = chars.get(k).map(|&(_, ch)| ch);
            let next_after_quote = chars.get(k + 1).map(|&(_, ch)| ch);
            let opens = match next {
                None => true,
                Some(n) if n.is_uppercase() || n.is_ascii_digit() => true,
                Some('"') | Some('(') => next_after_quote
                    .is_some_and(|a| a.is_uppercase() || a == ' ' || a.is_ascii_digit()),
                _ => false,
            };
            if (saw_space || next.is_none()) && opens && !(c == '.' && is_abbreviation(text, pos)) {
                push(&mut out, text, start, end);
                start = end;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(&mut out, text, start, text.len());
    out
}

fn push(out: &mut Vec<(usize, usize, bool)>, text: &str, start: usize, end: usize) {
    let piece = text.get(start..end).unwrap_or("");
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return;
    }
    let (mut from, to) = (start + lead, start + lead + trimmed.len());
    if to - from <= MAX_SENTENCE_BYTES {
        out.push((from, to, false));
        return;
    }
    while to - from > MAX_SENTENCE_BYTES {
        let cut = safe_cut(text, from, from + MAX_SENTENCE_BYTES);
        let piece = text.get(from..cut).unwrap_or("").trim_end();
        if !piece.is_empty() {
            out.push((from, from + piece.len(), true));
        }
        let rest = text.get(cut..to).unwrap_or("");
        from = cut + (rest.len() - rest.trim_start().len());
    }
    if from < to {
        out.push((from, to, true));
    }
}

/// Where to cut `text[from..limit]`: after the last ";" or "," followed by a space, else at the
/// last space that does not part two digits ("12 500" stays whole), else at the last character
/// boundary before `limit`. Always past `from`.
fn safe_cut(text: &str, from: usize, limit: usize) -> usize {
    let mut limit = limit.min(text.len());
    while limit > from && !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = text.get(from..limit).unwrap_or("");
    let bytes = window.as_bytes();
    // Only the second half of the window: pieces stay long enough to keep their context.
    let half = bytes.len() / 2;
    for marks in [&b";"[..], &b","[..]] {
        if let Some(i) = (half..bytes.len().saturating_sub(1))
            .rev()
            .find(|&i| marks.contains(&bytes[i]) && bytes[i + 1] == b' ')
        {
            return from + i + 1;
        }
    }
    if let Some(i) = (half.max(1)..bytes.len().saturating_sub(1))
        .rev()
        .find(|&i| {
            bytes[i] == b' ' && !(bytes[i - 1].is_ascii_digit() && bytes[i + 1].is_ascii_digit())
        })
    {
        return from + i;
    }
    if limit > from { limit } else { text.len() }
}

/// Whether the dot at `dot` ends an abbreviation or an initial rather than a sentence.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = text.get(..dot).unwrap_or("");
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |i| i + 1);
    let word = before.get(word_start..).unwrap_or("");
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // A single capital letter is an initial ("John F. Kennedy"), as are dotted acronyms ("U.S").
    let letters: Vec<char> = word.chars().filter(|c| *c != '.' && *c != '-').collect();
    if letters.len() == 1 && letters[0].is_uppercase() {
        return true;
    }
    word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text)
            .into_iter()
            .map(|(s, e, _)| &text[s..e])
            .collect()
    }

    #[test]
    fn a_run_on_text_is_cut_at_safe_places_within_the_bound() {
        // 20 000 figures without a full stop: pieces of at most the bound, cut after a comma,
        // never inside "12 500", all marked as cut; together they cover every figure.
        let text = vec!["12 500 attaques"; 20_000].join(", ");
        let pieces = split(&text);
        assert!(pieces.len() > 1);
        for &(s, e, cut) in &pieces {
            assert!(cut);
            assert!(e - s <= MAX_SENTENCE_BYTES, "{}", e - s);
            assert!(
                text[s..e].starts_with("12 500"),
                "{}",
                &text[s..e.min(s + 20)]
            );
            assert!(text[s..e].ends_with("attaques,") || e == text.len());
        }
        let figures: usize = pieces
            .iter()
            .map(|&(s, e, _)| text[s..e].matches("12 500").count())
            .sum();
        assert_eq!(figures, 20_000);
        // Without a comma, at a space that does not part two digits; without a space, at a
        // character boundary.
        let words = vec!["mot"; 2_000].join(" ");
        assert!(
            split(&words)
                .iter()
                .all(|&(s, e, _)| e - s <= MAX_SENTENCE_BYTES)
        );
        let solid = "é".repeat(3_000);
        let pieces = split(&solid);
        assert!(pieces.iter().all(|&(s, e, _)| solid.get(s..e).is_some()));
        assert_eq!(
            pieces.iter().map(|&(s, e, _)| e - s).sum::<usize>(),
            solid.len()
        );
        // A sentence under the bound is not cut.
        assert_eq!(split("Trois attaques ont eu lieu."), vec![(0, 27, false)]);
    }

    #[test]
    fn splits_on_terminators_before_a_capital() {
        assert_eq!(
            sentences("Trois attaques ont eu lieu jeudi. Ces incidents s'ajoutent. Fin"),
            vec![
                "Trois attaques ont eu lieu jeudi.",
                "Ces incidents s'ajoutent.",
                "Fin"
            ]
        );
    }

    #[test]
    fn survives_abbreviations_numbers_and_initials() {
        let text = "M. Blinken a vu Mme Nuland. Environ 2.500 soldats, selon les U.S. Army. John F. Kennedy est né en 1917 av. J.-C. Non.";
        assert_eq!(
            sentences(text),
            vec![
                "M. Blinken a vu Mme Nuland.",
                "Environ 2.500 soldats, selon les U.S. Army.",
                "John F. Kennedy est né en 1917 av. J.-C. Non."
            ]
        );
    }

    #[test]
    fn a_heading_on_its_own_line_is_a_sentence() {
        assert_eq!(
            sentences(
                "406 blessés côté forces de l'ordre\nAutre chiffre, celui des blessés.\net la suite"
            ),
            vec![
                "406 blessés côté forces de l'ordre",
                "Autre chiffre, celui des blessés.\net la suite"
            ]
        );
    }

    #[test]
    fn quotes_close_sentences() {
        assert_eq!(
            sentences(
                "Il a dit \"c'est fini.\" Puis il est parti. \"Nous verrons\", a-t-il ajouté."
            ),
            vec![
                "Il a dit \"c'est fini.\"",
                "Puis il est parti.",
                "\"Nous verrons\", a-t-il ajouté."
            ]
        );
    }
}
