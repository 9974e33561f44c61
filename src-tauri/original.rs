//! An article's original import for the reader's "Original" view: a page sanitised by ammonia
//! (nothing left in it can run, navigate or fetch), text as text, anything else described.

use std::collections::HashMap;

use ammonia::{Builder, UrlRelative};

use crate::archive::ImportedFile;
use crate::model::{Original, OriginalContent};
use crate::{ingest, Result, Sourcebook};

/// The most of an original that is shown: far more than any article needs, far less than the
/// 64 MB an import may be.
const MAX_SHOWN: usize = 4 * 1024 * 1024;

/// The elements a sanitised page keeps: an article's structure and inline formatting. Any other
/// element is unwrapped to its content.
#[rustfmt::skip]
const KEPT: &[&str] = &[
    "a", "abbr", "article", "aside", "b", "blockquote", "br", "caption", "cite", "code", "dd",
    "del", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd", "li", "main", "mark", "nav", "ol",
    "p", "pre", "q", "s", "samp", "section", "small", "span", "strong", "sub", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
];

/// Elements dropped with everything inside them: code, styles, embedded documents and media,
/// form controls, and the head's title (the reader has the article's own).
#[rustfmt::skip]
const DROPPED: &[&str] = &[
    "applet", "audio", "button", "canvas", "embed", "frame", "frameset", "iframe", "math",
    "noembed", "noframes", "noscript", "object", "script", "select", "style", "svg", "template",
    "textarea", "title", "video",
];

impl Sourcebook {
    /// The import an article came from, as the reader may show it (see [`Original`]).
    pub fn original(&self, id: &str) -> Result<Original> {
        let id = self.resolve_id(id)?;
        let file = self.archive.import_of(&id, MAX_SHOWN)?;
        Ok(present(id, file))
    }
}

/// What the reader shows of an import whose first bytes (at most [`MAX_SHOWN`]) were read.
fn present(article_id: String, file: ImportedFile) -> Original {
    let truncated = file.size > file.head.len();
    // A cut can fall inside a character; ending at a line break keeps every encoding whole.
    let head = if truncated { through_last_line(&file.head) } else { &file.head };
    let content = content(&file.media_type, file.file_name.as_deref(), file.size, head);
    let note = (truncated && !matches!(content, OriginalContent::Binary { .. })).then(|| {
        let (whole, shown) = (megabytes(file.size), megabytes(head.len()));
        format!("The original is {whole}; only its first {shown} are shown.")
    });
    Original {
        article_id,
        media_type: file.media_type,
        file_name: file.file_name,
        size: file.size,
        imported_at: file.imported_at,
        content,
        note,
    }
}

fn content(
    media_type: &str,
    file_name: Option<&str>,
    size: usize,
    bytes: &[u8],
) -> OriginalContent {
    if media_type == "application/pdf" {
        let description = format!(
            "A PDF of {}. The reader shows the text taken from its pages.",
            megabytes(size)
        );
        return OriginalContent::Binary { description };
    }
    match ingest::decode(bytes, file_name) {
        Ok(page) if media_type == "text/html" => OriginalContent::Html { html: sanitise(&page) },
        Ok(text) => OriginalContent::Text { text },
        Err(e) => OriginalContent::Binary {
            description: format!("The original cannot be shown as text: {e}."),
        },
    }
}

/// A page reduced to what can be read: the [`KEPT`] elements with a few inert attributes. No
/// scripts, event handlers, styles, frames, forms, `<base>` or `<meta>`; images keep only
/// their alt text (no `src` or `srcset`, so nothing is fetched); links keep only absolute
/// http(s) targets, marked `noopener noreferrer`.
fn sanitise(page: &str) -> String {
    // `empty` only clears the tags: the attribute lists start from ammonia's defaults (which
    // allow `img src`), so they are set here in full.
    Builder::empty()
        .add_tags(KEPT)
        .clean_content_tags(DROPPED.iter().copied().collect())
        .tag_attributes(HashMap::new())
        .generic_attributes(["lang", "dir", "title"].into_iter().collect())
        .add_tag_attributes("a", ["href"])
        .add_tag_attributes("img", ["alt"])
        .add_tag_attributes("ol", ["start", "reversed"])
        .add_tag_attributes("td", ["colspan", "rowspan"])
        .add_tag_attributes("th", ["colspan", "rowspan"])
        .add_tag_attributes("time", ["datetime"])
        .url_schemes(["http", "https"].into_iter().collect())
        // A relative link would resolve against the app itself.
        .url_relative(UrlRelative::Deny)
        .link_rel(Some("noopener noreferrer"))
        .strip_comments(true)
        .clean(page)
        .to_string()
}

/// The bytes up to and including the last line break (all of them if there is none).
fn through_last_line(bytes: &[u8]) -> &[u8] {
    bytes.iter().rposition(|&b| b == b'\n').map_or(bytes, |at| &bytes[..=at])
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every way a saved page could run code, navigate or fetch, around a real article.
    const HOSTILE: &str = r#"<!DOCTYPE html>
<html><head>
<meta http-equiv="refresh" content="0; url=http://127.0.0.1:9/refresh">
<base href="http://127.0.0.1:9/base/">
<link rel="stylesheet" href="http://127.0.0.1:9/style.css">
<style>body { background: url(http://127.0.0.1:9/bg.png) }</style>
<script>window.__pwned = true;</script>
<script src="http://127.0.0.1:9/evil.js"></script>
<title>Hostile page title</title>
</head>
<body onload="window.__pwned = 'onload'">
<article>
<h1 onclick="window.__pwned = 'click'">Putin and Kim sign defence pact</h1>
<p style="background-image: url(http://127.0.0.1:9/inline.png)">Russia and North Korea
signed a mutual defence treaty, <a href="https://example.org/treaty" onmouseover="x()">the
text</a> of which was published on Thursday.</p>
<img src="http://127.0.0.1:9/photo.jpg" srcset="http://127.0.0.1:9/photo-2x.jpg 2x" alt="Putin greets Kim in Pyongyang" onerror="window.__pwned = 'img'">
<p><a href="javascript:window.__pwned='link'">Click here</a> or
<a href="data:text/html,<script>alert(1)</script>">here</a> or
<a href="/relative">there</a>.</p>
<iframe src="http://127.0.0.1:9/frame.html">frame fallback text</iframe>
<object data="http://127.0.0.1:9/movie.swf"><embed src="http://127.0.0.1:9/movie.swf"></object>
<svg><script>window.__pwned = 'svg'</script><image href="http://127.0.0.1:9/svg.png"/></svg>
<form action="http://127.0.0.1:9/submit"><input name="q" value="search"><button>Go</button></form>
<video poster="http://127.0.0.1:9/poster.jpg"><source src="http://127.0.0.1:9/clip.mp4"></video>
<p>“The treaty is a turning point,” said Kim Jong-un.</p>
<!-- a comment with <script>window.__pwned = 'comment'</script> -->
</article>
</body></html>"#;

    #[test]
    fn a_hostile_page_keeps_its_text_and_loses_everything_that_runs_or_fetches() {
        let clean = sanitise(HOSTILE);
        for piece in [
            "<script",
            "__pwned",
            "onload",
            "onclick",
            "onerror",
            "onmouseover",
            "javascript:",
            "data:",
            "127.0.0.1",
            "<iframe",
            "<object",
            "<embed",
            "<style",
            "url(",
            "<meta",
            "refresh",
            "<base",
            "<link",
            "<svg",
            "<form",
            "<input",
            "<button",
            "<video",
            "src=",
            "srcset",
            "style=",
            "/relative",
            "Hostile page title",
            "frame fallback text",
        ] {
            assert!(!clean.contains(piece), "{piece:?} survived in:\n{clean}");
        }
        for text in [
            "Putin and Kim sign defence pact",
            "signed a mutual defence treaty",
            "“The treaty is a turning point,” said Kim Jong-un.",
            r#"<img alt="Putin greets Kim in Pyongyang">"#,
        ] {
            assert!(clean.contains(text), "{text:?} is missing from:\n{clean}");
        }
    }

    #[test]
    fn http_links_are_kept_without_opener_or_referrer() {
        let clean = sanitise(HOSTILE);
        assert!(
            clean.contains(r#"<a href="https://example.org/treaty" rel="noopener noreferrer">"#),
            "{clean}"
        );
        // The javascript:, data: and relative links keep their words, not their targets.
        assert_eq!(clean.matches("href=").count(), 1, "{clean}");
        assert!(clean.contains("Click here") && clean.contains("there"), "{clean}");
    }

    fn file(media_type: &str, name: &str, size: usize, head: &[u8]) -> ImportedFile {
        ImportedFile {
            media_type: media_type.to_string(),
            file_name: Some(name.to_string()),
            size,
            head: head.to_vec(),
            imported_at: "2025-03-14T00:00:00Z".to_string(),
        }
    }

    #[test]
    fn a_huge_original_is_cut_at_a_line_with_a_note() {
        let head = "Пхеньян и Москва\nоткрыли мост\nчерез Туман".as_bytes();
        let cut = &head[..head.len() - 3]; // inside a Cyrillic letter
        let original = present("a".into(), file("text/plain", "big.txt", 50 << 20, cut));
        assert_eq!(
            original.content,
            OriginalContent::Text {
                text: "Пхеньян и Москва\nоткрыли мост\n".to_string()
            }
        );
        let note = original.note.unwrap();
        assert!(note.contains("50.0 MB") && note.contains("only its first"), "{note}");
    }

    #[test]
    fn a_page_is_sanitised_and_a_pdf_described() {
        let page = present("a".into(), file("text/html", "p.html", 21, b"<p onclick=x()>Hi</p>"));
        assert_eq!(page.content, OriginalContent::Html { html: "<p>Hi</p>".to_string() });
        assert_eq!(page.note, None);
        let pdf = present("a".into(), file("application/pdf", "r.pdf", 3 << 20, b"%PDF-1.7"));
        let OriginalContent::Binary { description } = pdf.content else { panic!("{pdf:?}") };
        assert!(description.starts_with("A PDF of 3.0 MB."), "{description}");
    }

    #[test]
    fn a_cut_ends_at_a_line_break() {
        assert_eq!(through_last_line(b"one\ntwo\nthr"), b"one\ntwo\n");
        assert_eq!(through_last_line(b"no break"), b"no break");
    }
}
