//! Bytes to text: UTF-8 (with or without BOM) and UTF-16 with BOM; binary input is refused.

use super::{Error, Result};

pub fn decode_text(bytes: &[u8]) -> Result<String> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Empty);
    }
    // Text files never hold NUL or most C0 controls; finding one means a binary file that
    // happens to be valid UTF-8 in places, and it must not become an article.
    if let Some(offset) = bytes.iter().position(|&b| is_binary_control(b)) {
        return Err(Error::Binary { offset });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => Err(Error::Encoding { offset: e.valid_up_to() }),
    }
}

fn is_binary_control(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F)
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String> {
    if !bytes.len().is_multiple_of(2) {
        return Err(Error::Encoding { offset: bytes.len() - 1 });
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let text = char::decode_utf16(units)
        .enumerate()
        .map(|(i, c)| c.map_err(|_| Error::Encoding { offset: 2 + 2 * i }))
        .collect::<Result<String>>()?;
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    if let Some(offset) = text.bytes().position(is_binary_control) {
        return Err(Error::Binary { offset });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_utf8_bom_and_reads_utf16() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFTitle").unwrap(), "Title");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Пхеньян".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode_text(&le).unwrap(), "Пхеньян");
    }

    #[test]
    fn refuses_empty_binary_and_broken_text() {
        assert!(matches!(decode_text(b" \n\t"), Err(Error::Empty)));
        assert!(matches!(decode_text(b"PK\x03\x04zip"), Err(Error::Binary { offset: 2 })));
        assert!(matches!(decode_text(b"ok \xC3\x28"), Err(Error::Encoding { offset: 3 })));
    }
}
