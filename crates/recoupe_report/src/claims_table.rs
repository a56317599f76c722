//! Claims as an aligned table for people, optionally with what gave each field (`--explain`).

use std::io::{self, Write};

use recoupe_extractor::{Claim, PlacesFrom};
use recoupe_parser::Span;

use crate::excerpt::excerpt;

/// Writes a table of claims. With `explain`, each claim is followed by the words that gave
/// its qualifier, noun, places, time and source; `text_of` returns an article's text.
///
/// # Errors
/// Errors of the writer.
pub fn render<'t>(
    claims: &[Claim],
    explain: bool,
    text_of: &dyn Fn(&Claim) -> Option<&'t str>,
    w: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        w,
        "{:<28} {:<20} {:<17} {:<10} {:<12} {:<14} {:<23} {:<10} {:<12} sentence",
        "claim", "written", "interval", "qualifier", "noun", "places", "as of", "kind", "source"
    )?;
    for c in claims {
        let places = if c.places.is_empty() {
            "-".to_owned()
        } else {
            c.places.join("+")
        };
        writeln!(
            w,
            "{:<28} {:<20} {:<17} {:<10} {:<12} {:<14} {:<23} {:<10} {:<12} «{}»",
            c.id.to_string(),
            c.written(),
            c.interval.to_string(),
            c.qualifier.name(),
            c.noun.as_deref().unwrap_or("-"),
            places,
            c.as_of.map_or("undated".to_owned(), |d| d.to_string()),
            c.kind.name(),
            c.source.as_deref().unwrap_or("-"),
            excerpt(c, 80)
        )?;
        if explain {
            let text = text_of(c).unwrap_or_default();
            let words = |s: Span| format!("«{}»", s.slice(text));
            let e = c.ex();
            let list = |spans: &[Span]| {
                if spans.is_empty() {
                    "-".to_owned()
                } else {
                    spans
                        .iter()
                        .map(|s| words(*s))
                        .collect::<Vec<_>>()
                        .join(" ")
                }
            };
            let quoted = |s: Option<Span>| s.map_or(String::new(), |s| format!(" {}", words(s)));
            writeln!(
                w,
                "    qualifier: {}",
                e.qualifier.map_or(
                    format!("{} (no qualifier written)", c.qualifier.name()),
                    |s| format!("{} {}", c.qualifier.name(), words(s))
                )
            )?;
            let inherited = if e.noun_inherited {
                " (left out: taken from the figure before)"
            } else {
                ""
            };
            writeln!(
                w,
                "    noun:      {}{}{inherited}",
                c.noun.as_deref().unwrap_or("-"),
                quoted(e.noun)
            )?;
            let predicate = match (&c.predicate, c.predicate_class) {
                (Some(p), Some(class)) => format!("{p} ({class})"),
                (Some(p), None) => p.to_string(),
                (None, _) => "-".to_owned(),
            };
            let from = if c.predicate.is_some() && e.predicate.is_none() {
                " (taken from the figure before)"
            } else {
                ""
            };
            writeln!(w, "    predicate: {predicate}{}{from}", quoted(e.predicate))?;
            if let Some(u) = c.unit {
                writeln!(w, "    unit:      {u}{}", quoted(e.unit))?;
            }
            let within = if c.countries.is_empty() || c.countries == c.places {
                String::new()
            } else {
                format!(" in {}", c.countries.join("+"))
            };
            let from = match e.places_from {
                PlacesFrom::Clause => "from its clause",
                PlacesFrom::Sentence => "from its sentence",
                PlacesFrom::PreviousSentence => "from the sentence before",
                PlacesFrom::Parts => "from its parts",
                PlacesFrom::Article => "from the article",
                PlacesFrom::Nowhere => "none written",
            };
            if c.places.is_empty() {
                writeln!(w, "    places:    - ({from})")?;
            } else {
                writeln!(
                    w,
                    "    places:    {}{within} {} ({from})",
                    c.places.join("+"),
                    list(&e.places),
                )?;
            }
            writeln!(w, "    actors:    {}", list(&e.actors))?;
            let window = c
                .window_start
                .map_or(String::new(), |d| format!(", since {d}"));
            let calendar = if c.as_of_by_calendar {
                match c.as_of_weekday {
                    Some(wd) => format!(" (the {wd:?} the corpus dates its figures on)"),
                    None => " (the day its article speaks from, by the corpus)".to_owned(),
                }
            } else {
                String::new()
            };
            writeln!(
                w,
                "    time:      {} {}{window}: {}{calendar}",
                c.kind.name(),
                c.as_of
                    .map_or("undated".to_owned(), |d| format!("as of {d}")),
                if e.time.is_empty() {
                    "the article's date".to_owned()
                } else {
                    list(&e.time)
                }
            )?;
            if let Some(d) = c.event_date {
                writeln!(
                    w,
                    "    event:     {d}{}",
                    e.event_date
                        .map_or(" (the day it holds at)".to_owned(), |s| format!(
                            " {}",
                            words(s)
                        ))
                )?;
            }
            if let (Some(header), Some(days)) = (c.article_date, c.article_days) {
                let narrowed = e
                    .article_date
                    .map_or(String::new(), |s| format!(", narrowed by {}", words(s)));
                writeln!(w, "    article:   {days} (header {header}{narrowed})")?;
            }
            if let Some(p) = e.previous {
                writeln!(
                    w,
                    "    earlier:   an earlier state, superseded {}",
                    words(p)
                )?;
            }
            if e.sentence_cut {
                writeln!(
                    w,
                    "    sentence:  cut: the text runs on for more than {} bytes without a full stop, so it is read in pieces",
                    recoupe_parser::MAX_SENTENCE_BYTES
                )?;
            }
            let kind = c.source_kind.map_or(String::new(), |k| format!(" [{k}]"));
            writeln!(
                w,
                "    source:    {}",
                match (&c.source, e.source) {
                    (Some(name), Some(s)) => format!("{name}{kind} {}", words(s)),
                    (Some(name), None) => format!("{name}{kind} (the article's)"),
                    (None, _) => "-".to_owned(),
                }
            )?;
        }
    }
    Ok(())
}
