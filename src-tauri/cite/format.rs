//! Output formats: citeproc-js's own text, HTML and RTF, and Markdown derived from its HTML.
//!
//! Rich text that Sourcebook writes itself (the attribution sentence) and citeproc's HTML read
//! back for Markdown meet in one neutral form, a list of [`Run`]s, written out per format
//! (see `markdown` for the Markdown writer).
use serde::{Deserialize, Serialize};

use super::markdown;

/// The form rendered citations take.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export, rename = "CiteFormat")]
pub enum Format {
    /// Plain text.
    #[default]
    Text,
    /// HTML fragments (`<i>`, `<b>`, `<sup>`; entries in `<div class="csl-entry">`).
    Html,
    /// RTF fragments (`{\i{}…}`); wrap them with [`rtf_document`] for the clipboard.
    Rtf,
    /// CommonMark, with inline HTML only where Markdown has no syntax (superscripts,
    /// subscripts, emphasis that `*` cannot delimit).
    Markdown,
}

impl std::str::FromStr for Format {
    type Err = String;

    /// The names the command line and the UI use: "text", "html", "rtf", "markdown".
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "text" => Ok(Format::Text),
            "html" => Ok(Format::Html),
            "rtf" => Ok(Format::Rtf),
            "markdown" => Ok(Format::Markdown),
            _ => Err(format!("unknown format {s:?}: text, html, rtf or markdown")),
        }
    }
}

impl Format {
    /// The output format citeproc-js is asked for: Markdown is derived from its HTML.
    pub(crate) fn citeproc(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html | Format::Markdown => "html",
            Format::Rtf => "rtf",
        }
    }

    /// Turns citeproc's output for [`Format::citeproc`] into this format.
    pub(crate) fn finish(self, rendered: String) -> String {
        match self {
            Format::Markdown => markdown::write(&parse_html(&rendered)),
            _ => rendered,
        }
    }

    /// Writes runs of rich text in this format, escaped as citeproc-js escapes its own.
    pub(crate) fn write(self, runs: &[Run]) -> String {
        match self {
            Format::Text => runs.iter().map(|run| run.text.as_str()).collect(),
            Format::Html => runs.iter().map(html_run).collect(),
            Format::Rtf => runs.iter().map(rtf_run).collect(),
            Format::Markdown => markdown::write(runs),
        }
    }
}

/// A stretch of text with one set of marks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Run {
    pub text: String,
    pub marks: Marks,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Self {
        Run { text: text.into(), marks: Marks::default() }
    }

    pub fn italic(text: impl Into<String>) -> Self {
        Run { text: text.into(), marks: Marks { italic: true, ..Marks::default() } }
    }
}

/// The text decorations CSL can ask for that survive into Markdown. Small caps and underline
/// are dropped: the letters are already in the right case, and Markdown has neither.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Marks {
    pub italic: bool,
    pub bold: bool,
    pub sup: bool,
    pub sub: bool,
}

/// Reads citeproc-js HTML output back into runs. It only ever writes the tags of its html
/// format (`<i>`, `<em>`, `<b>`, `<sup>`, `<sub>`, styled `<span>`s, `<div>`s for entries and
/// their parts) with numeric entities; `<div>`s become spaces, whitespace collapses as a
/// browser would collapse it.
pub(crate) fn parse_html(html: &str) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    // The marks in force inside each open element, innermost last (elements that change
    // nothing, such as `<a>` or `<span class="nocase">`, repeat their parent's).
    let mut stack: Vec<Marks> = Vec::new();
    let mut text = String::new();
    let mut rest = html;
    let flush = |text: &mut String, runs: &mut Vec<Run>, marks: Marks| {
        if text.is_empty() {
            return;
        }
        let decoded = decode_entities(text);
        text.clear();
        match runs.last_mut() {
            Some(last) if last.marks == marks => last.text.push_str(&decoded),
            _ => runs.push(Run { text: decoded, marks }),
        }
    };
    while let Some(lt) = rest.find('<') {
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        text.push_str(&rest[..lt]);
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        let current = stack.last().copied().unwrap_or_default();
        flush(&mut text, &mut runs, current);
        if let Some(name) = tag.strip_prefix('/') {
            stack.pop();
            if name.trim() == "div" {
                text.push(' ');
            }
            continue;
        }
        let name = tag.split([' ', '/']).next().unwrap_or_default();
        let mut marks = current;
        match name {
            "i" | "em" => marks.italic = true,
            "b" | "strong" => marks.bold = true,
            "sup" => marks.sup = true,
            "sub" => marks.sub = true,
            "div" => text.push(' '),
            "span" => {
                if tag.contains("font-style:normal") {
                    marks.italic = false;
                }
                if tag.contains("font-weight:normal") {
                    marks.bold = false;
                }
                if tag.contains("\"baseline\"") {
                    (marks.sup, marks.sub) = (false, false);
                }
            }
            _ => {}
        }
        if !tag.ends_with('/') {
            stack.push(marks);
        }
    }
    text.push_str(rest);
    flush(&mut text, &mut runs, stack.last().copied().unwrap_or_default());
    collapse_whitespace(runs)
}

/// HTML whitespace rules: runs of ASCII whitespace (across runs too) are one space, and the
/// ends are trimmed. No-break spaces, which citeproc writes for doubled spaces, stay.
fn collapse_whitespace(runs: Vec<Run>) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    let mut last_space = true;
    for run in runs {
        let mut text = String::with_capacity(run.text.len());
        for c in run.text.chars() {
            if c.is_ascii_whitespace() {
                if !last_space {
                    text.push(' ');
                }
                last_space = true;
            } else {
                text.push(c);
                last_space = false;
            }
        }
        if !text.is_empty() {
            out.push(Run { text, marks: run.marks });
        }
    }
    if let Some(last) = out.last_mut() {
        let trimmed = last.text.trim_end_matches(' ').len();
        last.text.truncate(trimmed);
        if last.text.is_empty() {
            out.pop();
        }
    }
    out
}

/// Decodes numeric character references and the few named ones HTML text may hold.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let name = &rest[1..semi];
            let c = match name.strip_prefix('#') {
                Some(hex) if hex.starts_with(['x', 'X']) => {
                    u32::from_str_radix(&hex[1..], 16).ok().and_then(char::from_u32)
                }
                Some(dec) => dec.parse().ok().and_then(char::from_u32),
                None => match name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "nbsp" => Some('\u{a0}'),
                    _ => None,
                },
            };
            c.map(|c| (c, semi))
        });
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn html_run(run: &Run) -> String {
    // citeproc-js's html text_escape: numeric entities, so the output is also valid XML.
    let mut s = run.text.replace('&', "&#38;").replace('<', "&#60;").replace('>', "&#62;");
    let Marks { italic, bold, sup, sub } = run.marks;
    for (on, open, close) in [
        (italic, "<i>", "</i>"),
        (bold, "<b>", "</b>"),
        (sup, "<sup>", "</sup>"),
        (sub, "<sub>", "</sub>"),
    ] {
        if on {
            s = format!("{open}{s}{close}");
        }
    }
    s
}

fn rtf_run(run: &Run) -> String {
    let mut s = rtf_escape(&run.text);
    let Marks { italic, bold, sup, sub } = run.marks;
    if italic {
        s = format!("{{\\i{{}}{s}}}");
    }
    if bold {
        s = format!("{{\\b{{}}{s}}}");
    }
    if sup {
        s = format!("\\super {s}\\nosupersub{{}}");
    }
    if sub {
        s = format!("\\sub {s}\\nosupersub{{}}");
    }
    s
}

/// citeproc-js's RTF text_escape: control characters escaped, everything beyond ASCII as
/// `\uN` per UTF-16 unit (with `\uc0`: no fallback characters follow), tabs as `\tab`.
fn rtf_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push_str("\\tab{}"),
            c if (c as u32) < 0x7f => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\uc0\\u{unit}{{}}"));
                }
            }
        }
    }
    out
}

/// A complete RTF document of `paragraphs` (citeproc-js RTF fragments), for the clipboard:
/// Word and LibreOffice paste it formatted. `hanging` indents every line but the first by
/// half an inch, with a tab stop there, as a bibliography with a hanging indent or with
/// aligned numbers (IEEE's "[1]<tab>…") needs.
pub fn rtf_document<S: AsRef<str>>(paragraphs: &[S], hanging: bool) -> String {
    let indent = if hanging { "\\li720\\fi-720\\tx720" } else { "" };
    let mut out = String::from("{\\rtf1\\ansi\\uc0\n");
    for paragraph in paragraphs {
        out.push_str(&format!("{{\\pard{indent} {}\\par}}\n", paragraph.as_ref()));
    }
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_read_into_runs() {
        let runs = parse_html(
            "<div class=\"csl-entry\">Kim, “A &#38; B.” <i>The <span style=\"font-style:normal;\">\
             Times</span> Daily</i>, 2024. x&#60;y&amp;z &#x41;</div>",
        );
        let texts: Vec<(&str, bool)> =
            runs.iter().map(|r| (r.text.as_str(), r.marks.italic)).collect();
        assert_eq!(
            texts,
            [
                ("Kim, “A & B.” ", false),
                ("The ", true),
                ("Times", false),
                (" Daily", true),
                (", 2024. x<y&z A", false)
            ]
        );
    }

    #[test]
    fn entry_parts_are_spaced_and_whitespace_collapses() {
        let runs = parse_html(
            "<div class=\"csl-entry\">\n    <div class=\"csl-left-margin\">[1]</div>\
             <div class=\"csl-right-inline\">A. Kim, <i>Title</i>.</div>\n  </div>",
        );
        let text: String = runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(text, "[1] A. Kim, Title.");
    }

    #[test]
    fn runs_are_written_escaped_per_format() {
        let runs = [Run::plain("Cho told "), Run::italic("Kim & Lee’s {Post}")];
        assert_eq!(Format::Text.write(&runs), "Cho told Kim & Lee’s {Post}");
        assert_eq!(Format::Html.write(&runs), "Cho told <i>Kim &#38; Lee’s {Post}</i>");
        assert_eq!(Format::Rtf.write(&runs), "Cho told {\\i{}Kim & Lee\\uc0\\u8217{}s \\{Post\\}}");
    }

    #[test]
    fn rtf_escapes_astral_characters_as_surrogate_pairs() {
        assert_eq!(rtf_escape("𠀀"), "\\uc0\\u55360{}\\uc0\\u56320{}");
        assert_eq!(rtf_escape("한"), "\\uc0\\u54620{}");
    }

    #[test]
    fn formats_parse_from_their_names() {
        assert_eq!("markdown".parse(), Ok(Format::Markdown));
        assert_eq!(serde_json::to_string(&Format::Rtf).unwrap(), "\"rtf\"");
        assert!("md".parse::<Format>().is_err());
    }

    #[test]
    fn an_rtf_document_wraps_paragraphs() {
        assert_eq!(
            rtf_document(&["{\\i{}A}", "B"], true),
            "{\\rtf1\\ansi\\uc0\n{\\pard\\li720\\fi-720\\tx720 {\\i{}A}\\par}\n\
             {\\pard\\li720\\fi-720\\tx720 B\\par}\n}"
        );
    }
}
