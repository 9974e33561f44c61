//! CSL styles and locales: the bundled ones, and validation of a user's `.csl` file.
use std::path::Path;
use std::sync::Arc;

use super::{Error, Result};

const CSL_NS: &str = "http://purl.org/net/xbiblio/csl";

/// A bundled style: file name without `.csl`, its XML, and the locale it is rendered in when
/// it declares no `default-locale`.
pub(crate) struct Bundled {
    pub name: &'static str,
    pub xml: &'static str,
    locale: &'static str,
}

macro_rules! bundled {
    ($name:literal, $locale:literal) => {
        Bundled {
            name: $name,
            xml: include_str!(concat!("styles/", $name, ".csl")),
            locale: $locale,
        }
    };
}

/// Cite Them Right is a UK guide (its style carries an en-GB locale block), so it is rendered
/// en-GB, as in the reference renderings; the others target US usage.
pub(crate) const BUNDLED: [Bundled; 7] = [
    bundled!("apa", "en-US"),
    bundled!("chicago-notes-bibliography", "en-US"),
    bundled!("chicago-notes-bibliography-17th-edition", "en-US"),
    bundled!("chicago-author-date", "en-US"),
    bundled!("modern-language-association", "en-US"),
    bundled!("harvard-cite-them-right", "en-GB"),
    bundled!("ieee", "en-US"),
];

/// The locales bundled with Sourcebook (CSL locale files).
pub(crate) const LOCALES: [(&str, &str); 2] = [
    ("en-US", include_str!("styles/locales-en-US.xml")),
    ("en-GB", include_str!("styles/locales-en-GB.xml")),
];

/// A style ready for citeproc-js: its XML and the locale to render it in.
#[derive(Clone, Debug)]
pub(crate) struct Style {
    /// As the user gave it (a bundled name or a path), for error messages.
    pub name: String,
    pub xml: Arc<str>,
    pub locale: &'static str,
}

/// What a style picker shows of a bundled style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StyleSummary {
    pub name: &'static str,
    pub title: &'static str,
    /// The CSL `class`: "note" (footnotes) or "in-text" (author-date, numeric).
    pub class: &'static str,
}

pub fn bundled_styles() -> Vec<StyleSummary> {
    BUNDLED
        .iter()
        .map(|b| {
            let (title, class) = describe(b.xml);
            StyleSummary { name: b.name, title, class }
        })
        .collect()
}

/// Resolves `style`: the name of a bundled style, else the path of a `.csl` file.
pub(crate) fn resolve(style: &str) -> Result<Style> {
    if let Some(b) = BUNDLED.iter().find(|b| b.name == style) {
        return Ok(Style { name: style.to_string(), xml: Arc::from(b.xml), locale: b.locale });
    }
    let path = Path::new(style);
    let looks_like_path = style.ends_with(".csl") || style.contains(['/', '\\']);
    if !looks_like_path && !path.is_file() {
        return Err(Error::UnknownStyle {
            name: style.to_string(),
            known: BUNDLED.iter().map(|b| b.name.to_string()).collect(),
        });
    }
    let invalid = |reason: String| Error::InvalidStyle { name: style.to_string(), reason };
    let bytes = std::fs::read(path).map_err(|e| invalid(format!("cannot read it: {e}")))?;
    let xml = String::from_utf8(bytes).map_err(|e| {
        invalid(format!("not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))
    })?;
    let locale = check(&xml).map_err(invalid)?;
    Ok(Style {
        name: style.to_string(),
        xml: Arc::from(xml.trim_start_matches('\u{feff}')),
        locale,
    })
}

/// Checks that `xml` is an independent CSL style and returns the locale to render it in.
pub(crate) fn check(xml: &str) -> std::result::Result<&'static str, String> {
    let doc = roxmltree::Document::parse(xml.trim_start_matches('\u{feff}'))
        .map_err(|e| format!("not well-formed XML: {e}"))?;
    let root = doc.root_element();
    if root.tag_name().name() != "style" || root.tag_name().namespace() != Some(CSL_NS) {
        return Err(format!(
            "not a CSL style: the root element is <{}>, not <style xmlns=\"{CSL_NS}\">",
            root.tag_name().name()
        ));
    }
    let has = |name: &str| root.children().any(|n| n.has_tag_name((CSL_NS, name)));
    if !has("citation") {
        // A dependent style only points at its parent; it cannot be rendered on its own.
        let parent = root
            .descendants()
            .find(|n| {
                n.has_tag_name((CSL_NS, "link")) && n.attribute("rel") == Some("independent-parent")
            })
            .and_then(|n| n.attribute("href"));
        return Err(match parent {
            Some(href) => format!("a dependent style (no <citation>); use its parent {href}"),
            None => "the style has no <citation> element".to_string(),
        });
    }
    // citeproc-js renders a call to a missing macro as "[CSL STYLE ERROR: ...]" instead of
    // failing, so catch it here.
    let defined: Vec<&str> = root
        .children()
        .filter(|n| n.has_tag_name((CSL_NS, "macro")))
        .filter_map(|n| n.attribute("name"))
        .collect();
    if let Some(call) =
        root.descendants().filter_map(|n| n.attribute("macro")).find(|name| !defined.contains(name))
    {
        return Err(format!("it calls the undefined macro \"{call}\""));
    }
    let declared = root.attribute("default-locale");
    match declared {
        None => Ok("en-US"),
        Some(lang) => LOCALES
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(&lang.replace('_', "-")))
            .map(|(name, _)| *name)
            .ok_or_else(|| {
                let known: Vec<&str> = LOCALES.iter().map(|(name, _)| *name).collect();
                format!("its default-locale {lang} is not bundled (bundled: {})", known.join(", "))
            }),
    }
}

/// The style's `<info><title>`, sliced out of the embedded XML so that it is `'static`.
/// A bundled style's title and class, read from its XML.
fn describe(xml: &'static str) -> (&'static str, &'static str) {
    let Ok(doc) = roxmltree::Document::parse(xml) else {
        return ("", "");
    };
    let root = doc.root_element();
    let class = match root.attribute("class") {
        Some("note") => "note",
        _ => "in-text",
    };
    let text = root
        .children()
        .find(|n| n.has_tag_name((CSL_NS, "info")))
        .and_then(|info| info.children().find(|n| n.has_tag_name((CSL_NS, "title"))))
        .and_then(|title| title.first_child())
        .filter(|text| text.is_text());
    (text.map_or("", |text| xml[text.range()].trim()), class)
}
