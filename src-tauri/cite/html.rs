//! The `html` export: a standalone page of a selection's citations — each quote with its
//! speaker and citations, the works' notes or in-text citations, and the bibliography.
//!
//! Every fragment citeproc-js wrote is read into runs and written out again, so only the inline
//! formatting CSL asks for (`<i>`, `<b>`, `<sup>`, `<sub>`) reaches the page, whatever an
//! imported title held; text Sourcebook holds itself (words, speakers) is escaped. The page's
//! Content-Security-Policy allows no scripts, should one ever get past both.

use super::format::{parse_html, Format, Run};
use crate::model::Citations;

const HEAD: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="Sourcebook">
"#;

const STYLE: &str = "<style>
body { font: 16px/1.55 Georgia, 'Noto Serif', serif; max-width: 44em; margin: 2em auto; padding: 0 1em; }
h2 { font-size: 1.1em; margin-top: 2em; }
.quote { margin: 0 0 1.6em; }
blockquote { margin: 0; font-size: 1.05em; }
.who { margin: 0.3em 0; }
.quote p.cite { margin: 0.2em 0; }
.bibliography p { margin: 0 0 0.6em; padding-left: 2em; text-indent: -2em; }
</style>
";

/// The page for citations rendered in [`Format::Html`].
pub fn html_page(c: &Citations) -> String {
    debug_assert_eq!(c.format, Format::Html, "the page is made of HTML fragments");
    let mut out = String::from(HEAD);
    out.push_str(&format!(
        "<title>Citations ({})</title>\n{STYLE}</head>\n<body>\n",
        text(&c.style)
    ));
    if !c.quotes.is_empty() {
        out.push_str("<section class=\"quotes\">\n<h2>Quotes</h2>\n");
        for q in &c.quotes {
            let who = match &q.descriptor {
                Some(d) if d != &q.speaker => format!("{}, {}", text(&q.speaker), text(d)),
                _ => text(&q.speaker),
            };
            out.push_str(&format!(
                "<div class=\"quote\">\n<blockquote><p>“{}”</p></blockquote>\n<p class=\"who\">— {who}</p>\n\
                 <p class=\"cite\">{}</p>\n<p class=\"cite\">{}</p>\n<p class=\"attribution\">{}</p>\n</div>\n",
                text(&q.words),
                safe(&q.citation),
                safe(&q.quoted_in),
                safe(&q.attribution),
            ));
        }
        out.push_str("</section>\n");
    }
    if !c.works.is_empty() {
        let notes = c.works.iter().any(|w| w.note.is_some());
        let (heading, list) = if notes { ("Notes", "ol") } else { ("Citations", "ul") };
        out.push_str(&format!("<section class=\"works\">\n<h2>{heading}</h2>\n<{list}>\n"));
        for w in &c.works {
            out.push_str(&format!("<li>{}</li>\n", safe(&w.citation)));
        }
        out.push_str(&format!("</{list}>\n</section>\n"));
    }
    if !c.bibliography.is_empty() {
        out.push_str("<section class=\"bibliography\">\n<h2>Bibliography</h2>\n");
        for entry in &c.bibliography {
            out.push_str(&format!("<p>{}</p>\n", safe(entry)));
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// A citeproc-js HTML fragment rebuilt from its runs: formatting kept, any other markup gone.
fn safe(fragment: &str) -> String {
    Format::Html.write(&parse_html(fragment)).trim().to_string()
}

fn text(s: &str) -> String {
    Format::Html.write(&[Run::plain(s)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CitedQuote, CitedWork};

    fn citations() -> Citations {
        Citations {
            style: "apa".into(),
            format: Format::Html,
            works: vec![CitedWork {
                article_id: "a".into(),
                title: "T".into(),
                note: None,
                citation: "(Kim, 2024, para. 3)".into(),
            }],
            quotes: vec![CitedQuote {
                article_id: "a".into(),
                quote_id: "q".into(),
                words: "a <b>bold</b> & plain claim".into(),
                speaker: "Cho Han-bum".into(),
                descriptor: Some("a researcher".into()),
                citation: "(Kim, 2024, para. 9)".into(),
                quoted_in: "(Cho, as cited in Kim, 2024, para. 9)".into(),
                attribution: "Cho Han-bum said …".into(),
            }],
            bibliography: vec![
                "<div class=\"csl-entry\">Kim. (2024). <i>Title</i><script>alert(1)</script>\
                 <img src=x onerror=alert(1)>.</div>"
                    .into(),
            ],
            document: None,
            missing: Vec::new(),
        }
    }

    #[test]
    fn the_page_keeps_formatting_and_drops_everything_else() {
        let page = html_page(&citations());
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("<meta charset=\"utf-8\">"));
        assert!(page.contains("<p>Kim. (2024). <i>Title</i>alert(1).</p>"), "{page}");
        assert!(!page.contains("<script") && !page.contains("<img") && !page.contains("onerror"));
        // The quote's words are text, not markup.
        assert!(page.contains("“a &#60;b&#62;bold&#60;/b&#62; &#38; plain claim”"), "{page}");
        assert!(page.contains("— Cho Han-bum, a researcher"));
        assert!(page.contains("para. 9") && page.contains("<ul>\n<li>(Kim, 2024, para. 3)</li>"));
    }
}
