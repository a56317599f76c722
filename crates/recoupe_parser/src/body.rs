//! From decoded text to paragraphs, boilerplate and sentences (shared by every input format).

use crate::{
    Article, ArticleId, Boilerplate, BoilerplateKind, NormText, Paragraph, ParagraphKind,
    PartialDate, Sentence, SourceEncoding, Span, boilerplate, sentences,
};

/// What an input format has read before the body.
pub(crate) struct Header {
    pub id: ArticleId,
    pub date: Option<PartialDate>,
    pub url: Option<String>,
    /// The lede's original span, if the format has one.
    pub lede: Option<Span>,
    /// Where the body starts in the original text.
    pub body_start: usize,
}

/// Builds the article from its decoded `text`.
pub(crate) fn build(header: Header, text: String, encoding: SourceEncoding) -> Article {
    let norm = NormText::new(&text);
    let mut paragraphs = Vec::new();
    if let Some(lede) = header.lede.filter(|s| !s.is_empty()) {
        paragraphs.push(Paragraph {
            span: lede,
            kind: ParagraphKind::Lede,
        });
    }
    for span in body_paragraphs(&text, header.body_start) {
        paragraphs.push(Paragraph {
            span,
            kind: ParagraphKind::Body,
        });
    }

    let mut marked: Vec<Boilerplate> = Vec::new();
    let mut byline = None;
    let mut sentences_out = Vec::new();
    let repeated = repeated_lede(&norm, &paragraphs);
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let nspan = norm.from_original(paragraph.span);
        if paragraph.kind == ParagraphKind::Lede && repeated {
            marked.push(Boilerplate {
                span: paragraph.span,
                kind: BoilerplateKind::RepeatedLede,
            });
            continue;
        }
        let ntext = nspan.slice(&norm.text);
        if byline.is_none() {
            byline = boilerplate::byline(ntext).map(str::to_owned);
        }
        let found = boilerplate::find(ntext, nspan.start);
        // Prose is what lies between the boilerplate.
        let mut cursor = nspan.start;
        let mut segments = Vec::new();
        for (bspan, kind) in &found {
            if bspan.start > cursor {
                segments.push(Span::new(cursor, bspan.start));
            }
            cursor = cursor.max(bspan.end);
            marked.push(Boilerplate {
                span: norm.to_original(*bspan),
                kind: *kind,
            });
        }
        if cursor < nspan.end {
            segments.push(Span::new(cursor, nspan.end));
        }
        for segment in segments {
            let seg_text = segment.slice(&norm.text);
            for (s, e, cut) in sentences::split(seg_text) {
                let norm_span = Span::new(segment.start + s, segment.start + e);
                sentences_out.push(Sentence {
                    span: norm.to_original(norm_span),
                    norm_span,
                    paragraph: index,
                    cut,
                });
            }
        }
    }
    marked.sort_by_key(|b| b.span);

    Article {
        id: header.id,
        date: header.date,
        url: header.url,
        text,
        norm,
        encoding,
        paragraphs,
        boilerplate: marked,
        sentences: sentences_out,
        byline,
        record_line: None,
    }
}

/// Spans of the paragraphs of `text` from `start`: runs of non-blank lines, trimmed. A line
/// that ends a sentence, or a short line without a full stop (a heading), ends its paragraph
/// too: web copy puts each paragraph on its own line; a hard-wrapped paragraph's lines run on.
fn body_paragraphs(text: &str, start: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut para: Option<(usize, usize)> = None;
    let mut offset = start;
    let body = text.get(start..).unwrap_or("");
    for line in body.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let content = line.trim();
        let ends_sentence = content
            .chars()
            .last()
            .is_some_and(|c| matches!(c, '.' | '!' | '?' | '»' | '"' | '”' | '…'));
        let heading = !ends_sentence && content.split_whitespace().count() <= 12;
        if content.is_empty() {
            if let Some((s, e)) = para.take() {
                out.push(trimmed(text, s, e));
            }
        } else if ends_sentence || heading {
            let line_end = line_start + line.trim_end().len();
            let (s, _) = para.take().unwrap_or((line_start, line_end));
            out.push(trimmed(text, s, line_end));
        } else {
            let line_end = line_start + line.trim_end().len();
            para = Some(match para {
                Some((s, _)) => (s, line_end),
                None => (line_start, line_end),
            });
        }
    }
    if let Some((s, e)) = para {
        out.push(trimmed(text, s, e));
    }
    out
}

fn trimmed(text: &str, s: usize, e: usize) -> Span {
    let piece = text.get(s..e).unwrap_or("");
    let lead = piece.len() - piece.trim_start().len();
    Span::new(s + lead, s + lead + piece.trim().len())
}

/// Whether the lede stands word for word in a body paragraph (a standfirst repeated in the
/// body): then it is read only once, in the body.
fn repeated_lede(norm: &NormText, paragraphs: &[Paragraph]) -> bool {
    let Some(lede) = paragraphs.iter().find(|p| p.kind == ParagraphKind::Lede) else {
        return false;
    };
    let lede_text = norm.from_original(lede.span).slice(&norm.text);
    let needle = lede_text.trim().trim_end_matches('.').trim_end();
    if needle.len() < 20 {
        return false;
    }
    paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Body)
        .any(|p| {
            norm.from_original(p.span)
                .slice(&norm.text)
                .contains(needle)
        })
}
