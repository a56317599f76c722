//! Whose forces or people a figure is about: "soldats américains", "de la coalition",
//! "pro-iraniens", or the subject ("Washington compte …").

use recoupe_parser::Span;

use crate::Lexicon;
use crate::tokens::Token;

/// The actors named in `tokens[from..to]`, with their spans, without repeats.
pub(crate) fn find_actors(
    lx: &Lexicon,
    tokens: &[Token],
    from: usize,
    to: usize,
) -> Vec<(String, Span)> {
    let mut out: Vec<(String, Span)> = Vec::new();
    let mut i = from;
    while i < to.min(tokens.len()) {
        if let Some(p) = lx.actors.at(tokens, i) {
            let last = i + p.words.len() - 1;
            if !out.iter().any(|(a, _)| a == &p.value) {
                out.push((p.value.clone(), tokens[i].span.cover(tokens[last].span)));
            }
            i = last + 1;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::LexiconError;
    use crate::tokens::tokenize;

    #[test]
    fn actors_in_a_noun_phrase() -> Result<(), LexiconError> {
        let lx = Lexicon::french()?;
        let text = "les troupes américaines et de la coalition, des groupes pro-iraniens";
        let t = tokenize(text, 0);
        let names: Vec<String> = find_actors(&lx, &t, 0, t.len())
            .into_iter()
            .map(|(a, _)| a)
            .collect();
        assert_eq!(names, vec!["américain", "coalition", "pro-iranien"]);
        Ok(())
    }
}
