//! The charset a page declares for itself, found in its raw bytes before anything is decoded.

/// Browsers look this far into a page for the declaration; saved pages with long `<head>`
/// preambles (SingleFile comments, inline styles) put it later, so look a little further.
const PRESCAN: usize = 8 * 1024;

/// The charset label from an XML declaration, `<meta charset>` or a `<meta http-equiv=
/// "Content-Type" content="...; charset=...">` near the top of the page, as written.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    xml_encoding(head).or_else(|| meta_charset(head)).map(|label| utf16_means_utf8(&label))
}

/// A page whose declaration is readable as ASCII cannot be UTF-16, so the HTML standard
/// reads a UTF-16 label there as UTF-8.
fn utf16_means_utf8(label: &str) -> String {
    if label.to_ascii_lowercase().starts_with("utf-16") {
        "utf-8".to_string()
    } else {
        label.to_string()
    }
}

fn xml_encoding(head: &[u8]) -> Option<String> {
    let rest = head.strip_prefix(b"<?xml")?;
    let end = find(rest, b"?>")?;
    let decl = &rest[..end];
    let at = find(&lower(decl), b"encoding")? + b"encoding".len();
    let value = decl[at..].iter().skip_while(|b| b.is_ascii_whitespace() || **b == b'=');
    let value: Vec<u8> = value.copied().collect();
    quoted_or_bare(&value)
}

fn meta_charset(head: &[u8]) -> Option<String> {
    let low = lower(head);
    let mut at = 0;
    while at < low.len() {
        if low[at..].starts_with(b"<!--") {
            // Commented-out declarations do not count.
            at += find(&low[at + 4..], b"-->").map_or(low.len(), |end| end + 7);
        } else if low[at..].starts_with(b"<meta")
            && low.get(at + 5).is_some_and(|b| !b.is_ascii_alphanumeric())
        {
            let (attrs, end) = attributes(&head[at + 5..]);
            if let Some(label) = charset_of(&attrs) {
                return Some(label);
            }
            at += 5 + end;
        } else {
            at += 1;
        }
    }
    None
}

fn charset_of(attrs: &[(String, String)]) -> Option<String> {
    let get = |name: &str| attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
    if let Some(label) = get("charset").filter(|l| !l.trim().is_empty()) {
        return Some(label.trim().to_string());
    }
    if get("http-equiv")?.trim().eq_ignore_ascii_case("content-type") {
        let content = get("content")?;
        let at = content.to_ascii_lowercase().find("charset")? + "charset".len();
        let value = content[at..].trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '=');
        return quoted_or_bare(value.as_bytes());
    }
    None
}

/// The tag's attributes (names lowercased) and how many bytes up to its closing `>`.
fn attributes(tag: &[u8]) -> (Vec<(String, String)>, usize) {
    let mut attrs = Vec::new();
    let mut i = 0;
    loop {
        while i < tag.len() && (tag[i].is_ascii_whitespace() || tag[i] == b'/') {
            i += 1;
        }
        if i >= tag.len() || tag[i] == b'>' {
            return (attrs, i);
        }
        let start = i;
        while i < tag.len()
            && !tag[i].is_ascii_whitespace()
            && !matches!(tag[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        let name = String::from_utf8_lossy(&tag[start..i]).to_ascii_lowercase();
        while i < tag.len() && tag[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if tag.get(i) == Some(&b'=') {
            i += 1;
            while i < tag.len() && tag[i].is_ascii_whitespace() {
                i += 1;
            }
            let (v, used) = attribute_value(&tag[i..]);
            value = v;
            i += used;
        }
        attrs.push((name, value));
    }
}

fn attribute_value(rest: &[u8]) -> (String, usize) {
    match rest.first() {
        Some(&q @ (b'"' | b'\'')) => {
            let end = rest[1..].iter().position(|&b| b == q).map_or(rest.len(), |p| p + 1);
            let value = String::from_utf8_lossy(&rest[1..end.min(rest.len())]).into_owned();
            (value, (end + 1).min(rest.len()))
        }
        _ => {
            let end = rest
                .iter()
                .position(|b| b.is_ascii_whitespace() || *b == b'>')
                .unwrap_or(rest.len());
            (String::from_utf8_lossy(&rest[..end]).into_owned(), end)
        }
    }
}

fn quoted_or_bare(value: &[u8]) -> Option<String> {
    let value = match value.first() {
        Some(&q @ (b'"' | b'\'')) => {
            let inner = &value[1..];
            &inner[..inner.iter().position(|&b| b == q)?]
        }
        _ => {
            let end = value
                .iter()
                .position(|b| b.is_ascii_whitespace() || matches!(b, b';' | b'"' | b'\'' | b'>'));
            &value[..end.unwrap_or(value.len())]
        }
    };
    let label = String::from_utf8_lossy(value).trim().to_string();
    (!label.is_empty()).then_some(label)
}

fn lower(bytes: &[u8]) -> Vec<u8> {
    bytes.to_ascii_lowercase()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::declared_charset;

    #[test]
    fn meta_charset_forms() {
        assert_eq!(
            declared_charset(b"<html><head><meta charset=\"euc-kr\">").as_deref(),
            Some("euc-kr")
        );
        assert_eq!(declared_charset(b"<META CHARSET=gb18030>").as_deref(), Some("gb18030"));
        let http_equiv =
            b"<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>";
        assert_eq!(declared_charset(http_equiv).as_deref(), Some("windows-1251"));
    }

    #[test]
    fn xml_declaration_and_utf16() {
        assert_eq!(
            declared_charset(b"<?xml version=\"1.0\" encoding=\"KOI8-R\"?><html>").as_deref(),
            Some("KOI8-R")
        );
        assert_eq!(declared_charset(b"<meta charset=\"UTF-16LE\">").as_deref(), Some("utf-8"));
    }

    #[test]
    fn ignores_comments_and_absent_declarations() {
        assert_eq!(
            declared_charset(b"<!-- <meta charset=\"big5\"> --><meta charset=\"utf-8\">")
                .as_deref(),
            Some("utf-8")
        );
        assert_eq!(declared_charset(b"<html><head><title>x</title></head>"), None);
        assert_eq!(
            declared_charset(b"<meta name=\"viewport\" content=\"width=device-width\">"),
            None
        );
        assert_eq!(declared_charset(b"<meta charset=\"\n"), None);
        assert_eq!(declared_charset(&[0xFF, 0xFE, 0x00, b'<']), None);
    }
}
