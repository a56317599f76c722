//! Sentence splitting that survives "M.", "Mme", "2.500", "U.S.", "av. J.-C." and initials.

/// Words that end with a dot without ending the sentence (compared without case).
const ABBREVIATIONS: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "st", "ste", "av", "apr", "j.-c", "etc",
    "cf", "p", "pp", "n°", "no", "art", "vol", "éd", "ed", "env", "min", "max", "gén", "col",
    "cdt", "lt", "sgt", "adj", "u.s", "u.s.a", "vs", "ex", "fig", "chap", "bd", "av. j.-c",
];

/// Splits `text` into sentences; returns byte ranges, trimmed of surrounding whitespace. A
/// line break ends a sentence too when the line before has no closing punctuation and the
/// next starts like a sentence: a heading ("406 blessés côté forces de l'ordre") or a line of
/// a web page is not the start of the paragraph's next sentence.
pub(crate) fn split(text: &str) -> Vec<(usize, usize)> {
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

fn push(out: &mut Vec<(usize, usize)>, text: &str, start: usize, end: usize) {
    let piece = text.get(start..end).unwrap_or("");
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push((start + lead, start + lead + trimmed.len()));
    }
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
        split(text).into_iter().map(|(s, e)| &text[s..e]).collect()
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
