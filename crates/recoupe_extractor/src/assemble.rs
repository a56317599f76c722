//! Assembling claims: for each number of each sentence, ask `mentions` whether it is a count,
//! then run the field readers (qualifier and interval, counted noun, predicate, unit, actors,
//! places, time and kind, source) and carry what an elliptical figure takes from the one
//! before it ("36 000 personnes ont défilé à Toulouse, 26 000 à Marseille").
//!
//! What holds for a whole article is read first: its language (a sentence in another one is
//! skipped), its day (the header, narrowed by the full dates its text writes), the country it
//! is about (the one its places lie in most), whether it reports a toll, its source.

use rustc_hash::FxHashSet as HashSet;

use chrono::Datelike;
use recoupe_parser::{Article, DayInterval, Diagnostic, PartialDate, Span};

use crate::date_reader::{PresentDate, PresentEvidence};
use crate::name::{Name, Names};

use crate::dates::{DateMention, find_dates};
use crate::fields::actors::find_actors;
use crate::fields::counted::{
    coordinated_nouns, count_noun_before, group_noun_before, noun_index, noun_phrase_end,
    part_of_antecedent, state, verb_noun, zero_noun,
};
use crate::fields::kind::{KindSigns, kind};
use crate::fields::places::{PlaceMention, PlaceRef, find_places, find_places_raw};
use crate::fields::predicate::{Figure, PredicateFrom, PredicateRead};
use crate::fields::qualifier::{qualifier_before, range_end};
use crate::fields::source::{SourceMention, SourceName, SourceRole, find_sources, kind_of};
use crate::fields::time::{SentenceTime, find_anchors, read_sentence_time};
use crate::lexicon::{PlaceId, language, phrase_at};
use crate::mentions::{MentionContext, constructions, not_a_claim};
use crate::numbers::{NumberForm, NumberMention, find_numbers};
use crate::tokens::{Token, TokenKind, tokenize};
use crate::{
    Claim, ClaimId, ClaimKind, Explanation, Lexicon, PlacesFrom, PredicateClass, Qualifier,
    ValueInterval,
};

/// What reading an article gives: its claims, and what the reader has to say about it.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// The claims, in text order.
    pub claims: Vec<Claim>,
    /// Warnings: an article or a sentence in a language without a lexicon, skipped.
    pub diagnostics: Vec<Diagnostic>,
    /// The days the article writes with their own numbers ("la journée du 23 mars", "le 1er
    /// mai"), with the country it is about: the corpus's calendar (see [`crate::calendar`]).
    pub days: Vec<(String, chrono::NaiveDate)>,
    /// What the article's text says of its own present, against its header
    /// ([`crate::Extractor::present_dates`]), read in the same pass.
    pub present: Vec<PresentDate>,
}

struct SentenceData {
    /// Empty between passes over an article too long to hold all its tokens
    /// ([`HOLD_TOKENS`]): each pass tokenises the sentence again.
    tokens: Vec<Token>,
    norm_span: Span,
    dates: Vec<DateMention>,
    places: Vec<PlaceMention>,
    /// Token ranges of every gazetteer name, introduced as a location or not ("Tour 22").
    place_names: Vec<(usize, usize, PlaceId)>,
    /// For each of `place_names`, whether it is a country standing as an actor ("les
    /// États-Unis et le Royaume-Uni ont frappé"), not as a place.
    country_actor: Vec<bool>,
    paragraph: usize,
    sentence: Span,
    /// Cut from a longer run of text at the parser's bound.
    cut: bool,
    /// The sentence as written, shared by its claims.
    quote: std::sync::Arc<str>,
}

/// What `article`'s text says of its own present, against its header: a dateline, a
/// publication line or a timestamp; a date it gives as its present ("ce mercredi 6 mars
/// 2024"); a weekday with its day, which fixes the year ("lundi 13 mars" is a Monday in 2023).
/// History ("la crue de 2002", "le 20 décembre 2023, le Pentagone indiquait") is not
/// evidence of when the text is.
pub(crate) fn present_dates(lx: &Lexicon, article: &Article) -> Vec<PresentDate> {
    let reference = article.date.map(|d| d.interval());
    let mut out = Vec::new();
    for s in &article.sentences {
        let tokens = tokenize(article.norm_slice(s.norm_span), s.norm_span.start);
        let dates = find_dates(lx, &tokens, reference);
        present_dates_in(lx, article, &tokens, &dates, &mut out);
    }
    out
}

/// The dates of one sentence that say when the article is (see [`present_dates`]), its dates
/// read against the article's header.
fn present_dates_in(
    lx: &Lexicon,
    article: &Article,
    tokens: &[Token],
    dates: &[DateMention],
    out: &mut Vec<PresentDate>,
) {
    let mut push = |first: usize, last: usize, days: DayInterval, evidence| {
        let span = article
            .norm
            .to_original(tokens[first].span.cover(tokens[last].span));
        out.push(PresentDate {
            days,
            span,
            quote: span.slice(&article.text).to_owned(),
            evidence,
        });
    };
    if let Some((d, kind)) = crate::dates::dateline_of(lx, tokens, dates) {
        let evidence = match kind {
            crate::dates::DatelineKind::Dateline => PresentEvidence::Dateline,
            crate::dates::DatelineKind::Publication => PresentEvidence::Publication,
            crate::dates::DatelineKind::Stamp => PresentEvidence::Stamp,
        };
        push(d.first, d.last, d.days, evidence);
        return;
    }
    for d in dates.iter().filter(|d| !d.comparison && d.days.is_day()) {
        if d.present && d.explicit_year {
            push(d.first, d.last, d.days, PresentEvidence::Present);
        } else if let Some(wd) = d.weekday {
            // The year in which that day is that weekday, nearest the date as read.
            let day = d.days.first;
            let fits = |y: i32| {
                chrono::NaiveDate::from_ymd_opt(y, day.month(), day.day())
                    .filter(|x| x.weekday() == wd)
            };
            let found = if d.explicit_year {
                fits(day.year())
            } else {
                (0..=10).find_map(|k| fits(day.year() - k).or_else(|| fits(day.year() + k)))
            };
            if let Some(x) = found {
                push(
                    d.first,
                    d.last,
                    DayInterval::day(x),
                    PresentEvidence::Weekday,
                );
            }
        }
    }
}

/// Whether a text is surely in another language than the lexicon's: a whole article needs
/// some length to tell, a sentence six words.
fn foreign(
    lx: &Lexicon,
    text: &str,
    tokens: &[Token],
    min_words: usize,
) -> Option<language::Language> {
    // Cheap first: three of the language's commonest words make it the lexicon's language.
    let common = tokens
        .iter()
        .filter(|t| lx.function_words.contains(t.lower.as_str()))
        .take(3)
        .count();
    if common >= 3 {
        return None;
    }
    language::is_foreign(text, lx.language.code, min_words)
}

/// How many of the words of `text` are the lexicon's function words ("de", "la", "et"),
/// counting up to `enough`.
fn function_words(lx: &Lexicon, text: &str, enough: usize) -> usize {
    let mut lower = String::new();
    text.split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| {
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            lx.function_words.contains(&lower)
        })
        .take(enough)
        .count()
}

/// The language of an article's opening text, when it is surely not the lexicon's. A text
/// whose every fifth word or more is one of the language's function words is in it, without
/// asking the (costly) detector: no other language writes "de", "la", "les", "et" that often.
fn article_language(lx: &Lexicon, body: &str) -> Option<language::Language> {
    let words = body.split_whitespace().count();
    if words >= 20 && function_words(lx, body, words) * 5 >= words {
        return None;
    }
    language::detect(body).filter(|l| l.code != lx.language.code)
}

/// Reads the claims of `article`, in text order.
pub(crate) fn extract(
    lx: &Lexicon,
    article: &Article,
    explain: bool,
    hold_tokens: usize,
) -> Extraction {
    let mut diagnostics = Vec::new();
    let body: String = article
        .sentences
        .iter()
        .take(12)
        .map(|s| article.norm_slice(s.norm_span))
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(lang) = article_language(lx, &body) {
        diagnostics.push(Diagnostic::warning(
            None,
            format!(
                "article `{}` is written in {}: recoupe reads {} only, so it was skipped",
                article.id, lang.name, lx.language.name
            ),
        ));
        return Extraction {
            claims: Vec::new(),
            diagnostics,
            days: Vec::new(),
            present: present_dates(lx, article),
        };
    }
    let header = article.date.map(|d| d.interval());
    // An article longer than this is not held as tokens between the passes over it: each
    // pass tokenises a sentence again and lets it go, so that a 20 MB page of figures costs
    // its claims, not four million tokens.
    let hold = article.norm.text.len() <= hold_tokens;
    let mut toll = false;
    let mut agency: Option<String> = None;
    let mut data: Vec<SentenceData> = Vec::new();
    let mut present = Vec::new();
    // Sentences in another language, by language: how many, and the first.
    let mut skipped: Vec<(&'static str, usize, Span)> = Vec::new();
    for s in &article.sentences {
        let text = article.norm_slice(s.norm_span);
        // A piece cut from a run-on text is no sentence to tell the language of: the article's
        // language holds for it.
        let tokens = tokenize(text, s.norm_span.start);
        let dates = find_dates(lx, &tokens, header);
        // Its dates say when the article is even in another language (a dateline in English).
        present_dates_in(lx, article, &tokens, &dates, &mut present);
        if let Some(lang) = (!s.cut).then(|| foreign(lx, text, &tokens, 6)).flatten() {
            match skipped.iter_mut().find(|(name, _, _)| *name == lang.name) {
                Some(entry) => entry.1 += 1,
                None => skipped.push((lang.name, 1, s.span)),
            }
            continue;
        }
        let places = find_places(lx, &tokens);
        let place_names = find_places_raw(lx, &tokens);
        toll = toll || (0..tokens.len()).any(|k| lx.tolls.iter().any(|w| phrase_at(&tokens, k, w)));
        if agency.is_none() && article.byline.is_none() {
            agency = (0..tokens.len()).find_map(|k| {
                lx.sources
                    .at(&tokens, k)
                    .map(|p| &p.value)
                    .filter(|name| lx.agencies.contains(name))
                    .cloned()
            });
        }
        let country_actor = place_names
            .iter()
            .map(|p| country_as_actor(lx, &tokens, &places, &place_names, p.0))
            .collect();
        data.push(SentenceData {
            tokens: if hold { tokens } else { Vec::new() },
            norm_span: s.norm_span,
            dates,
            places,
            place_names,
            country_actor,
            paragraph: s.paragraph,
            sentence: s.span,
            cut: s.cut,
            quote: std::sync::Arc::from(article.slice(s.span)),
        });
    }
    for (name, n, first) in skipped {
        diagnostics.push(Diagnostic::warning(
            Some(first),
            if n == 1 {
                format!("a sentence in {name} was skipped")
            } else {
                format!("{n} sentences in {name} were skipped (the first here)")
            },
        ));
    }
    // The article's day: its header; within a header's month, the day its dateline or
    // publication line gives ("LONDRES, 7 mars (Reuters)", "Publié le 13/03/2023"), else the
    // present it names ("ce mercredi 6 mars"), else from the latest full date it writes in
    // that month ("jeudi 19 janvier 2023" under a header "2023-01").
    let mut reference = header;
    let mut narrowed_by = None;
    if let (Some(PartialDate::Month { .. }), Some(h)) = (article.date, header) {
        let in_month = |d: DayInterval| h.first <= d.first && d.first <= h.last;
        let span_of =
            |d: &SentenceData, m: &DateMention| d.tokens[m.first].span.cover(d.tokens[m.last].span);
        let dated = with_tokens(article, &mut data, hold, |d| {
            crate::dates::dateline(lx, &d.tokens, &d.dates)
                .filter(|days| in_month(*days))
                .and_then(|days| {
                    let m = d.dates.iter().find(|m| m.days == days)?;
                    Some((days, span_of(d, m)))
                })
        });
        let present = || {
            with_tokens(article, &mut data, hold, |d| {
                d.dates
                    .iter()
                    .find(|m| m.present && m.first_day_only() && in_month(m.days))
                    .map(|m| (m.days, span_of(d, m)))
            })
        };
        let dated = dated.or_else(present).or_else(|| {
            let mut latest: Option<(chrono::NaiveDate, Span)> = None;
            with_tokens(article, &mut data, hold, |d| {
                for m in d
                    .dates
                    .iter()
                    .filter(|m| m.first_day_only() && in_month(m.days))
                {
                    if latest.is_none_or(|(day, _)| m.days.first >= day) {
                        latest = Some((m.days.first, span_of(d, m)));
                    }
                }
                None::<()>
            });
            latest.map(|(day, span)| (DayInterval::new(day, h.last), span))
        });
        if let Some((days, span)) = dated {
            reference = Some(days);
            narrowed_by = Some(article.norm.to_original(span));
        }
    }
    // A day header that the text's present contradicts ("ce mardi" under a Monday's header):
    // the article speaks from that weekday, in the days after its header.
    if let (Some(PartialDate::Day(h)), Some(r)) = (article.date, reference)
        && r.is_day()
        && let Some((wd, span)) = with_tokens(article, &mut data, hold, |d| {
            d.tokens.iter().enumerate().find_map(|(k, t)| {
                let wd = lx.weekdays.get(t.lower.as_str())?;
                let this = k > 0 && lx.grammar.demonstratives.is(&d.tokens[k - 1]);
                this.then(|| (*wd, d.tokens[k - 1].span.cover(t.span)))
            })
        })
        && wd != chrono::Datelike::weekday(&h)
        && let Some(day) = (1..7)
            .map(|k| h + chrono::Duration::days(k))
            .find(|d| chrono::Datelike::weekday(d) == wd)
    {
        reference = Some(DayInterval::day(day));
        narrowed_by = Some(article.norm.to_original(span));
    }
    // Weekdays the text dates ("mercredi 6 mars"): a bare "mercredi" is that day.
    let named_weekdays: Vec<(chrono::Weekday, chrono::NaiveDate)> = data
        .iter()
        .flat_map(|d| d.dates.iter())
        .filter_map(|m| {
            m.weekday
                .filter(|_| m.first_day_only())
                .map(|w| (w, m.days.first))
        })
        .collect();
    // The dates again, in order, resolved against the article's day, the weekdays it dates
    // and the last day named before each sentence ("au lendemain").
    let mut ctx = crate::dates::DateContext {
        reference,
        named_weekdays,
        last_day: None,
    };
    // The days the text names as the start of a running count ("depuis le 17 octobre").
    let mut anchors: Vec<(String, DayInterval)> = Vec::new();
    with_tokens_mut(article, &mut data, hold, |d| {
        d.dates = crate::dates::find_dates_in(lx, &d.tokens, &ctx);
        if let Some(m) = d
            .dates
            .iter()
            .rev()
            .find(|m| m.days.is_day() && m.bare_weekday.is_none())
        {
            ctx.last_day = Some(m.days.first);
        }
        anchors.extend(find_anchors(&d.tokens, &d.dates));
    });
    // The day of the news the article reports: the latest event day it names, a day within
    // the fortnight before it, when no reporting verb stands by it ("les manifestations du
    // mardi 6 juin"). The count of one event without a day of its own holds at it.
    // What each sentence says of time, read once.
    let mut times: Vec<SentenceTime> = Vec::with_capacity(data.len());
    with_tokens_mut(article, &mut data, hold, |d| {
        times.push(read_sentence_time(
            lx, &d.tokens, &d.dates, reference, &anchors,
        ));
    });
    let news_day = reference.and_then(|r| {
        times
            .iter()
            .flat_map(|t| t.event_days.iter())
            .filter(|e| {
                let slack = if r.is_day() { 14 } else { 0 };
                !e.report
                    && e.days.is_day()
                    && e.days.last <= r.last
                    && (r.first - e.days.first).num_days() <= slack
            })
            .max_by_key(|e| e.days.first)
            .map(|e| (e.days, e.span))
    });
    // In an article dated only to its month, the weekday its lede writes for its own time
    // ("Le Maroc s'est réveillé samedi matin sous le choc"): its tolls without a day of their
    // own hold at it (which Saturday, the corpus's calendar may tell).
    let present_weekday = reference.filter(|r| !r.is_day()).and_then(|_| {
        times.iter().take(2).find_map(|t| {
            t.event_days
                .iter()
                .find(|e| !e.of_event && e.bare_weekday.is_some())
                .map(|e| (e.days, article.norm.to_original(e.span), e.bare_weekday))
        })
    });
    let country = dominant_country(lx, &data);
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
        .or(agency);
    let ac = ArticleContext {
        lx,
        article,
        reference,
        narrowed_by,
        country,
        toll,
        default_source,
        news_day,
        present_weekday,
    };
    let mut claims = Vec::new();
    let mut previous_window: Option<(usize, DayInterval, Span)> = None;
    let mut previous_places: Option<(usize, NamedPlaces)> = None;
    let mut recent_event: Option<String> = None;
    let mut previous_counted: Option<(usize, Antecedent)> = None;
    let mut paragraph_frame: Option<(usize, NamedPlaces)> = None;
    let mut last_city: Option<PlaceId> = None;
    let mut last_named_source: Option<String> = None;
    let mut last_event_day: Option<(DayInterval, Span, Option<chrono::Weekday>)> = None;
    let mut last_toll_day: Option<(DayInterval, Span, Option<chrono::Weekday>)> = None;
    let mut last_reported: Option<(DayInterval, Span, Option<chrono::Weekday>)> = None;
    let mut last_casualty_day: Option<(DayInterval, Span, Option<chrono::Weekday>)> = None;
    // The past day a sentence in the pluperfect set, for the next ones in that tense.
    let mut past_frame: Option<(DayInterval, Span, Option<chrono::Weekday>)> = None;
    for si in 0..data.len() {
        // A sentence's tokens are not looked at three sentences on: dropped, so that a run-on
        // text of millions of words is not held whole alongside its claims.
        if let Some(done) = si.checked_sub(3) {
            data[done].tokens = Vec::new();
        }
        if data[si].tokens.is_empty() {
            data[si].tokens = tokenize(
                article.norm_slice(data[si].norm_span),
                data[si].norm_span.start,
            );
        }
        let (sd, time) = (&data[si], &times[si]);
        // The sources the sentence names, "la même source" resolved to the one named before.
        let mut sources: Vec<ResolvedSource> = Vec::new();
        for m in find_sources(lx, &sd.tokens, &article.norm.text) {
            let name = match &m.name {
                // "le syndicat avait recensé", after "la CGT": the one named before.
                SourceName::Named(n)
                    if m.definite
                        && !lx.source_kinds.contains_key(n)
                        && kind_of(lx, n).is_some()
                        && last_named_source
                            .as_deref()
                            .is_some_and(|l| kind_of(lx, l) == kind_of(lx, n)) =>
                {
                    last_named_source.clone()
                }
                SourceName::Named(n) => {
                    last_named_source = Some(n.clone());
                    Some(n.clone())
                }
                SourceName::Back => last_named_source.clone(),
            };
            if let Some(name) = name {
                sources.push(ResolvedSource { name, mention: m });
            }
        }

        let previous = previous_places
            .as_ref()
            .filter(|(p, _)| *p == sd.paragraph)
            .map(|(_, places)| places);
        let inherited_window = previous_window
            .filter(|(p, _, _)| *p == sd.paragraph)
            .map(|(_, w, s)| (w, s));
        let recent_words: HashSet<&str> = data[si.saturating_sub(2)..si]
            .iter()
            .flat_map(|d| d.tokens.iter().map(|t| lx.lemma(&t.lower)))
            .collect();
        let pair_before = si
            .checked_sub(1)
            .is_some_and(|p| names_a_pair(lx, &data[p].tokens));
        let pluperfect = sd
            .tokens
            .iter()
            .any(|t| lx.pluperfect.contains(t.lower.as_str()));
        let ctx = SentenceContext {
            ac: &ac,
            sd,
            time,
            sources: &sources,
            previous_places: previous,
            inherited_window,
            recent_words: &recent_words,
            pair_before,
            recent_event: recent_event.as_deref(),
            previous_counted: previous_counted
                .as_ref()
                .filter(|(p, _)| *p + 1 >= sd.paragraph)
                .map(|(_, a)| a),
            paragraph_frame: paragraph_frame
                .as_ref()
                .filter(|(p, _)| *p == sd.paragraph)
                .map(|(_, f)| f),
            last_city,
            last_event_day,
            last_toll_day,
            last_reported,
            last_casualty_day,
            past_frame: past_frame.filter(|_| pluperfect && time.event_days.is_empty()),
        };
        let found = ctx.claims();
        // The day the last dated toll of the sentence held at, for the tolls after it.
        if let Some(c) = found.iter().rev().find(|c| {
            c.kind == ClaimKind::Cumulative
                && !c.previous
                && c.window_start.is_none()
                && !c.ex().time.is_empty()
                && c.as_of != reference
        }) && let (Some(d), Some(s)) = (c.as_of, c.ex().time.first())
        {
            last_toll_day = Some((d, *s, c.as_of_weekday));
        }
        // The day the last casualty count held at, for the casualties the next sentences add
        // ("Trois marins ont péri …, a déclaré jeudi l'armateur. Deux autres membres
        // d'équipage ont été gravement blessés").
        if let Some(c) = found.iter().rev().find(|c| {
            c.kind == ClaimKind::Event && is_casualty(c.predicate_class) && !c.ex().time.is_empty()
        }) && let (Some(d), Some(s)) = (c.as_of, c.ex().time.last())
        {
            last_casualty_day = Some((d, *s, c.as_of_weekday));
        }
        if !pluperfect {
            past_frame = None;
        } else if let Some(d) = time
            .event_days
            .iter()
            .find(|d| !d.report)
            .or(time.event_days.first())
        {
            past_frame = Some((d.days, d.span, d.bare_weekday));
        }
        if let Some(d) = time.event_days.iter().rev().find(|d| d.report) {
            last_reported = Some((d.days, article.norm.to_original(d.span), d.bare_weekday));
        }
        // An event day within the fortnight before the article: the news it reports.
        let recent = |d: DayInterval| {
            reference.is_some_and(|r| {
                d.last <= r.last && (r.first - d.first).num_days() <= 14 && d.first <= r.last
            })
        };
        if let Some(d) = time
            .event_days
            .iter()
            .rev()
            .find(|d| !d.report && recent(d.days))
        {
            last_event_day = Some((d.days, d.span, d.bare_weekday));
        }

        if let Some(last) = found.last().filter(|c| c.noun.is_some()) {
            previous_counted = Some((
                sd.paragraph,
                Antecedent {
                    noun: last.noun.map(|n| n.to_string()),
                    head: last.head.map(|n| n.to_string()),
                    noun_span: None,
                    qualifier: last.qualifier,
                    actors: Vec::new(),
                    predicate: last.predicate.as_ref().map(|l| PredicateRead {
                        lemma: l.to_string(),
                        span: None,
                        from: PredicateFrom::Inherited,
                        with_aux: false,
                    }),
                    end: 0,
                },
            ));
        }
        // The next sentence may continue the place of this one's figures when they share
        // one their text names; a list of places ("Al Haouz…, Taroudant…, Chichaoua…") or
        // a total and its parts ("en France, dont 77 à Paris") is not continued.
        // A sentence without figures keeps the carry, unless it names other places ("le
        // navire se trouvait au sud-ouest du port d'Aden").
        if found.is_empty() {
            let carried: Vec<PlaceId> = previous_places
                .as_ref()
                .map(|(_, (ids, _))| ids.clone())
                .unwrap_or_default();
            let elsewhere = sd.places.iter().any(|p| match p.place {
                PlaceRef::Named(id) => !carried.contains(&id),
                PlaceRef::Capital => !carried
                    .iter()
                    .any(|&c| country.is_some_and(|k| lx.gazetteer.places[k].capital == Some(c))),
                _ => false,
            });
            if elsewhere {
                previous_places = None;
            }
        }
        if let Some(first) = found.first() {
            let named = matches!(
                first.ex().places_from,
                PlacesFrom::Clause | PlacesFrom::Sentence | PlacesFrom::Parts
            );
            let shared = found.iter().all(|c| c.places == first.places);
            previous_places = (named && shared).then(|| {
                let ids = first
                    .places
                    .iter()
                    .filter_map(|p| lx.gazetteer.find(p))
                    .collect();
                (sd.paragraph, (ids, first.ex().places.clone()))
            });
        }
        // What gave each field is needed while the sentence is read; kept after it only when
        // asked for (`--explain`), being most of a claim's memory.
        claims.extend(found.into_iter().map(|mut c| {
            c.time_written = !c.ex().time.is_empty();
            if !explain {
                c.explanation = None;
            }
            c
        }));
        if let Some(frame) = sentence_frame(&sd.tokens, &sd.places)
            && let PlaceRef::Named(id) = frame.place
        {
            paragraph_frame = Some((
                sd.paragraph,
                (vec![id], vec![article.norm.to_original(frame.span)]),
            ));
        }
        if let Some(city) = sd
            .place_names
            .iter()
            .rev()
            .find(|p| !lx.gazetteer.is_country(p.2))
        {
            last_city = Some(city.2);
        }
        if let Some((w, s)) = time.window_start {
            previous_window = Some((sd.paragraph, w, s));
        }
        if let Some(e) = sd
            .tokens
            .iter()
            .rev()
            .map(|t| lx.lemma(&t.lower))
            .find(|l| lx.events.contains(*l) && !lx.times.contains(*l))
        {
            recent_event = Some(e.to_owned());
        }
    }
    let days = match country {
        Some(c) => {
            let name = lx.gazetteer.name(c).to_owned();
            let mut days: Vec<(String, chrono::NaiveDate)> = data
                .iter()
                .flat_map(|d| d.dates.iter())
                .filter(|m| m.days.is_day() && m.bare_weekday.is_none())
                .map(|m| (name.clone(), m.days.first))
                .collect();
            days.sort();
            days.dedup();
            days
        }
        None => Vec::new(),
    };
    Extraction {
        claims,
        diagnostics,
        days,
        present,
    }
}

/// `f` on each sentence with its tokens, in order, until it finds something. Tokens an
/// article does not `hold` are made again for the sentence and let go after it.
fn with_tokens<R>(
    article: &Article,
    data: &mut [SentenceData],
    hold: bool,
    mut f: impl FnMut(&SentenceData) -> Option<R>,
) -> Option<R> {
    for d in data.iter_mut() {
        if d.tokens.is_empty() {
            d.tokens = tokenize(article.norm_slice(d.norm_span), d.norm_span.start);
        }
        let found = f(d);
        if !hold {
            d.tokens = Vec::new();
        }
        if found.is_some() {
            return found;
        }
    }
    None
}

/// `f` on every sentence with its tokens, in order (see [`with_tokens`]).
fn with_tokens_mut(
    article: &Article,
    data: &mut [SentenceData],
    hold: bool,
    mut f: impl FnMut(&mut SentenceData),
) {
    for d in data.iter_mut() {
        if d.tokens.is_empty() {
            d.tokens = tokenize(article.norm_slice(d.norm_span), d.norm_span.start);
        }
        f(d);
        if !hold {
            d.tokens = Vec::new();
        }
    }
}

/// Whether a sentence joins two places or two actors with "et": "Les États-Unis et la
/// Grande-Bretagne", "les armées britannique et américaine".
fn names_a_pair(lx: &Lexicon, tokens: &[Token]) -> bool {
    let named =
        |k: usize| lx.gazetteer.forms.at(tokens, k).is_some() || lx.actors.at(tokens, k).is_some();
    tokens.iter().enumerate().any(|(k, t)| {
        lx.grammar.and.is(t)
            && (k.saturating_sub(4)..k).any(named)
            && (k + 1..(k + 4).min(tokens.len())).any(named)
    })
}

/// The country the article is about: the one its place names lie in most, named as a
/// location or not ("Espagne : 158 morts", "Yémen : les États-Unis ciblent…"); on a tie, the
/// first named.
fn dominant_country(lx: &Lexicon, data: &[SentenceData]) -> Option<PlaceId> {
    let mut counts: Vec<(PlaceId, usize)> = Vec::new();
    for &(_, _, place) in data.iter().flat_map(|d| {
        d.place_names
            .iter()
            .zip(&d.country_actor)
            .filter(|(_, actor)| !**actor)
            .map(|(p, _)| p)
    }) {
        let country = lx.gazetteer.country(place);
        match counts.iter_mut().find(|(c, _)| *c == country) {
            Some((_, n)) => *n += 1,
            None => counts.push((country, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max();
    match best {
        Some(best) => counts.into_iter().find(|(_, n)| *n == best).map(|(c, _)| c),
        // Only countries as actors ("La France n'a pas connu de pluie"): they will do.
        None => data
            .iter()
            .flat_map(|d| d.place_names.iter())
            .map(|p| lx.gazetteer.country(p.2))
            .next(),
    }
}

/// Whether the gazetteer name at token `first` of a sentence is a country standing as an actor, not a
/// place: "les États-Unis et le Royaume-Uni ont frappé".
fn country_as_actor(
    lx: &Lexicon,
    tokens: &[Token],
    places: &[PlaceMention],
    names: &[(usize, usize, PlaceId)],
    first: usize,
) -> bool {
    first > 0
        && matches!(tokens[first - 1].lower.as_str(), "les" | "le" | "la" | "l'")
        && !places.iter().any(|p| p.first == first)
        && names
            .iter()
            .find(|p| p.0 == first)
            .is_some_and(|p| lx.gazetteer.is_country(p.2))
}

/// The place a sentence opens on, before a comma: "Dans la capitale, …", "À Paris, …".
fn sentence_frame<'p>(tokens: &[Token], places: &'p [PlaceMention]) -> Option<&'p PlaceMention> {
    let first = places.first().filter(|p| p.first <= 3 && !p.partial)?;
    let comma =
        (first.first + 1..tokens.len().min(first.first + 8)).find(|&k| tokens[k].is(","))?;
    let figure_before = tokens[..comma].iter().any(|t| t.kind == TokenKind::Digits);
    (!figure_before).then_some(first)
}

/// Places with the spans that named them.
type NamedPlaces = (Vec<PlaceId>, Vec<Span>);

/// What holds for the whole article.
struct ArticleContext<'a> {
    lx: &'a Lexicon,
    article: &'a Article,
    /// The days the article may be from.
    reference: Option<DayInterval>,
    /// The date of the text that narrowed the header's month, if one did.
    narrowed_by: Option<Span>,
    /// The country it is about.
    country: Option<PlaceId>,
    /// Whether it reports a toll.
    toll: bool,
    default_source: Option<String>,
    /// The day of the news it reports, when it names one.
    news_day: Option<(DayInterval, Span)>,
    /// For an article dated only to its month, the first weekday it writes for its own time,
    /// the words (in the original text) and the weekday.
    present_weekday: Option<(DayInterval, Span, Option<chrono::Weekday>)>,
}

struct SentenceContext<'a> {
    ac: &'a ArticleContext<'a>,
    sd: &'a SentenceData,
    time: &'a SentenceTime,
    /// The sources the sentence names.
    sources: &'a [ResolvedSource],
    /// The places of the last figure of the sentence before, in the same paragraph, when
    /// its text named them.
    previous_places: Option<&'a NamedPlaces>,
    inherited_window: Option<(DayInterval, Span)>,
    recent_words: &'a HashSet<&'a str>,
    pair_before: bool,
    recent_event: Option<&'a str>,
    /// What the last figure of the sentence before counted, in the same paragraph or a
    /// heading before it.
    previous_counted: Option<&'a Antecedent>,
    /// The place an earlier sentence of the paragraph opened on ("Dans la capitale, …").
    paragraph_frame: Option<&'a NamedPlaces>,
    /// The last place below a country the article named before the sentence.
    last_city: Option<PlaceId>,
    /// The last day of an event the article named before the sentence, with the weekday it
    /// was read from.
    last_event_day: Option<(DayInterval, Span, Option<chrono::Weekday>)>,
    /// When the article last said its figures were given, with the weekday it was read from.
    /// The day the article last said a figure was given, the words that said it (in the
    /// original text) and their weekday when it gives only that.
    last_reported: Option<(DayInterval, Span, Option<chrono::Weekday>)>,
    /// The day the article's last casualty count held at, the words that gave it (in the
    /// original text) and their weekday when it gives only that.
    last_casualty_day: Option<(DayInterval, Span, Option<chrono::Weekday>)>,
    /// The past day the sentence before set in the pluperfect, when this one goes on in that
    /// tense without a date of its own.
    past_frame: Option<(DayInterval, Span, Option<chrono::Weekday>)>,
    /// The day the last toll the article dated held at, the words that gave it (in the
    /// original text) and the weekday it was read from.
    last_toll_day: Option<(DayInterval, Span, Option<chrono::Weekday>)>,
}

/// A source a sentence names, with "la même source" resolved.
struct ResolvedSource {
    name: String,
    mention: SourceMention,
}

/// What the previous figure of the sentence gives an elliptical one ("et 12 en Syrie").
#[derive(Clone)]
struct Antecedent {
    noun: Option<String>,
    head: Option<String>,
    noun_span: Option<Span>,
    qualifier: Qualifier,
    actors: Vec<(String, Span)>,
    predicate: Option<PredicateRead>,
    /// The last token of its noun phrase.
    end: usize,
}

/// A claim with what decided its kind, for the passes over a whole sentence.
struct ClaimRead {
    claim: Claim,
    signs: KindSigns,
    predicate_from: Option<PredicateFrom>,
    predicate_with_aux: bool,
}

/// A figure with what the sentence-level passes found for it.
struct Candidate {
    m: NumberMention,
    /// The noun a construction gives it ("la vingt-sixième attaque").
    counted: Option<String>,
    /// A noun and scale it takes from the next figure: "119 000 et 800 000 manifestants",
    /// "1,12 et 1,272 million de manifestants".
    borrowed: Option<(usize, f64)>,
}

impl SentenceContext<'_> {
    fn tokens(&self) -> &[Token] {
        &self.sd.tokens
    }

    /// Whether a figure without a noun continues the sentence before: "en" stands for it
    /// ("il en a trois"), a source follows it ("757 000, selon l'Intérieur"), it has a scale
    /// ("1,28 million"), or it opens the sentence as a subject ("À Paris, 19 ont été…").
    fn continues(&self, m: &NumberMention) -> bool {
        let lx = self.ac.lx;
        let tokens = self.tokens();
        let en = (1..m.first).any(|k| {
            lx.clitic_en.contains(tokens[k].lower.as_str())
                && lx.subject_pronouns.contains(tokens[k - 1].lower.as_str())
        });
        let after = |k: usize| tokens.get(m.last + k);
        let g = &lx.grammar;
        let sourced = g.source_markers.at(tokens, m.last + 1).is_some()
            || (after(1).is_some_and(|t| t.is(","))
                && g.source_markers.at(tokens, m.last + 2).is_some());
        let scaled = m.last > m.first && m.takes_de;
        let opens = tokens[..m.first]
            .iter()
            .all(|t| t.kind != TokenKind::Digits)
            && tokens[..m.first].iter().filter(|t| t.is(",")).count() <= 1
            && m.first <= 4
            && after(1).is_some_and(|t| lx.predicates.auxiliaries.contains(t.lower.as_str()));
        // "Deux d'entre eux ont été blessés": a part of what the sentence before counted.
        en || sourced || scaled || opens || part_of_antecedent(lx, tokens, m)
    }

    /// The figures of the sentence: numbers and constructions, without overlap.
    fn candidates(&self) -> Vec<Candidate> {
        let lx = self.ac.lx;
        let tokens = self.tokens();
        let extra = constructions(lx, tokens, self.recent_event);
        let mut all: Vec<Candidate> = find_numbers(lx, tokens)
            .into_iter()
            .filter(|m| {
                !extra
                    .iter()
                    .any(|(e, _)| e.first <= m.last && m.first <= e.last)
            })
            .map(|m| Candidate {
                m,
                counted: None,
                borrowed: None,
            })
            .collect();
        all.extend(extra.into_iter().map(|(m, counted)| Candidate {
            m,
            counted,
            borrowed: None,
        }));
        all.sort_by_key(|c| c.m.first);
        let numbers: Vec<NumberMention> = all.iter().map(|c| c.m.clone()).collect();
        let cx = MentionContext {
            lx,
            tokens,
            date_tokens: &self.time.date_tokens,
            place_names: &self.sd.place_names,
            recent_words: self.recent_words,
            pair_before: self.pair_before,
        };
        let keep: Vec<bool> = numbers
            .iter()
            .enumerate()
            .map(|(i, m)| not_a_claim(&cx, m, &numbers, i).is_none())
            .collect();
        let mut out: Vec<Candidate> = all
            .into_iter()
            .zip(keep)
            .filter_map(|(c, k)| k.then_some(c))
            .collect();
        // "119 000 et 800 000 manifestants": a figure without a noun, joined to the next,
        // shares its noun (and its scale, "1,12 et 1,272 million").
        for i in 0..out.len().saturating_sub(1) {
            let (a, b) = (&out[i].m, &out[i + 1].m);
            let joined = b.first > a.last + 1
                && tokens[a.last + 1..b.first]
                    .iter()
                    .all(|t| lx.grammar.and.is(t) || lx.grammar.or.is(t) || t.is(","));
            if !joined
                || noun_index(lx, tokens, a).is_some()
                || a.takes_de
                || range_end(lx, tokens, a, Some(b)).is_some()
            {
                continue;
            }
            if let Some(noun) = noun_index(lx, tokens, b) {
                let scale = (b.first + 1..=b.last)
                    .find_map(|k| lx.scales.get(tokens[k].lower.as_str()))
                    .copied()
                    .filter(|_| a.form == NumberForm::Digits && a.value < 1000.0)
                    .unwrap_or(1.0);
                out[i].borrowed = Some((noun, scale));
            }
        }
        out
    }

    fn claims(&self) -> Vec<Claim> {
        let tokens = self.tokens();
        let mentions = self.candidates();
        let mut out: Vec<ClaimRead> = Vec::new();
        let mut antecedent: Option<Antecedent> = None;
        let mut skip_next = false;
        for (mi, c) in mentions.iter().enumerate() {
            if skip_next {
                skip_next = false;
                continue;
            }
            // "entre 10 et 20", "de 10 à 20"
            let range_end = range_end(self.ac.lx, tokens, &c.m, mentions.get(mi + 1).map(|n| &n.m));
            if range_end.is_some() {
                skip_next = true;
            }
            let next_first = mentions
                .get(mi + if range_end.is_some() { 2 } else { 1 })
                .map_or(tokens.len(), |n| n.m.first);
            let prev_last = mi
                .checked_sub(1)
                .and_then(|p| mentions.get(p))
                .map_or(0, |p| p.m.last + 1);
            let source = self.source_of(&mentions, mi);
            let read = self.claim(c, range_end, prev_last, next_first, source, &mut antecedent);
            // A number that counts nothing written, not even by ellipsis, and has no unit, is
            // a score or a label ("2 à 0", "Ligue 1"): no rule could ask for it.
            if read.claim.noun.is_some() || read.claim.unit.is_some() {
                out.push(read);
            }
        }
        self.share_predicates(&mut out);
        let mut claims: Vec<Claim> = out.into_iter().map(|r| r.claim).collect();
        // "un précédent bilan faisait état de 632 morts et 329 blessés": coordinated figures
        // share the earlier state.
        for i in 1..claims.len() {
            let gap = Span::new(claims[i - 1].number.end, claims[i].number.start)
                .slice(&self.ac.article.text);
            let words: Vec<&str> = gap.split_whitespace().collect();
            let joined = words.len() <= 4
                && words
                    .last()
                    .is_some_and(|w| self.ac.lx.grammar.and.has(w) || w.ends_with(','));
            if claims[i - 1].previous && !claims[i].previous && joined {
                claims[i].previous = true;
                claims[i].ex_mut().previous = claims[i - 1].ex().previous;
            }
        }
        self.partition_places(&mut claims);
        self.distribute_dates(&mut claims);
        self.parts_share_time(&mut claims);
        claims
    }

    /// "18 drones, deux missiles de croisière et un missile balistique ont été abattus": the
    /// predicate after the last of coordinated figures is what happened to each of them.
    fn share_predicates(&self, reads: &mut [ClaimRead]) {
        let text = &self.ac.article.text;
        for i in (0..reads.len().saturating_sub(1)).rev() {
            let (head, tail) = reads.split_at_mut(i + 1);
            let (a, b) = (&mut head[i], &tail[0]);
            if a.claim.predicate.is_some()
                || b.predicate_from != Some(PredicateFrom::After)
                || !b.predicate_with_aux
            {
                continue;
            }
            let gap = Span::new(a.claim.number.end, b.claim.number.start).slice(text);
            let words: Vec<&str> = gap.split_whitespace().collect();
            let joined =
                words.len() <= 5 && words.last().is_some_and(|w| *w == "et" || w.ends_with(','));
            if !joined {
                continue;
            }
            a.claim.predicate = b.claim.predicate;
            a.claim.predicate_class = b.claim.predicate_class;
            a.predicate_from = b.predicate_from;
            a.predicate_with_aux = b.predicate_with_aux;
            a.signs.predicate = a.claim.predicate_class;
            a.claim.kind = kind(a.signs);
            if a.claim.kind != ClaimKind::Cumulative {
                a.claim.window_start = None;
            }
        }
    }

    /// "540 personnes ont été interpellées en France, dont 305 à Paris, …, a dit mardi": a
    /// part holds when its whole does, and is the same kind of figure.
    fn parts_share_time(&self, claims: &mut [Claim]) {
        let text = &self.ac.article.text;
        let g = &self.ac.lx.grammar;
        for i in 1..claims.len() {
            let gap = Span::new(claims[i - 1].number.end, claims[i].number.start).slice(text);
            let last = gap.split_whitespace().last().unwrap_or("");
            if !g.part_openers.has(last) || last == "(" {
                continue;
            }
            let (whole_kind, whole_as_of, whole_window) = (
                claims[i - 1].kind,
                claims[i - 1].as_of,
                claims[i - 1].window_start,
            );
            claims[i].kind = whole_kind;
            claims[i].as_of = whole_as_of;
            claims[i].window_start = whole_window;
            claims[i].ex_mut().time = claims[i - 1].ex().time.clone();
        }
    }

    /// "les 19 et 31 janvier, où les autorités avaient recensé respectivement 1,12 et 1,272
    /// million": the dates listed before "respectivement" go, in order, to the figures after.
    fn distribute_dates(&self, claims: &mut [Claim]) {
        let tokens = self.tokens();
        let lx = self.ac.lx;
        let Some(r) = tokens.iter().position(|t| lx.grammar.respectively.is(t)) else {
            return;
        };
        let dates: Vec<_> = self
            .time
            .event_days
            .iter()
            .filter(|d| d.first < r)
            .collect();
        let after: Vec<usize> = (0..claims.len())
            .filter(|&i| {
                claims[i].number.start >= self.ac.article.norm.to_original(tokens[r].span).end
            })
            .collect();
        // The last dates before it, as many as the figures after it.
        if after.len() < 2 || dates.len() < after.len() {
            return;
        }
        let listed = &dates[dates.len() - after.len()..];
        for (d, &i) in listed.iter().zip(&after) {
            claims[i].as_of = Some(d.days);
            claims[i].ex_mut().time = vec![self.ac.article.norm.to_original(d.span)];
        }
    }

    /// A total that names no place of its own, followed by its parts with theirs ("au moins
    /// 80 attaques – 30 en mer Rouge, 50 dans le golfe d'Aden"), covers their union. Parts
    /// after "dont" are a subset, not a partition: the total keeps its own scope.
    fn partition_places(&self, claims: &mut [Claim]) {
        let text = &self.ac.article.text;
        // "11 300 morts et 10 100 disparus dans la ville de Derna": coordinated figures share
        // the place written after the last of them; so does a part and its whole ("30 000
        // personnes déplacées parmi les 100 000 habitants de Derna").
        for i in (0..claims.len().saturating_sub(1)).rev() {
            let gap = Span::new(claims[i].number.end, claims[i + 1].number.start).slice(text);
            let words: Vec<&str> = gap.split_whitespace().collect();
            let g = &self.ac.lx.grammar;
            let part_of = g.partitive.in_words(&words);
            let joined =
                (words.last().is_some_and(|w| g.and.has(w)) && words.len() <= 3) || part_of;
            if joined
                && !matches!(
                    claims[i].ex().places_from,
                    PlacesFrom::Clause | PlacesFrom::Parts
                )
                && claims[i + 1].ex().places_from == PlacesFrom::Clause
            {
                claims[i].places = claims[i + 1].places;
                claims[i].countries = claims[i + 1].countries;
                claims[i].within = claims[i + 1].within;
                claims[i].ex_mut().places = claims[i + 1].ex().places.clone();
                claims[i].ex_mut().places_from = PlacesFrom::Clause;
            }
        }
        // "À Paris, … ont annoncé 119 000 et 800 000 manifestants", "les décès à Derna à 3 958
        // au lieu de 11 000": the second figure of a pair shares the place of the first.
        for i in 1..claims.len() {
            let gap = Span::new(claims[i - 1].number.end, claims[i].number.start).slice(text);
            let words: Vec<&str> = gap.split_whitespace().collect();
            let g = &self.ac.lx.grammar;
            if (words.last().is_some_and(|w| g.and.has(w)) || g.instead.ends_words(&words))
                && words.len() <= 4
                && !matches!(
                    claims[i].ex().places_from,
                    PlacesFrom::Clause | PlacesFrom::Sentence
                )
                && matches!(
                    claims[i - 1].ex().places_from,
                    PlacesFrom::Clause | PlacesFrom::Sentence
                )
            {
                claims[i].places = claims[i - 1].places;
                claims[i].countries = claims[i - 1].countries;
                claims[i].within = claims[i - 1].within;
                claims[i].ex_mut().places = claims[i - 1].ex().places.clone();
                claims[i].ex_mut().places_from = claims[i - 1].ex().places_from;
            }
        }
        for i in 0..claims.len() {
            if claims[i].ex().places_from == PlacesFrom::Clause {
                continue;
            }
            let after = Span::new(claims[i].number.end, text.len());
            let opener = after
                .slice(text)
                .trim_start_matches(|c: char| c.is_alphabetic() || c.is_whitespace())
                .chars()
                .next();
            if !matches!(opener, Some('–' | '—' | ':' | '(')) {
                continue;
            }
            let mut union: Vec<Name> = Vec::new();
            for part in &claims[i + 1..] {
                if part.ex().places_from != PlacesFrom::Clause {
                    break;
                }
                for p in &part.places {
                    if !union.contains(p) {
                        union.push(*p);
                    }
                }
            }
            if union.len() > 1 {
                let lx = self.ac.lx;
                claims[i].countries = countries_of(lx, &union);
                claims[i].within = within_of(lx, &union);
                claims[i].places = Names::new(&union);
                claims[i].ex_mut().places_from = PlacesFrom::Parts;
            }
        }
    }

    /// The source of figure `mi`. A source written after figures covers them back to the
    /// source before it ("757 000 …, dont 57 000 à Paris, selon le ministère"; "…, a indiqué
    /// le ministère"), or back to the comma when it follows its figure without one ("1,12
    /// million selon l'Intérieur, 2 millions selon la CGT"); a source written before figures
    /// covers them up to the next source ("Selon le communiqué, …", "La CGT revendique 2
    /// millions"). Without one, the article's own source applies.
    fn source_of(&self, figures: &[Candidate], mi: usize) -> Option<(&str, Option<Span>)> {
        let tokens = self.tokens();
        let f = &figures.get(mi)?.m;
        let sources = self.sources;
        let figure_between =
            |a: usize, b: usize| figures.iter().any(|g| g.m.first >= a && g.m.last < b);
        // Whether a mention covers the figures before it.
        let backward = |k: usize| {
            let s = &sources[k].mention;
            match s.role {
                SourceRole::Inverted => true,
                SourceRole::Subject => false,
                SourceRole::Opener => {
                    let since = k.checked_sub(1).map_or(0, |p| sources[p].mention.last + 1);
                    figure_between(since, s.first)
                }
            }
        };
        let quote = |t: &Token| matches!(t.lower.as_str(), "\"" | "«" | "»" | "'");
        // The first source after the figure, when it looks back and reaches it.
        let mut back = None;
        if let Some(k) = sources.iter().position(|s| s.mention.first > f.last)
            && backward(k)
        {
            let s = &sources[k].mention;
            let since = k.checked_sub(1).map_or(0, |p| sources[p].mention.last + 1);
            let tight = s.role == SourceRole::Opener
                && s.first > 0
                && (tokens[s.first - 1].kind != TokenKind::Punct || quote(&tokens[s.first - 1]));
            let reach = if tight {
                (since..s.first)
                    .rev()
                    .find(|&j| tokens[j].kind == TokenKind::Punct && !quote(&tokens[j]))
                    .map_or(since, |j| j + 1)
                    .max(since)
            } else {
                since
            };
            if f.first >= reach {
                back = Some(k);
            }
        }
        // The last source before the figure, when it looks forward.
        let forward = sources
            .iter()
            .rposition(|s| s.mention.last < f.first)
            .filter(|&k| !backward(k));
        // A medium that relays what a named source said (", a rapporté BFM TV") is not the
        // figure's source when the source is named before it.
        let relay = back.is_some_and(|k| {
            kind_of(self.ac.lx, &sources[k].name) == Some(crate::SourceKind::Media)
        });
        let chosen = match (back, forward) {
            (Some(_), Some(fw)) if relay => fw,
            (Some(b), _) => b,
            (None, Some(fw)) => fw,
            (None, None) => return None,
        };
        let s = &sources[chosen];
        // "les forces de l'ordre et les syndicats ont annoncé 119 000 et 800 000
        // manifestants": coordinated sources go, in order, to the figures they cover.
        if Some(chosen) == forward && !s.mention.others.is_empty() {
            let next = sources
                .get(chosen + 1)
                .map_or(usize::MAX, |n| n.mention.first);
            let covered: Vec<usize> = (0..figures.len())
                .filter(|&g| figures[g].m.first > s.mention.last && figures[g].m.last < next)
                .collect();
            if covered.len() == s.mention.others.len() + 1
                && let Some(pos) = covered.iter().position(|&g| g == mi)
                && pos > 0
            {
                return Some((s.mention.others[pos - 1].as_str(), Some(s.mention.span)));
            }
        }
        Some((s.name.as_str(), Some(s.mention.span)))
    }

    fn claim(
        &self,
        c: &Candidate,
        range_end: Option<&NumberMention>,
        prev_last: usize,
        next_first: usize,
        source: Option<(&str, Option<Span>)>,
        antecedent: &mut Option<Antecedent>,
    ) -> ClaimRead {
        let lx = self.ac.lx;
        let tokens = self.tokens();
        let article = self.ac.article;
        let m = &c.m;
        let orig = |s: Span| article.norm.to_original(s);
        let last = range_end.map_or(m.last, |r| r.last);
        // "des milliers": the determiner is written, the number is "milliers".
        let number_first = if matches!(m.form, NumberForm::Vague { .. })
            && m.first < m.last
            && lx
                .vague_determiners
                .contains(tokens[m.first].lower.as_str())
        {
            m.first + 1
        } else {
            m.first
        };
        let number_norm = tokens[number_first].span.cover(tokens[last].span);
        let qualifier_found = qualifier_before(lx, tokens, m);
        let mut explanation = Explanation {
            article_date: self.ac.narrowed_by,
            sentence_cut: self.sd.cut,
            ..Explanation::default()
        };
        // Parts after "dont" or in parentheses keep their own qualifier: "au moins 406
        // policiers, dont 305 à Paris".
        let part = m.first.checked_sub(1).is_some_and(|p| {
            lx.grammar.part_openers.is(&tokens[p])
                || (tokens[p].lower == "," && p > 0 && lx.grammar.part_openers.is(&tokens[p - 1]))
        });

        // Qualifier and interval.
        let (mut qualifier, vague) = match (m.form, range_end) {
            (_, Some(_)) => (Qualifier::Range, None),
            (NumberForm::Vague { low, high }, _) => (Qualifier::Vague, Some((low, high))),
            (NumberForm::Zero | NumberForm::Ordinal, _) => (Qualifier::Exact, None),
            (NumberForm::ApproxNoun, _) => {
                (qualifier_found.map_or(Qualifier::Approx, |q| q.0), None)
            }
            _ => (qualifier_found.map_or(Qualifier::Exact, |q| q.0), None),
        };
        if let Some((_, start)) = qualifier_found {
            explanation.qualifier = Some(orig(
                tokens[start]
                    .span
                    .cover(tokens[start.max(m.first.saturating_sub(1))].span),
            ));
        }

        // Counted noun: written after the figure, given by a construction, shared with the
        // next figure, the whole it is a part of, the antecedent's when it was left out, or
        // that of "le nombre de morts a atteint…".
        let noun_at = match m.form {
            NumberForm::Zero => zero_noun(lx, tokens, m),
            NumberForm::Ordinal => None,
            _ => noun_index(lx, tokens, m),
        };
        let noun_at = noun_at
            .or_else(|| range_end.and_then(|r| noun_index(lx, tokens, r)))
            .or(c.borrowed.map(|(k, _)| k));
        let value = m.value * c.borrowed.map_or(1.0, |(_, s)| s);
        let mut noun = c.counted.clone();
        let mut head = None;
        let mut noun_span = None;
        if let Some(k) = noun_at {
            let lemma = lx.lemma(&tokens[k].lower);
            noun_span = Some(tokens[k].span);
            if lx.times.contains(tokens[k].lower.as_str()) {
                noun = Some(verb_noun(lx, tokens, m).unwrap_or_else(|| lemma.to_owned()));
            } else {
                noun = Some(lemma.to_owned());
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
        let np_end = noun_phrase_end(lx, tokens, noun_at.unwrap_or(last), next_first);
        // "21 missiles et drones": the things counted together.
        let mut counted_with: Vec<String> = match noun_at {
            Some(k) if !state_applied && c.borrowed.is_none() => {
                coordinated_nouns(lx, tokens, k, next_first)
                    .into_iter()
                    .map(|j| lx.lemma(&tokens[j].lower))
                    .filter(|l| Some(*l) != noun.as_deref())
                    .map(str::to_owned)
                    .collect()
            }
            _ => Vec::new(),
        };
        counted_with.sort();
        counted_with.dedup();
        let mut actors = find_actors(lx, tokens, last + 1, np_end);
        let mut inherited_predicate = None;
        let mut shared_predicate = None;
        if (noun.is_none() || part_of_antecedent(lx, tokens, m))
            && let Some(a) = antecedent.as_ref()
        {
            noun = a.noun.clone();
            head = a.head.clone();
            noun_span = a.noun_span;
            explanation.noun_inherited = true;
            if qualifier == Qualifier::Exact
                && qualifier_found.is_none()
                && !part
                && !matches!(a.qualifier, Qualifier::Range | Qualifier::Vague)
                && !matches!(m.form, NumberForm::Zero | NumberForm::Fraction)
            {
                qualifier = a.qualifier;
            }
            if actors.is_empty() {
                actors = a.actors.clone();
            }
        }
        if let Some(a) = antecedent.as_ref() {
            inherited_predicate = a.predicate.clone();
            // "environ 11 300 morts et 10 100 disparus": the qualifier is distributed; "ont
            // abattu 21 missiles (…) ainsi qu'un drone": so is the verb.
            let mut between = if a.end < m.first {
                &tokens[a.end + 1..m.first]
            } else {
                &[][..]
            };
            // "(2 croisières et 1 balistique) ainsi qu'un drone"
            if let [close, rest @ ..] = between
                && close.is(")")
            {
                between = rest;
            }
            let joined = between.len() == 1 && lx.grammar.and.is(&between[0]);
            let listed = joined
                || lx.grammar.also.at(between, 0) == Some(between.len()).filter(|&n| n > 0)
                || (between.len() == 1 && between[0].is(","));
            if listed {
                shared_predicate = a.predicate.clone();
            }
            if joined
                && qualifier_found.is_none()
                && qualifier == Qualifier::Exact
                && matches!(m.form, NumberForm::Digits | NumberForm::Words)
                && !matches!(
                    a.qualifier,
                    Qualifier::Range | Qualifier::Vague | Qualifier::Exact
                )
            {
                qualifier = a.qualifier;
            }
        }
        let count_noun = count_noun_before(lx, tokens, m.first);
        if noun.is_none()
            && let Some(k) = count_noun.or_else(|| group_noun_before(lx, tokens, m.first))
        {
            noun = Some(lx.lemma(&tokens[k].lower).to_owned());
            noun_span = Some(tokens[k].span);
            explanation.noun_inherited = true;
        }
        // A figure with no noun in its sentence continues what the sentence before counted,
        // when the language says so: "il en a trois", "757 000, selon l'Intérieur", "1,28
        // million le 7 mars", "À Paris, 19 ont été envoyés à l'hôpital".
        if noun.is_none()
            && let Some(before) = self.previous_counted
            && self.continues(m)
        {
            noun = before.noun.clone();
            head = before.head.clone();
            explanation.noun_inherited = true;
            // The sentence before says what it counted, not what happened to this one.
            let _ = &before.predicate;
        }
        // Money, shares, points; "25 % de la ville" counts the city.
        let unit = crate::fields::unit::read(lx, tokens, m);
        if let Some(u) = unit {
            explanation.unit = Some(orig(
                tokens[m.last.min(u.last)].span.cover(tokens[u.last].span),
            ));
            if noun.is_none()
                && u.unit != crate::Unit::Share
                && let Some(k) = crate::fields::counted::noun_after(lx, tokens, u.last)
            {
                noun = Some(lx.lemma(&tokens[k].lower).to_owned());
                noun_span = Some(tokens[k].span);
            }
        }
        if actors.is_empty() {
            actors = find_actors(lx, tokens, 0, tokens.len());
        }
        explanation.noun = noun_span.map(orig);
        explanation.actors = actors.iter().map(|(_, s)| orig(*s)).collect();

        // What happened to the counted thing.
        let figure = Figure {
            first: qualifier_found.map_or(m.first, |(_, s)| s),
            noun_end: noun_at.unwrap_or(last),
            noun: noun_at,
            count_noun,
            clause_start: prev_last,
            clause_end: self.spread_end(noun_at.unwrap_or(last).max(last), next_first),
        };
        let predicate = crate::fields::predicate::read(
            lx,
            tokens,
            figure,
            inherited_predicate
                .as_ref()
                .filter(|_| noun_at.is_none() || part),
            shared_predicate.as_ref(),
        );
        // "De son côté, la CGT avance le chiffre de 550 000 personnes": a figure a count noun
        // governs restates the last count of the same noun; of people who demonstrated, it
        // counts them too (what happened stays unwritten).
        let restated_participants = predicate.is_none()
            && restates_count(lx, tokens, qualifier_found.map_or(m.first, |(_, s)| s))
            && self.previous_counted.is_some_and(|before| {
                before.noun.is_some()
                    && before.noun == noun
                    && before
                        .predicate
                        .as_ref()
                        .and_then(|p| lx.predicates.class(&p.lemma))
                        == Some(PredicateClass::Demonstrated)
            });
        explanation.predicate = predicate.as_ref().and_then(|p| p.span).map(orig);
        let predicate_class = predicate
            .as_ref()
            .and_then(|p| lx.predicates.class(&p.lemma));

        if !explanation.noun_inherited && (noun.is_some() || predicate.is_some()) {
            *antecedent = Some(Antecedent {
                noun: noun.clone(),
                head: head.clone(),
                noun_span,
                qualifier,
                actors: actors.clone(),
                predicate: predicate.clone(),
                end: noun_at.unwrap_or(last),
            });
        } else if let Some(a) = antecedent.as_mut()
            && predicate.is_some()
        {
            a.predicate = predicate.clone();
        }

        let interval = interval_of(lx, qualifier, value, vague, range_end.map(|r| r.value));

        // Places: the figure's own clause, then before it in the sentence, then the sentence
        // before, then the country the article is about.
        let (place_ids, from, spans) = self.places(m, last, noun_at, prev_last, next_first);
        let places: Vec<String> = place_ids
            .iter()
            .map(|&p| lx.gazetteer.name(p).to_owned())
            .collect();
        let countries = countries_of(lx, &places);
        // (Places carried from an earlier sentence keep the original spans they were read at.)
        explanation.places = if from == PlacesFrom::PreviousSentence {
            spans
        } else {
            spans.into_iter().map(orig).collect()
        };
        explanation.places_from = from;

        // Time and kind.
        // What is counted, as written: "24 policiers ont été blessés" counts policemen (what
        // happened to them is the predicate's), "27 attaques" counts events.
        let written_noun = if state_applied {
            head.as_deref()
        } else {
            noun.as_deref()
        };
        let event_noun = written_noun.is_some_and(|n| lx.events.contains(n))
            || noun_at.is_some_and(|k| lx.times.contains(tokens[k].lower.as_str()));
        let change_in_np = (last + 1..np_end.max(last + 1) + 2)
            .any(|k| lx.change_markers.iter().any(|w| phrase_at(tokens, k, w)));
        // The sentence's time without the dates that qualify another noun after the figure's
        // noun ("… soldats qui combattent avec la coalition lancée en 2014").
        let figure_time = self.time.for_figure(noun_at.unwrap_or(last).max(last));
        let own_window = figure_time.window_start;
        // A sentence that dates its figures a season or more before the article.
        let historic = self.ac.reference.and_then(|r| {
            figure_time.event_days.iter().find(|d| {
                d.explicit_year && r.first.signed_duration_since(d.days.last).num_days() > 60
            })
        });
        let signs = KindSigns {
            event_noun,
            // "1,2 million de manifestants", "deux millions de personnes dans la rue".
            participants: restated_participants
                || written_noun.is_some_and(|n| lx.participants.contains(n))
                || noun_at.is_some_and(|n| {
                    // Inside the noun phrase ("personnes dans la rue"), or after its verb
                    // ("personnes étaient dans la rue").
                    let mut k = n + 1;
                    while k <= n + 3
                        && tokens.get(k).is_some_and(|t| {
                            lx.grammar.auxiliaries.is(t) || lx.grammar.is_participle(&t.lower)
                        })
                    {
                        k += 1;
                    }
                    lx.grammar.in_the_street.at(tokens, k).is_some()
                        || (n + 1..=np_end.max(n + 1).min(n + 3))
                            .any(|k| lx.grammar.in_the_street.at(tokens, k).is_some())
                }),
            predicate: predicate_class,
            ordinal: m.form == NumberForm::Ordinal,
            window: own_window.is_some(),
            cumulative_marker: figure_time.cumulative_marker.is_some(),
            sum_marker: figure_time.sum_marker.is_some(),
            toll: self.ac.toll,
            change: change_in_np || crate::fields::unit::is_change(lx, tokens, m),
            historic: historic.is_some(),
        };
        let kind = kind(signs);
        let mut window_start = None;
        if kind == ClaimKind::Cumulative {
            let w = own_window.or(self.inherited_window);
            if let Some((days, span)) = w {
                window_start = Some(days);
                explanation.time.push(orig(span));
            }
            for s in [figure_time.cumulative_marker, figure_time.sum_marker]
                .into_iter()
                .flatten()
            {
                explanation.time.push(orig(s));
            }
        }
        let clause = (prev_last, next_first);
        // The day of the event it counts: a day its sentence names that is not only when it
        // was reported, else the last event day the article named.
        let day_of_event = figure_time
            .event_day(clause)
            .map(|(d, s)| (d, s, None))
            .or(self.past_frame)
            .or(self
                .last_event_day
                .or(self.ac.news_day.map(|(d, s)| (d, s, None)))
                .filter(|_| kind == ClaimKind::Event || m.form == NumberForm::Ordinal));
        let mut casualty_toll = false;
        let mut as_of_span: Option<Span> = None;
        let mut carried_weekday: Option<chrono::Weekday> = None;
        let as_of = match (kind, figure_time.as_of) {
            _ if historic.is_some() => historic.map(|d| {
                explanation.time.push(orig(d.span));
                d.days
            }),
            (_, Some((d, s))) => {
                explanation.time.push(orig(s));
                Some(d)
            }
            // A running total holds at the day it was given ("selon les chiffres communiqués
            // samedi", "à 22 heures samedi soir"), never at the day of its event.
            // Without a day of its own, it holds at the last toll's day the article gave ("…
            // communiqués samedi matin. 51 personnes se trouvent dans un état grave").
            // ("la vingt-sixième attaque" numbers an event: it holds at that event's day.)
            (ClaimKind::Cumulative, None) if m.form != NumberForm::Ordinal => {
                match figure_time.toll_day(clause) {
                    Some((d, s)) => {
                        explanation.time.push(orig(s));
                        as_of_span = Some(s);
                        Some(d)
                    }
                    None => match self.last_toll_day {
                        // (The span is already the original text's.)
                        Some((d, s, wd)) => {
                            explanation.time.push(s);
                            carried_weekday = wd;
                            Some(d)
                        }
                        // The article's own weekday, for the corpus's calendar to fix; until it
                        // does, the article's days.
                        None => {
                            carried_weekday = self.ac.present_weekday.and_then(|p| p.2);
                            self.ac.reference
                        }
                    },
                }
            }
            // The death toll of one event holds when it was given, for the dead of an attack
            // may still rise ("Trois marins ont péri dans une attaque mercredi, a déclaré
            // jeudi l'armateur"): the day the sentence reports it, else the last report the
            // article dated, else the article's day; the day of the attack is its event date.
            // (The wounded of a day are counted at that day: "406 policiers blessés lundi".)
            // A casualty count in a sentence that dates nothing holds when the last one did
            // ("… a déclaré jeudi l'armateur. Deux autres membres d'équipage ont été
            // gravement blessés").
            (ClaimKind::Event, None)
                if m.form != NumberForm::Ordinal
                    && is_casualty(predicate_class)
                    && figure_time.event_days.is_empty()
                    && self.last_casualty_day.is_some() =>
            {
                casualty_toll = true;
                self.last_casualty_day.map(|(d, s, wd)| {
                    explanation.time.push(s);
                    carried_weekday = wd;
                    d
                })
            }
            (ClaimKind::Event, None)
                if m.form != NumberForm::Ordinal
                    && predicate_class == Some(PredicateClass::Death) =>
            {
                let given = figure_time
                    .reported_day(clause)
                    .map(|d| (d.days, orig(d.span), d.bare_weekday))
                    .or(self.last_reported);
                casualty_toll = true;
                match given {
                    Some((d, s, wd)) => {
                        explanation.time.push(s);
                        carried_weekday = wd;
                        Some(d)
                    }
                    None => self.ac.reference,
                }
            }
            // The count of one event holds at its day; without one in its sentence, at the
            // last event day the article named ("…lancés mardi soir. La marine a abattu au
            // total 21 missiles").
            (_, None) => match day_of_event {
                Some((d, s, wd)) => {
                    explanation.time.push(orig(s));
                    as_of_span = Some(s);
                    carried_weekday = wd;
                    Some(d)
                }
                None => self.ac.reference,
            },
        };
        // When it was given: when the sentence says so, else when the article last said so
        // ("Darmanin a déclaré jeudi soir que … Il a fait savoir aussi que 149 policiers…").
        let reported = figure_time
            .reported_day(clause)
            .map(|d| (d.days, d.bare_weekday))
            .or(self.last_reported.map(|(d, _, wd)| (d, wd)));
        // The day of the event it counts: the one its sentence names, or, for the count of one
        // event, the day it holds at.
        let event_date = match figure_time.event_date(clause) {
            Some((d, s)) => {
                explanation.event_date = Some(orig(s));
                Some(d)
            }
            // (A casualty toll holds when given: its event is the day the text names.)
            None if casualty_toll => day_of_event.map(|(d, _, _)| d),
            None if kind == ClaimKind::Event && as_of != self.ac.reference => as_of,
            None => None,
        };
        explanation.time.sort();
        explanation.time.dedup();

        let source = match source {
            Some((s, span)) => {
                explanation.source = span.map(orig);
                Some(s.to_owned())
            }
            None => self.ac.default_source.clone(),
        };
        let source_kind = source.as_deref().and_then(|s| kind_of(lx, s));
        // "un précédent bilan faisait état de 632 morts": an earlier state.
        let previous = (prev_last..m.first).find_map(|k| {
            lx.previous_markers
                .at(tokens, k)
                .map(|p| tokens[k].span.cover(tokens[k + p.words.len() - 1].span))
        });
        explanation.previous = previous.map(orig);

        let number = orig(number_norm);
        let written_start =
            qualifier_found.map_or(tokens[m.first].span.start, |(_, s)| tokens[s].span.start);
        let written = orig(Span::new(written_start, number_norm.end));
        let predicate_from = predicate.as_ref().map(|p| p.from);
        let predicate_with_aux = predicate.as_ref().is_some_and(|p| p.with_aux);
        let claim = Claim {
            id: ClaimId {
                article: article.id.clone(),
                offset: number.start,
            },
            article_date: article.date,
            article_days: self.ac.reference,
            number,
            written_start: written.start,
            value,
            interval,
            qualifier,
            noun: noun.as_deref().map(Name::new),
            head: head.as_deref().map(Name::new),
            counted_with: Names::of(&counted_with),
            actors: actors.into_iter().map(|(a, _)| a).collect(),
            within: within_of(lx, &places),
            places: Names::of(&places),
            countries,
            predicate: predicate.map(|p| Name::new(&lx.predicates.canonical(&p.lemma))),
            predicate_class,
            unit: unit.map(|u| u.unit),
            as_of,
            as_of_weekday: as_of_span
                .and_then(|s| figure_time.bare_weekday(s))
                .or(carried_weekday),
            reported: reported.map(|d| d.0),
            reported_weekday: reported.and_then(|d| d.1),
            event_date,
            window_start,
            kind,
            source: source.as_deref().map(Name::new),
            source_kind,
            previous: previous.is_some(),
            sentence_start: self.sd.sentence.start,
            quote: self.sd.quote.clone(),
            as_of_by_calendar: false,
            // Set once the sentence is read: its time is shared between its figures then.
            time_written: false,
            explanation: Some(Box::new(explanation)),
        };
        ClaimRead {
            claim,
            signs,
            predicate_from,
            predicate_with_aux,
        }
    }

    /// Where the clause of a figure whose noun ends at `noun_end` ends, when the next figure
    /// starts at `next_first`: there, unless a distributive participle spreads this figure
    /// over the next ("36 cibles réparties sur 13 sites au Yémen ont été attaquées": the
    /// targets are in Yemen and were attacked); then at the next punctuation.
    fn spread_end(&self, noun_end: usize, next_first: usize) -> usize {
        let lx = self.ac.lx;
        let tokens = self.tokens();
        let spread = tokens.get(noun_end + 1..next_first).is_some_and(|gap| {
            gap.first().is_some_and(|t| lx.grammar.distributive.is(t))
                && gap.iter().all(|t| t.kind == TokenKind::Word)
        });
        if spread {
            (next_first..tokens.len())
                .find(|&k| tokens[k].kind == TokenKind::Punct)
                .unwrap_or(tokens.len())
        } else {
            next_first
        }
    }

    /// The nearest target noun before `first` in the sentence followed by an actor with a
    /// home ("16 cibles houthies"), as that home.
    fn targets_before(&self, first: usize) -> Option<(PlaceId, Span)> {
        let lx = self.ac.lx;
        let tokens = self.tokens();
        (0..first).rev().find_map(|k| {
            if !lx.target_nouns.contains(lx.lemma(&tokens[k].lower)) {
                return None;
            }
            (k + 1..(k + 4).min(first)).find_map(|j| {
                let p = lx.actors.at(tokens, j)?;
                let home = lx.actor_homes.get(&p.value)?;
                let last = j + p.words.len() - 1;
                Some((*home, tokens[j].span.cover(tokens[last].span)))
            })
        })
    }

    /// The ground of the side whose targets an attack hit: the figure counts attacks or
    /// targets, and "contre" or a target noun is followed by an actor with a home ("60 frappes
    /// contre 16 cibles houthies", "16 cibles houthies", "des frappes sur des positions
    /// du Hezbollah"). Read up to the next comma, within a dozen words.
    fn target_side(&self, m: &NumberMention, noun_at: Option<usize>) -> Option<(PlaceId, Span)> {
        let lx = self.ac.lx;
        let tokens = self.tokens();
        let noun = &tokens[noun_at?].lower;
        let attack = crate::fields::predicate::carried(lx, noun)
            .is_some_and(|p| lx.predicates.class(&p) == Some(crate::PredicateClass::Attacked));
        let target = |t: &Token| lx.target_nouns.contains(lx.lemma(&t.lower));
        if !attack && !target(&tokens[noun_at?]) {
            return None;
        }
        let end = tokens.len().min(m.first + 14);
        let mut anchor = None;
        for k in m.first..end {
            let t = &tokens[k];
            if t.kind == TokenKind::Punct && !matches!(t.lower.as_str(), "\"" | "«" | "»") {
                return None;
            }
            if lx.predicates.target_links.contains(t.lower.as_str()) || target(t) {
                anchor = Some(k);
            }
            if let Some(a) = anchor
                && k > a
                && k <= a + 4
                && let Some(p) = lx.actors.at(tokens, k)
                && let Some(&home) = lx.actor_homes.get(&p.value)
            {
                let last = k + p.words.len() - 1;
                return Some((home, tokens[k].span.cover(tokens[last].span)));
            }
        }
        None
    }

    /// The places of a figure, where they came from, and the spans that named them: a place
    /// whose figure follows it in parentheses or after "avec" ("Taroudant (271)", "Al Haouz
    /// avec 394 victimes"); else the places of the figure's own clause (up to an incise that
    /// names the source, ", a indiqué…", or a new clause, "alors que…"); else the nearest
    /// place before it in the sentence, with those coordinated to it; else the sentence
    /// before; else what the article is about. A place named as only part of the scope
    /// ("principalement à Marrakech") is never one.
    fn places(
        &self,
        m: &NumberMention,
        last: usize,
        noun_at: Option<usize>,
        prev_last: usize,
        next_first: usize,
    ) -> (Vec<PlaceId>, PlacesFrom, Vec<Span>) {
        let lx = self.ac.lx;
        let tokens = self.tokens();
        let sd = self.sd;
        // "Taroudant (271)", "Al Haouz avec 394 victimes", "à Strasbourg où entre 12 400":
        // the place is that of the figure right after it.
        let owned_figure = |p: &(usize, usize, PlaceId)| -> Option<usize> {
            let mut k = p.1 + 1;
            if tokens.get(k).is_some_and(|t| t.is(",")) {
                k += 1;
            }
            if !tokens.get(k).is_some_and(|t| lx.grammar.place_owners.is(t)) {
                return None;
            }
            (k + 1..(k + 4).min(tokens.len())).find(|&j| {
                tokens[j].kind == TokenKind::Digits
                    || lx.cardinals.contains(tokens[j].lower.as_str())
            })
        };
        let owner = |p: &(usize, usize, PlaceId)| owned_figure(p).is_some();
        if let Some(p) = sd
            .place_names
            .iter()
            .find(|p| owned_figure(p) == Some(m.first))
        {
            return (
                vec![p.2],
                PlacesFrom::Clause,
                vec![tokens[p.0].span.cover(tokens[p.1].span)],
            );
        }
        let owned = |p: &PlaceMention| {
            sd.place_names
                .iter()
                .any(|r| r.0 == p.first && owner(r) && owned_figure(r) != Some(m.first))
        };
        // "selon la préfecture du Gard": where the source sits is not the figure's place.
        let in_source = |k: usize| {
            self.sources
                .iter()
                .any(|s| s.mention.first <= k && k <= s.mention.last)
        };
        let usable = |p: &&PlaceMention| !p.partial && !owned(p) && !in_source(p.first);
        let resolve = |ps: Vec<&PlaceMention>| -> (Vec<PlaceId>, Vec<Span>) {
            // "à Paris et en régions": the whole country.
            if let Some(n) = ps.iter().find(|p| p.place == PlaceRef::National)
                && let Some(c) = self.ac.country
            {
                return (vec![c], vec![n.span]);
            }
            let mut ids = Vec::new();
            let mut spans = Vec::new();
            for p in ps {
                let id = match p.place {
                    PlaceRef::Named(id) => Some(id),
                    PlaceRef::National | PlaceRef::Country => self.ac.country,
                    PlaceRef::Capital => {
                        self.ac.country.and_then(|c| lx.gazetteer.places[c].capital)
                    }
                    // "25 % de la ville": the last city named, in the sentence or before it.
                    PlaceRef::LastCity => sd
                        .place_names
                        .iter()
                        .rev()
                        .find(|n| n.0 < p.first && !lx.gazetteer.is_country(n.2))
                        .map(|n| n.2)
                        .or(self.last_city),
                };
                if let Some(id) = id.filter(|id| !ids.contains(id)) {
                    ids.push(id);
                    spans.push(p.span);
                }
            }
            // "la ville de Derna, dans l'est du pays": a place said to lie in another is the
            // figure's, not both.
            let gz = &lx.gazetteer;
            let keep: Vec<bool> = ids
                .iter()
                .map(|&a| !ids.iter().any(|&b| b != a && gz.is_within(b, a)))
                .collect();
            let mut k = keep.iter();
            ids.retain(|_| k.next().copied().unwrap_or(true));
            let mut k = keep.iter();
            spans.retain(|_| k.next().copied().unwrap_or(true));
            (ids, spans)
        };
        let next_first = self.spread_end(noun_at.unwrap_or(last).max(last), next_first);
        // The clause ends at the next figure, at an incise that names the source (", a
        // indiqué l'OIM dans un rapport sur l'est de la Libye", "selon…"), or at a new clause.
        let clause_end = (last + 1..next_first)
            .find(|&k| {
                let t = &tokens[k];
                (t.lower == ","
                    && (k + 1..(k + 4).min(tokens.len())).any(|j| {
                        lx.source_verbs.contains(tokens[j].lower.as_str())
                            && tokens[k + 1..j].iter().all(|a| {
                                lx.predicates.auxiliaries.contains(a.lower.as_str())
                                    || lx
                                        .grammar
                                        .inverted_pronouns
                                        .iter()
                                        .any(|p| a.lower.ends_with(p.as_str()))
                            })
                    }))
                    || lx.grammar.source_clause.is(t)
                    || (lx.grammar.new_clause.at(tokens, k).is_some()
                        && !lx.grammar.relatives.is(t))
                    // ", qui faisait route vers la Bulgarie": a relative clause of its own.
                    || (t.lower == ","
                        && tokens
                            .get(k + 1)
                            .is_some_and(|n| lx.grammar.relatives.is(n)))
            })
            .unwrap_or(next_first);
        let after: Vec<&PlaceMention> = sd
            .places
            .iter()
            .filter(|p| p.first > last && p.first < clause_end)
            .filter(usable)
            .collect();
        if let Some(first) = after.first() {
            // The first place, with those coordinated to it ("en Irak et en Syrie"); a place
            // further on lies in another phrase ("dans le golfe d'Aden lors d'une attaque au
            // large du Yémen").
            let mut chain = vec![*first];
            for p in after.iter().skip(1) {
                let prev_end = chain.last().map_or(p.first, |c| c.first);
                let gap = &tokens[prev_end + 1..p.first];
                if gap.len() > 6 || !gap.iter().any(|t| lx.grammar.and.is(t) || t.is(",")) {
                    break;
                }
                chain.push(*p);
            }
            let (ids, spans) = resolve(chain);
            return (ids, PlacesFrom::Clause, spans);
        }
        // "trois frappes contre des cibles houthies": an attack on a side's targets struck
        // where that side holds ground.
        if let Some((id, span)) = self.target_side(m, noun_at) {
            return (vec![id], PlacesFrom::Clause, vec![span]);
        }
        // A sentence that opens on a place frames its figures: "Dans la capitale, des heurts
        // ont éclaté…", "A Rennes, cinq interpellations ont eu lieu, rapporte la préfecture
        // d'Ille-et-Vilaine, qui précise qu'un policier a été blessé".
        if let Some(frame) = sentence_frame(tokens, &sd.places).filter(|f| f.first < m.first) {
            let (ids, spans) = resolve(vec![frame]);
            if !ids.is_empty() {
                return (ids, PlacesFrom::Sentence, spans);
            }
        }
        // The nearest place before the figure, with the places coordinated to it ("en Irak et
        // en Syrie, 102 attaques").
        let before: Vec<&PlaceMention> = sd
            .places
            .iter()
            .filter(|p| p.first >= prev_last && p.first < m.first)
            .filter(usable)
            .collect();
        if let Some(nearest) = before.last() {
            let mut chain = vec![*nearest];
            for p in before.iter().rev().skip(1) {
                let gap = &tokens[p.first + 1..chain[0].first];
                let coordinated =
                    gap.len() <= 6 && gap.iter().any(|t| lx.grammar.and.is(t) || t.is(","));
                if !coordinated {
                    break;
                }
                chain.insert(0, *p);
            }
            let (ids, spans) = resolve(chain);
            return (ids, PlacesFrom::Sentence, spans);
        }
        // "60 frappes contre 16 cibles houthies, avec plus de 100 munitions": the ground of the
        // targets named before the figure in its sentence.
        if let Some((id, span)) = self.targets_before(m.first) {
            return (vec![id], PlacesFrom::Sentence, vec![span]);
        }
        // A figure with no place of its own continues the place of the figure before it in
        // the paragraph ("… attaquées 40 fois en Irak et en Syrie. Jusqu'à présent, 56
        // militaires ont été blessés").
        if let Some((ids, spans)) = self.previous_places {
            return (ids.clone(), PlacesFrom::PreviousSentence, spans.clone());
        }
        // The place an earlier sentence of the paragraph opened on.
        if let Some((ids, spans)) = self.paragraph_frame {
            return (ids.clone(), PlacesFrom::PreviousSentence, spans.clone());
        }
        match self.ac.country {
            Some(c) => (vec![c], PlacesFrom::Article, Vec::new()),
            None => (Vec::new(), PlacesFrom::Nowhere, Vec::new()),
        }
    }
}

/// The places and every place they lie in, without repeats, in order.
fn within_of<S: AsRef<str>>(lx: &Lexicon, places: &[S]) -> Names {
    let mut out: Vec<String> = Vec::new();
    for p in places {
        for q in lx.enclosing(p.as_ref()) {
            if !out.contains(&q) {
                out.push(q);
            }
        }
    }
    Names::of(out)
}

/// The countries of places, without repeats, in order.
fn countries_of<S: AsRef<str>>(lx: &Lexicon, places: &[S]) -> Names {
    let mut out: Vec<String> = Vec::new();
    for p in places {
        let p = p.as_ref();
        let country = lx.country_of(p).unwrap_or_else(|| p.to_owned());
        if !out.contains(&country) {
            out.push(country);
        }
    }
    Names::of(out)
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

/// Whether the figure starting at `first` is a count noun's complement: "le chiffre de 550
/// 000 personnes", "un total de", "le nombre de".
fn restates_count(lx: &Lexicon, tokens: &[Token], first: usize) -> bool {
    first >= 2
        && lx.grammar.de.is(&tokens[first - 1])
        && lx.grammar.count_nouns.is(&tokens[first - 2])
}

/// Whether a predicate counts casualties: the dead or the wounded.
fn is_casualty(class: Option<PredicateClass>) -> bool {
    matches!(class, Some(PredicateClass::Death | PredicateClass::Wounded))
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
