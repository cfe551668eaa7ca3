//! Message bodies carried as `data:` URIs.
//!
//! UCWA delivers message text inside hrefs such as
//! `data:text/plain;charset=utf-8,Hi+Tosh%0d%0a`: always URL-encoded, spaces as `+`, hex
//! digits often lower-case. Request bodies in the docs also use the base64 form.

/// A decoded `data:` URI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataUri {
    /// The media type, lower-cased, without parameters; `text/plain` if none was given.
    pub media_type: String,
    /// The content as text.
    pub text: String,
}

/// Why a `data:` URI could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DataUriError {
    /// It does not start with `data:` or has no `,`.
    #[error("not a data URI")]
    NotDataUri,
    /// A `%` escape or base64 payload is malformed.
    #[error("malformed encoding")]
    BadEncoding,
    /// The bytes are not UTF-8 text.
    #[error("content is not UTF-8 text")]
    NotText,
}

/// Decodes a `data:` URI into text.
///
/// In the URL-encoded form `+` means a space (UCWA encodes spaces that way), so it is
/// replaced before `%` escapes are decoded; a literal plus arrives as `%2b`.
///
/// # Errors
/// [`DataUriError`].
pub fn decode(uri: &str) -> Result<DataUri, DataUriError> {
    let rest = uri
        .get(..5)
        .filter(|scheme| scheme.eq_ignore_ascii_case("data:"))
        .map(|_| &uri[5..])
        .ok_or(DataUriError::NotDataUri)?;
    let (header, payload) = rest.split_once(',').ok_or(DataUriError::NotDataUri)?;
    let mut params = header.split(';');
    let media_type = params.next().unwrap_or_default().trim().to_ascii_lowercase();
    let is_base64 = params.any(|p| p.trim().eq_ignore_ascii_case("base64"));
    let bytes = if is_base64 {
        let unescaped = percent_decode(payload).ok_or(DataUriError::BadEncoding)?;
        base64_decode(&unescaped).ok_or(DataUriError::BadEncoding)?
    } else {
        percent_decode(&payload.replace('+', " ")).ok_or(DataUriError::BadEncoding)?
    };
    let text = String::from_utf8(bytes).map_err(|_| DataUriError::NotText)?;
    Ok(DataUri {
        media_type: if media_type.is_empty() {
            "text/plain".to_owned()
        } else {
            media_type
        },
        text,
    })
}

/// Encodes text the way UCWA does: `data:<media type>;charset=utf-8,<text>` with spaces as
/// `+` and everything but unreserved characters as lower-case `%xx`.
pub fn encode(media_type: &str, text: &str) -> String {
    let mut out = format!("data:{media_type};charset=utf-8,");
    for byte in text.bytes() {
        match byte {
            b' ' => out.push('+'),
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(byte));
            }
            _ => out.push_str(&format!("%{byte:02x}")),
        }
    }
    out
}

fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

fn base64_decode(bytes: &[u8]) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        Some(u32::from(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        }))
    };
    let symbols: Vec<u8> = bytes
        .iter()
        .copied()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    let data = symbols
        .strip_suffix(b"==")
        .or_else(|| symbols.strip_suffix(b"="))
        .unwrap_or(&symbols);
    if data.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(data.len() * 3 / 4);
    for chunk in data.chunks(4) {
        let mut acc = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            acc |= value(c)? << (18 - 6 * i);
        }
        let produced = chunk.len() - 1;
        for i in 0..produced {
            out.push((acc >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_ucwa_plain_text() {
        let decoded = decode("data:text/plain;charset=utf-8,Hi+Tosh%0d%0a").expect("decodes");
        assert_eq!(decoded.media_type, "text/plain");
        assert_eq!(decoded.text, "Hi Tosh\r\n");
    }

    #[test]
    fn decodes_lower_case_hex_html() {
        let decoded =
            decode("data:text/html;charset=utf-8,%3cspan+style%3d%22color%3a%23000%22%3eHi%3c%2fspan%3e")
                .expect("decodes");
        assert_eq!(decoded.media_type, "text/html");
        assert_eq!(decoded.text, r##"<span style="color:#000">Hi</span>"##);
    }

    #[test]
    fn decodes_base64() {
        let decoded = decode("data:text/plain;base64,SGVsbG8sIHdvcmxkIQ==").expect("decodes");
        assert_eq!(decoded.text, "Hello, world!");
    }

    #[test]
    fn literal_plus_survives_as_percent_2b() {
        let encoded = encode("text/plain", "1+1 = 2");
        assert_eq!(encoded, "data:text/plain;charset=utf-8,1%2b1+%3d+2");
        assert_eq!(decode(&encoded).expect("decodes").text, "1+1 = 2");
    }

    #[test]
    fn refuses_malformed_uris() {
        assert_eq!(decode("https://x"), Err(DataUriError::NotDataUri));
        assert_eq!(decode("data:text/plain,%zz"), Err(DataUriError::BadEncoding));
        assert_eq!(decode("data:text/plain,%ff"), Err(DataUriError::NotText));
        assert_eq!(decode("data:;base64,A"), Err(DataUriError::BadEncoding));
    }
}
