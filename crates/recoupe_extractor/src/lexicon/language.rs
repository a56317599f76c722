//! Which language a text is written in, so that no text is read with another language's
//! lexicon (English wire copy in a French corpus yields nonsense such as the noun "to").
//! Detection is whatlang's trigram model: it names any of some seventy languages, including
//! those recoupe has no lexicon for, so the warning can say which.

/// A language a text was found to be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    /// ISO 639-3 code ("fra", "eng").
    pub code: &'static str,
    /// English name ("French", "English").
    pub name: &'static str,
}

/// The language of `text` when the detector is sure of it.
pub fn detect(text: &str) -> Option<Language> {
    let info = whatlang::detect(text)?;
    info.is_reliable().then(|| Language {
        code: info.lang().code(),
        name: info.lang().eng_name(),
    })
}

/// Whether `text` is surely in another language than `code`: detected so, reliably, with
/// enough words to tell (a short sentence full of names is not English because it says
/// "Commandement central").
pub fn is_foreign(text: &str, code: &str, min_words: usize) -> Option<Language> {
    let words = text.split_whitespace().count();
    if words < min_words {
        return None;
    }
    let info = whatlang::detect(text)?;
    let lang = Language {
        code: info.lang().code(),
        name: info.lang().eng_name(),
    };
    (info.is_reliable() && info.confidence() >= 0.9 && lang.code != code).then_some(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english_wire_copy() {
        let fr = "Le bilan du séisme qui a frappé le Maroc vendredi soir est passé à 2 012 morts, selon le ministère de l'Intérieur.";
        let en = "Officials in Hawaii's Maui County said Thursday at least 36 lives have been claimed as deadly wildfires sweep across the area.";
        assert_eq!(detect(fr).map(|l| l.code), Some("fra"));
        assert_eq!(detect(en).map(|l| l.name), Some("English"));
        assert_eq!(is_foreign(fr, "fra", 6), None);
        assert_eq!(is_foreign(en, "fra", 6).map(|l| l.code), Some("eng"));
        assert_eq!(
            is_foreign(
                "Make this article seo compatible, be in french, create at least 700 words",
                "fra",
                6
            )
            .map(|l| l.code),
            Some("eng")
        );
    }
}
