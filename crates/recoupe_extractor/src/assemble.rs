//! Assembling claims: for each number of each sentence, ask `mentions` whether it is a count,
//! then run the field readers (qualifier and interval, counted noun, actors, places, time,
//! kind, source) and carry what an elliptical figure takes from the one before it.

use recoupe_parser::{Article, DayInterval, Span};

use crate::dates::{DateMention, find_dates};
use crate::fields::actors::find_actors;
use crate::fields::counted::{noun_index, noun_phrase_end, state, verb_noun};
use crate::fields::places::{PlaceMention, countries, find_places};
use crate::fields::qualifier::{qualifier_before, range_end};
use crate::fields::source::find_source;
use crate::fields::time::{SentenceTime, find_anchors, read_sentence_time};
use crate::lexicon::phrase_at;
use crate::mentions::{MentionContext, not_a_claim};
use crate::numbers::{NumberForm, NumberMention, find_numbers};
use crate::tokens::{Token, TokenKind, tokenize};
use crate::{
    Claim, ClaimId, ClaimKind, Explanation, Lexicon, PlacesFrom, Qualifier, ValueInterval,
};

struct SentenceData {
    tokens: Vec<Token>,
    dates: Vec<DateMention>,
    places: Vec<PlaceMention>,
    /// Token ranges of every gazetteer name, introduced as a location or not ("Tour 22"),
    /// with their country.
    place_names: Vec<(usize, usize, String)>,
    paragraph: usize,
    sentence: Span,
}

/// The dates `article` writes with their year ("le 8 décembre 2023", "décembre 2023"), with
/// their original spans: what the article says about when it is, whatever its header says.
pub(crate) fn dated_mentions(lx: &Lexicon, article: &Article) -> Vec<(DayInterval, Span)> {
    let reference = article.date.map(|d| d.interval());
    let mut out = Vec::new();
    for s in &article.sentences {
        let tokens = tokenize(article.norm_slice(s.norm_span), s.norm_span.start);
        for d in find_dates(lx, &tokens, reference)
            .into_iter()
            .filter(|d| d.explicit_year)
        {
            let span = tokens[d.first].span.cover(tokens[d.last].span);
            out.push((d.days, article.norm.to_original(span)));
        }
    }
    out
}

/// Reads the claims of `article`, in text order.
pub(crate) fn extract(lx: &Lexicon, article: &Article) -> Vec<Claim> {
    let reference = article.date.map(|d| d.interval());
    let data: Vec<SentenceData> = article
        .sentences
        .iter()
        .map(|s| {
            let tokens = tokenize(article.norm_slice(s.norm_span), s.norm_span.start);
            let dates = find_dates(lx, &tokens, reference);
            let places = find_places(lx, &tokens);
            let place_names = crate::fields::places::find_places_raw(lx, &tokens);
            SentenceData {
                tokens,
                dates,
                places,
                place_names,
                paragraph: s.paragraph,
                sentence: s.span,
            }
        })
        .collect();
    let anchors: Vec<(String, DayInterval)> = data
        .iter()
        .flat_map(|d| find_anchors(&d.tokens, &d.dates))
        .collect();
    let article_place = dominant_place(&data);
    // The article's source: its byline, else the news agency it cites.
    let default_source = article
        .byline
        .as_ref()
        .map(|b| {
            let t = tokenize(b, 0);
            (0..t.len())
                .find_map(|k| lx.sources.at(&t, k).map(|p| p.value.clone()))
                .unwrap_or_else(|| b.clone())
        })
        .or_else(|| {
            data.iter().find_map(|d| {
                (0..d.tokens.len()).find_map(|k| {
                    lx.sources
                        .at(&d.tokens, k)
                        .map(|p| &p.value)
                        .filter(|name| lx.agencies.contains(name))
                        .cloned()
                })
            })
        });
    let mut claims = Vec::new();
    let mut previous_window: Option<(usize, DayInterval, Span)> = None;
    for (si, sd) in data.iter().enumerate() {
        let time = read_sentence_time(lx, &sd.tokens, &sd.dates, reference, &anchors);
        let text = &article.norm.text;
        let source = find_source(lx, &sd.tokens, text);
        let previous = si
            .checked_sub(1)
            .and_then(|p| data.get(p))
            .filter(|p| p.paragraph == sd.paragraph);
        let inherited_window = previous_window
            .filter(|(p, _, _)| *p == sd.paragraph)
            .map(|(_, w, s)| (w, s));
        let ctx = SentenceContext {
            lx,
            article,
            sd,
            time: &time,
            source: source.as_ref(),
            default_source: default_source.as_deref(),
            previous_places: previous.map(|p| p.places.as_slice()).unwrap_or(&[]),
            article_place: article_place.as_deref(),
            reference,
            inherited_window,
        };
        claims.extend(ctx.claims());
        if let Some((w, s)) = time.window_start {
            previous_window = Some((sd.paragraph, w, s));
        }
    }
    claims
}

/// The place the article names most, as a location or not ("Espagne : 158 morts"); on a
/// tie, the first named.
fn dominant_place(data: &[SentenceData]) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for country in data
        .iter()
        .flat_map(|d| d.place_names.iter().map(|(_, _, c)| c))
    {
        match counts.iter_mut().find(|(c, _)| c == country) {
            Some((_, n)) => *n += 1,
            None => counts.push((country.clone(), 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(c, _)| c)
}

struct SentenceContext<'a> {
    lx: &'a Lexicon,
    article: &'a Article,
    sd: &'a SentenceData,
    time: &'a SentenceTime,
    source: Option<&'a (String, Span)>,
    default_source: Option<&'a str>,
    previous_places: &'a [PlaceMention],
    article_place: Option<&'a str>,
    reference: Option<DayInterval>,
    inherited_window: Option<(DayInterval, Span)>,
}

/// What the previous figure of the sentence gives an elliptical one ("et 12 en Syrie").
#[derive(Clone)]
struct Antecedent {
    noun: Option<String>,
    head: Option<String>,
    noun_span: Option<Span>,
    qualifier: Qualifier,
    actors: Vec<(String, Span)>,
}

impl SentenceContext<'_> {
    fn tokens(&self) -> &[Token] {
        &self.sd.tokens
    }

    fn claims(&self) -> Vec<Claim> {
        let tokens = self.tokens();
        let all = find_numbers(self.lx, tokens);
        let cx = MentionContext {
            lx: self.lx,
            tokens,
            date_tokens: &self.time.date_tokens,
            place_names: &self.sd.place_names,
        };
        // Only counts bound clauses: an article "une" or a date does not end the clause of a figure.
        let mentions: Vec<&NumberMention> = all
            .iter()
            .enumerate()
            .filter(|(mi, m)| not_a_claim(&cx, m, &all, *mi).is_none())
            .map(|(_, m)| m)
            .collect();
        let mut out = Vec::new();
        let mut antecedent: Option<Antecedent> = None;
        let mut skip_next = false;
        for (mi, m) in mentions.iter().enumerate() {
            if skip_next {
                skip_next = false;
                continue;
            }
            // "entre 10 et 20", "de 10 à 20"
            let range_end = range_end(self.lx, tokens, m, mentions.get(mi + 1).copied());
            if range_end.is_some() {
                skip_next = true;
            }
            let next_first = mentions
                .get(mi + if range_end.is_some() { 2 } else { 1 })
                .map_or(tokens.len(), |n| n.first);
            let prev_last = mi
                .checked_sub(1)
                .and_then(|p| mentions.get(p))
                .map_or(0, |p| p.last + 1);
            let claim = self.claim(m, range_end, prev_last, next_first, &mut antecedent);
            // A number that counts nothing written, not even by ellipsis, is a score or a
            // label ("2 à 0", "Ligue 1"): no rule could ask for it.
            if claim.noun.is_some() {
                out.push(claim);
            }
        }
        out
    }

    fn claim(
        &self,
        m: &NumberMention,
        range_end: Option<&NumberMention>,
        prev_last: usize,
        next_first: usize,
        antecedent: &mut Option<Antecedent>,
    ) -> Claim {
        let lx = self.lx;
        let tokens = self.tokens();
        let article = self.article;
        let orig = |s: Span| article.norm.to_original(s);
        let last = range_end.map_or(m.last, |r| r.last);
        let number_norm = tokens[m.first].span.cover(tokens[last].span);
        let qualifier_found = qualifier_before(lx, tokens, m);
        let mut explanation = Explanation::default();

        // Qualifier and interval.
        let (mut qualifier, vague) = match (m.form, range_end) {
            (_, Some(_)) => (Qualifier::Range, None),
            (NumberForm::Vague { low, high }, _) => (Qualifier::Vague, Some((low, high))),
            (NumberForm::Zero, _) => (Qualifier::Exact, None),
            (NumberForm::ApproxNoun, _) => {
                (qualifier_found.map_or(Qualifier::Approx, |q| q.0), None)
            }
            _ => (qualifier_found.map_or(Qualifier::Exact, |q| q.0), None),
        };
        if let Some((_, start)) = qualifier_found {
            explanation.qualifier = Some(orig(tokens[start].span.cover(tokens[m.first - 1].span)));
        }

        // Counted noun, or the antecedent's when it was left out.
        let noun_at = if m.form == NumberForm::Zero && m.first != m.last {
            Some(m.last + 1).filter(|&k| tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word))
        } else {
            noun_index(lx, tokens, m)
        };
        let noun_at = noun_at.or_else(|| range_end.and_then(|r| noun_index(lx, tokens, r)));
        let mut noun = None;
        let mut head = None;
        let mut noun_span = None;
        if let Some(k) = noun_at {
            let lemma = lx.lemma(&tokens[k].lower);
            noun_span = Some(tokens[k].span);
            if lx.times.contains(&tokens[k].lower) {
                noun = Some(verb_noun(lx, tokens, m).unwrap_or(lemma));
            } else {
                noun = Some(lemma);
            }
        }
        let mut state_applied = false;
        if let Some(k) = noun_at
            && let Some((state, span)) = state(lx, tokens, k, next_first)
        {
            head = noun.take();
            noun = Some(state);
            state_applied = true;
            noun_span = Some(noun_span.map_or(span, |s| s.cover(span)));
        }
        let np_end = noun_phrase_end(tokens, noun_at.unwrap_or(last), next_first);
        let mut actors = find_actors(lx, tokens, last + 1, np_end);
        if noun.is_none()
            && let Some(a) = antecedent.as_ref()
        {
            noun = a.noun.clone();
            head = a.head.clone();
            noun_span = a.noun_span;
            explanation.noun_inherited = true;
            if qualifier == Qualifier::Exact
                && qualifier_found.is_none()
                && !matches!(a.qualifier, Qualifier::Range | Qualifier::Vague)
                && m.form != NumberForm::Zero
            {
                qualifier = a.qualifier;
            }
            if actors.is_empty() {
                actors = a.actors.clone();
            }
        }
        if actors.is_empty() {
            actors = find_actors(lx, tokens, 0, tokens.len());
        }
        explanation.noun = noun_span.map(orig);
        explanation.actors = actors.iter().map(|(_, s)| orig(*s)).collect();
        if !explanation.noun_inherited && noun.is_some() {
            *antecedent = Some(Antecedent {
                noun: noun.clone(),
                head: head.clone(),
                noun_span,
                qualifier,
                actors: actors.clone(),
            });
        }

        let value = m.value;
        let interval = interval_of(lx, qualifier, value, vague, range_end.map(|r| r.value));

        // Places: the clause after the number, then before it, then the sentence before, then the article.
        let in_range = |a: usize, b: usize| {
            self.sd
                .places
                .iter()
                .filter(move |p| p.first >= a && p.first < b)
        };
        let (places, from): (Vec<&PlaceMention>, PlacesFrom) = {
            let after: Vec<&PlaceMention> = in_range(last + 1, next_first).collect();
            if !after.is_empty() {
                (after, PlacesFrom::Clause)
            } else {
                let before: Vec<&PlaceMention> = in_range(prev_last, m.first).collect();
                if !before.is_empty() {
                    (before, PlacesFrom::Sentence)
                } else if !self.previous_places.is_empty() {
                    (
                        self.previous_places.iter().collect(),
                        PlacesFrom::PreviousSentence,
                    )
                } else {
                    (
                        Vec::new(),
                        if self.article_place.is_some() {
                            PlacesFrom::Article
                        } else {
                            PlacesFrom::Nowhere
                        },
                    )
                }
            }
        };
        let mut place_names = countries(places.iter().copied());
        if place_names.is_empty() {
            place_names.extend(self.article_place.map(str::to_owned));
        }
        explanation.places = places.iter().map(|p| orig(p.span)).collect();
        explanation.places_from = from;

        // Time and kind.
        let eventive = state_applied
            || noun.as_deref().is_some_and(|n| lx.events.contains(n))
            || noun_at.is_some_and(|k| lx.times.contains(&tokens[k].lower));
        let own_window = self.time.window_start;
        let cumulative =
            eventive && (own_window.is_some() || self.time.cumulative_marker.is_some());
        // "300 soldats supplémentaires": a change to a level, in the figure's own noun phrase.
        let change = !eventive
            && (last + 1..np_end.max(last + 1) + 2).any(|k| {
                self.lx
                    .change_markers
                    .iter()
                    .any(|w| phrase_at(tokens, k, w))
            });
        let kind = if cumulative {
            ClaimKind::Cumulative
        } else if eventive {
            ClaimKind::Event
        } else if change {
            ClaimKind::Change
        } else {
            ClaimKind::Level
        };
        let mut window_start = None;
        if cumulative {
            let w = own_window.or(self.inherited_window);
            if let Some((days, span)) = w {
                window_start = Some(days);
                explanation.time.push(orig(span));
            }
            if let Some(s) = self.time.cumulative_marker {
                explanation.time.push(orig(s));
            }
        }
        let as_of = match (kind, self.time.as_of, self.time.event_day) {
            (_, Some((d, s)), _) => {
                explanation.time.push(orig(s));
                Some(d)
            }
            (ClaimKind::Event | ClaimKind::Level, None, Some((d, s))) => {
                explanation.time.push(orig(s));
                Some(d)
            }
            _ => self.reference,
        };
        explanation.time.sort();
        explanation.time.dedup();

        let source = match self.source {
            Some((s, span)) => {
                explanation.source = Some(orig(*span));
                Some(s.clone())
            }
            None => self.default_source.map(str::to_owned),
        };

        let number = orig(number_norm);
        let written_start =
            qualifier_found.map_or(number_norm.start, |(_, s)| tokens[s].span.start);
        let written = orig(Span::new(written_start, number_norm.end));
        Claim {
            id: ClaimId {
                article: article.id.clone(),
                offset: number.start,
            },
            article_date: article.date,
            number,
            text: article.slice(number).to_owned(),
            written: article.slice(written).to_owned(),
            value,
            interval,
            qualifier,
            noun,
            head,
            actors: actors.into_iter().map(|(a, _)| a).collect(),
            countries: place_names.clone(),
            places: place_names,
            predicate: None,
            predicate_class: None,
            unit: None,
            as_of,
            window_start,
            kind,
            source,
            sentence: self.sd.sentence,
            quote: article.slice(self.sd.sentence).to_owned(),
            explanation,
        }
    }
}

/// The values a qualified figure allows, with the lexicon's default tolerances.
pub(crate) fn interval_of(
    lx: &Lexicon,
    q: Qualifier,
    v: f64,
    vague: Option<(f64, f64)>,
    range_high: Option<f64>,
) -> ValueInterval {
    lx.interval_rules().interval(q, v, vague, range_high)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The interval of a claim holds its value, unless the qualifier is strict ("plus de 40"
        /// is not 40), and then it lies wholly on the side the qualifier says.
        #[test]
        fn interval_holds_the_value_unless_strict(
            q in prop::sample::select(Qualifier::ALL.to_vec()),
            v in prop_oneof![(0u32..10_000_000).prop_map(f64::from), (0.0f64..1e7)],
            width in 0.0f64..1e6,
        ) {
            let Ok(lx) = Lexicon::french() else { return Err(TestCaseError::fail("lexicon")) };
            let vague = Some((v, v + width));
            let i = interval_of(&lx, q, v, vague, Some(v + width));
            prop_assert!(i.high.is_none_or(|h| i.low <= h), "{q:?} {v} -> {i}");
            if q.is_strict() {
                prop_assert!(!i.contains(v) || v.fract() != 0.0, "{q:?} {v} -> {i}");
                match q {
                    Qualifier::MoreThan => prop_assert!(i.low >= v),
                    _ => prop_assert!(i.high.is_some_and(|h| h <= v)),
                }
            } else {
                prop_assert!(i.contains(v), "{q:?} {v} -> {i}");
            }
        }
    }
}
