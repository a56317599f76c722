//! Claims as an aligned table for people, optionally with what gave each field (`--explain`).

use std::io::{self, Write};

use recoupe_extractor::Claim;
use recoupe_parser::Span;

use crate::excerpt::excerpt;

/// Writes a table of claims. With `explain`, each claim is followed by the words that gave
/// its qualifier, noun, places, time and source; `text_of` returns an article's text.
///
/// # Errors
/// Errors of the writer.
pub fn render(
    claims: &[Claim],
    explain: bool,
    text_of: &dyn Fn(&Claim) -> Option<String>,
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
            c.written,
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
            let words = |s: Span| format!("«{}»", s.slice(&text));
            let e = &c.explanation;
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
            writeln!(
                w,
                "    qualifier: {}",
                e.qualifier.map_or(
                    format!("{} (no qualifier written)", c.qualifier.name()),
                    words
                )
            )?;
            let inherited = if e.noun_inherited {
                " (left out: taken from the figure before)"
            } else {
                ""
            };
            writeln!(
                w,
                "    noun:      {}{inherited}",
                e.noun.map_or("-".to_owned(), words)
            )?;
            writeln!(
                w,
                "    places:    {} (from the {})",
                list(&e.places),
                e.places_from.name()
            )?;
            writeln!(w, "    actors:    {}", list(&e.actors))?;
            writeln!(
                w,
                "    time:      {}",
                if e.time.is_empty() {
                    "the article's date".to_owned()
                } else {
                    list(&e.time)
                }
            )?;
            writeln!(
                w,
                "    source:    {}",
                e.source
                    .map_or("the article's byline, if any".to_owned(), words)
            )?;
        }
    }
    Ok(())
}
