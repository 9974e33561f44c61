//! Bytes to text: BOMs, a declared charset, then detection among the legacy encodings this
//! field meets (EUC-KR/CP949, GB18030/GBK, Big5, Windows-1251, KOI8-R). Binary is refused.

use encoding_rs::Encoding;

use super::{Error, Result};

/// Decodes `bytes`; `declared` is a charset label the container gave (`<meta charset>`, an XML
/// declaration): bytes that are not valid in it are an error.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Empty);
    }
    let text = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        strict(encoding, &bytes[bom_len..]).ok_or(Error::Encoding { encoding: encoding.name() })?
    } else if let Some(encoding) =
        declared.and_then(|label| Encoding::for_label(label.trim().as_bytes()))
    {
        // A file that says what it is and is not that is broken; guessing would hide it.
        strict(encoding, bytes).ok_or(Error::Encoding { encoding: encoding.name() })?
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        text.to_string()
    } else {
        // Not UTF-8: let chardetng pick among the legacy encodings by what the bytes look
        // like, then insist that they decode without a single replacement.
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
        if encoding == encoding_rs::UTF_8 || looks_binary(bytes) {
            return Err(binary_or_broken(bytes));
        }
        strict(encoding, bytes).ok_or(Error::Encoding { encoding: encoding.name() })?
    };
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    if let Some(offset) = text.bytes().position(is_binary_control) {
        return Err(Error::Binary { offset });
    }
    Ok(text)
}

fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Option<String> {
    encoding.decode_without_bom_handling_and_without_replacement(bytes).map(|t| t.into_owned())
}

/// Text never holds NUL or most C0 controls; finding one means a binary file.
fn is_binary_control(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F)
}

fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|&b| is_binary_control(b))
}

fn binary_or_broken(bytes: &[u8]) -> Error {
    match bytes.iter().position(|&b| is_binary_control(b)) {
        Some(offset) => Error::Binary { offset },
        None => Error::Encoding { encoding: "UTF-8" },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_boms_and_reads_utf16() {
        assert_eq!(decode(b"\xEF\xBB\xBFTitle", None).unwrap(), "Title");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Пхеньян".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le, None).unwrap(), "Пхеньян");
    }

    #[test]
    fn detects_the_fields_legacy_encodings() {
        let cases = [
            (encoding_rs::EUC_KR, "북한과 러시아는 새로운 조약에 서명했다. 전문가들은 중국의 영향력이 줄었다고 말했다."),
            (encoding_rs::GB18030, "朝鲜和俄罗斯签署了新的条约。专家说，中国的影响力正在减弱。"),
            (encoding_rs::WINDOWS_1251, "Россия и КНДР подписали новый договор о стратегическом партнёрстве."),
        ];
        for (encoding, text) in cases {
            let (bytes, _, lossy) = encoding.encode(text);
            assert!(!lossy);
            assert_eq!(decode(&bytes, None).unwrap(), text, "{}", encoding.name());
        }
    }

    #[test]
    fn a_declared_charset_is_used_when_the_bytes_fit_it() {
        let (bytes, _, _) = encoding_rs::KOI8_R.encode("Москва");
        assert_eq!(decode(&bytes, Some("koi8-r")).unwrap(), "Москва");
    }

    #[test]
    fn bytes_that_break_their_declared_charset_are_refused() {
        assert!(matches!(
            decode(b"caf\xe9", Some("utf-8")),
            Err(Error::Encoding { encoding: "UTF-8" })
        ));
    }

    #[test]
    fn refuses_empty_and_binary() {
        assert!(matches!(decode(b" \n\t", None), Err(Error::Empty)));
        assert!(matches!(decode(b"PK\x03\x04zip\xff\xfe", None), Err(Error::Binary { offset: 2 })));
    }
}
