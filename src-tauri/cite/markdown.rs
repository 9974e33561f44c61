//! Markdown (CommonMark, read the same way by pandoc) written from rich-text runs.
//!
//! Italics and bold become `*…*` and `**…**` wherever CommonMark's flanking rules let those
//! delimiters open and close; where they would not (a mark starting inside a word next to
//! punctuation, or touching another mark), the run falls back to inline HTML, which CommonMark
//! passes through, so emphasis is never lost or spills over its text. Superscripts
//! and subscripts are always inline HTML: CommonMark has no syntax for them. URLs become
//! autolinks (`<https://…>`) so their `_` and `~` stay literal.
use super::format::Run;

/// Writes `runs` as one line of Markdown.
pub(crate) fn write(runs: &[Run]) -> String {
    let mut out = String::new();
    for (i, run) in runs.iter().enumerate() {
        let next = runs.get(i + 1).and_then(|r| r.text.chars().next());
        write_run(&mut out, run, next);
    }
    escape_block_start(out)
}

fn write_run(out: &mut String, run: &Run, next: Option<char>) {
    let marks = run.marks;
    let core = run.text.trim_matches(char::is_whitespace);
    if core.is_empty() || marks == Default::default() {
        out.push_str(&escape(&run.text));
        return;
    }
    let lead = &run.text[..run.text.len() - run.text.trim_start_matches(char::is_whitespace).len()];
    let trail = &run.text[lead.len() + core.len()..];
    let mut inner = escape(core);
    if marks.sup {
        inner = format!("<sup>{inner}</sup>");
    }
    if marks.sub {
        inner = format!("<sub>{inner}</sub>");
    }
    out.push_str(lead);
    let delimiter = match (marks.italic, marks.bold) {
        (false, false) => "",
        (true, false) => "*",
        (false, true) => "**",
        (true, true) => "***",
    };
    let before = out.chars().last();
    let after = if trail.is_empty() { next } else { Some(' ') };
    if delimiter.is_empty() || can_emphasise(before, &inner, after) {
        out.push_str(delimiter);
        out.push_str(&inner);
        out.push_str(delimiter);
    } else {
        let (open, close) = match (marks.italic, marks.bold) {
            (true, false) => ("<i>", "</i>"),
            (false, true) => ("<b>", "</b>"),
            _ => ("<b><i>", "</i></b>"),
        };
        out.push_str(open);
        out.push_str(&inner);
        out.push_str(close);
    }
    out.push_str(&escape(trail));
}

/// Whether `*` delimiters around `inner`, between the characters `before` and `after`, open
/// and close emphasis (CommonMark's left- and right-flanking rules), and do not run into
/// another delimiter.
fn can_emphasise(before: Option<char>, inner: &str, after: Option<char>) -> bool {
    let (Some(first), Some(last)) = (inner.chars().next(), inner.chars().last()) else {
        return false;
    };
    let open_side = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || is_punctuation(c));
    let opens = !is_punctuation(first) || open_side(before);
    let closes = !is_punctuation(last) || open_side(after);
    opens && closes && before != Some('*') && after != Some('*')
}

/// CommonMark's punctuation: ASCII punctuation and Unicode punctuation or symbols.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace())
}

/// Escapes what Markdown would read as syntax (CommonMark's, and pandoc's `~`, `^`, `$`),
/// and turns URLs into autolinks.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(url) = url_at(rest, out.chars().last()) {
            out.push('<');
            out.push_str(url);
            out.push('>');
            rest = &rest[url.len()..];
            continue;
        }
        let c = rest.chars().next().unwrap_or_default();
        rest = &rest[c.len_utf8()..];
        let entity_like =
            c == '&' && rest.starts_with(|n: char| n == '#' || n.is_ascii_alphabetic());
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' | '^' | '$') || entity_like {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The URL starting `text`, if it starts one after a non-word character: up to whitespace or
/// a character an autolink cannot hold, without the sentence's closing punctuation.
fn url_at(text: &str, before: Option<char>) -> Option<&str> {
    if before.is_some_and(char::is_alphanumeric)
        || !(text.starts_with("https://") || text.starts_with("http://"))
    {
        return None;
    }
    let end = text
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'))
        .unwrap_or(text.len());
    let mut url = &text[..end];
    loop {
        let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '’', '”', '\'']);
        let unbalanced =
            trimmed.ends_with(')') && trimmed.matches('(').count() < trimmed.matches(')').count();
        url = if unbalanced { &trimmed[..trimmed.len() - 1] } else { trimmed };
        if !unbalanced {
            break;
        }
    }
    Some(url).filter(|u| !u.ends_with("://"))
}

/// Escapes a start that would make the line a heading, quote, list item or rule.
fn escape_block_start(line: String) -> String {
    if line.starts_with(['#', '>', '-', '+', '=']) {
        return format!("\\{line}");
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=9).contains(&digits) && line[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::super::format::{parse_html, Marks};
    use super::*;

    fn md(html: &str) -> String {
        write(&parse_html(html))
    }

    #[test]
    fn italics_and_bold_become_emphasis() {
        assert_eq!(
            md("Kim, <i>Between Beijing and Moscow</i>, 2nd ed. <b>12</b>"),
            "Kim, *Between Beijing and Moscow*, 2nd ed. **12**"
        );
        // Whitespace inside the element moves outside the delimiters, or they would not close.
        assert_eq!(md("A<i> Title </i>B"), "A *Title* B");
        // A roman stretch inside italics closes and reopens them.
        assert_eq!(
            md("<i>Review of <span style=\"font-style:normal;\">Ulysses</span> Today</i>"),
            "*Review of* Ulysses *Today*"
        );
    }

    #[test]
    fn marks_that_cannot_flank_fall_back_to_html() {
        // `*` after a letter and before “ cannot open emphasis in CommonMark.
        assert_eq!(md("in<i>“Quoted”</i> title"), "in<i>“Quoted”</i> title");
        // Two marked runs back to back would merge their delimiters.
        assert_eq!(md("<i>a</i><b>b</b>"), "*a*<b>b</b>");
        assert_eq!(md("x<sup>2</sup> and H<sub>2</sub>O"), "x<sup>2</sup> and H<sub>2</sub>O");
        let runs = [Run {
            text: "n".into(),
            marks: Marks { italic: true, sup: true, ..Default::default() },
        }];
        assert_eq!(write(&runs), "*<sup>n</sup>*");
    }

    #[test]
    fn markdown_syntax_in_text_is_escaped() {
        assert_eq!(
            md("[Reconnaissance satellite] *new* $5 a_b &#38;amp; 1 &#60;2&#62; ~x^ `c` \\"),
            "\\[Reconnaissance satellite\\] \\*new\\* \\$5 a\\_b \\&amp; 1 \\<2> \\~x\\^ \\`c\\` \\\\"
        );
        assert_eq!(md("Smith &#38; Jones"), "Smith & Jones");
        assert_eq!(md("1984. Title"), "1984\\. Title");
        assert_eq!(md("# Hashtag"), "\\# Hashtag");
        assert_eq!(md("- dash"), "\\- dash");
    }

    #[test]
    fn urls_become_autolinks_without_the_sentence_punctuation() {
        assert_eq!(
            md("2024, https://www.mfa.gov.cn/eng/t20240710_fixture.html."),
            "2024, <https://www.mfa.gov.cn/eng/t20240710_fixture.html>."
        );
        assert_eq!(
            md("(see https://en.wikipedia.org/wiki/Foo_(bar)), and http://x.org/~a?b=1&#38;c=2;"),
            "(see <https://en.wikipedia.org/wiki/Foo_(bar)>), and <http://x.org/~a?b=1&c=2>;"
        );
        assert_eq!(md("xhttps://a.b"), "xhttps://a.b");
    }
}
