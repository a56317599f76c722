//! SARIF 2.1.0, the format code-scanning tools read (GitHub code scanning, VS Code's SARIF
//! viewer): one result per contradiction, with each of its claims as a location whose region
//! is the figure as written; one rule per metric, its help the rule's title.

use std::io::{self, Write};

use serde::Serialize;

use crate::Report;

/// The schema a SARIF file names.
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    /// Columns count characters, as the other formats do.
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'a str,
    name: &'a str,
    short_description: Text,
    full_description: Text,
    help: Text,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    partial_fingerprints: Fingerprints,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "recoupeContradiction/v1")]
    contradiction: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
    message: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    snippet: Text,
}

/// A file path as a SARIF URI reference: relative paths stay relative (to the run's working
/// directory), separators are `/`, and characters a URI cannot hold are percent-encoded.
fn uri(path: &std::path::Path) -> String {
    let mut out = String::new();
    for b in path.to_string_lossy().replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(b));
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Writes the report as a SARIF 2.1.0 log.
///
/// # Errors
/// Errors of the writer.
pub fn render(report: &Report<'_>, w: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<Rule<'_>> = report
        .rules
        .metrics
        .iter()
        .map(|m| Rule {
            id: &m.id.0,
            name: &m.title,
            short_description: Text {
                text: m.title.clone(),
            },
            full_description: Text {
                text: format!(
                    "{} ({} model, tolerance {}; {}:{})",
                    m.title,
                    m.model.name(),
                    m.tolerance,
                    m.file,
                    m.line
                ),
            },
            help: Text {
                text: format!(
                    "Every figure of \"{}\" should be consistent with the others under the {} model. \
                     Check both quotes against their sources; `recoupe rules explain {}` shows what the metric matches.",
                    m.title,
                    m.model.name(),
                    m.id
                ),
            },
            default_configuration: Configuration { level: "error" },
        })
        .collect();
    let mut results = Vec::new();
    for (rule_index, rule, f) in crate::contradictions(report.outcome, report.rules) {
        let locations = f
            .claims
            .iter()
            .filter_map(|&i| report.claims.get(i))
            .filter_map(|c| {
                let loc = report.location(&c.id.article)?;
                // The figure as written, its qualifier with it ("Plus de 4 000").
                let (start_line, start_column) = report.positions.line_col(loc, c.written_start);
                let (end_line, end_column) = report.positions.line_col(loc, c.number.end);
                Some(Location {
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation {
                            uri: uri(&loc.file),
                        },
                        region: Region {
                            start_line,
                            start_column,
                            end_line,
                            end_column: end_column.max(start_column + 1),
                            snippet: Text {
                                text: c.written().to_owned(),
                            },
                        },
                    },
                    message: Text {
                        text: format!("{}: «{}»", c.id.article, crate::excerpt(c, 160)),
                    },
                })
            })
            .collect();
        results.push(SarifResult {
            rule_id: rule.id.0.clone(),
            rule_index,
            level: "error",
            message: Text {
                text: f.message.clone(),
            },
            locations,
            partial_fingerprints: Fingerprints {
                contradiction: crate::baseline::fingerprint(rule, f, report.claims),
            },
        });
    }
    let log = Log {
        schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "recoupe",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: "https://example.invalid/recoupe",
                    rules,
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *w, &log).map_err(io::Error::other)?;
    writeln!(w)
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(
            uri(std::path::Path::new("seeds/a b.txt")),
            "seeds/a%20b.txt"
        );
        assert_eq!(uri(std::path::Path::new("café.txt")), "caf%C3%A9.txt");
    }
}
