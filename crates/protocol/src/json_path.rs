//! Where in a JSON document a decoding error happened, as a path (`_links.self.href`).
//!
//! serde_json reports a line and column. Walking the text up to that point and tracking
//! keys and array indices gives the path, with no per-type code (a wrapping
//! deserializer would double the size of every decoder, which matters in the browser).

/// The path of the value being read at `line`:`column` (1-based, as serde_json counts).
pub(crate) fn at(text: &[u8], line: usize, column: usize) -> String {
    let offset = offset_of(text, line, column).min(text.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < offset {
        match text[i] {
            b'"' => {
                let (string, end) = read_string(text, i);
                if let Some(Frame::Object { key, expecting_key }) = stack.last_mut()
                    && *expecting_key
                {
                    *key = Some(string);
                    *expecting_key = false;
                }
                i = end;
                continue;
            }
            b'{' => stack.push(Frame::Object {
                key: None,
                expecting_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { expecting_key, .. }) => *expecting_key = true,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

enum Frame {
    Object {
        key: Option<String>,
        expecting_key: bool,
    },
    Array {
        index: usize,
    },
}

fn offset_of(text: &[u8], line: usize, column: usize) -> usize {
    let mut current = 1;
    let mut start = 0;
    for (i, byte) in text.iter().enumerate() {
        if current == line {
            break;
        }
        if *byte == b'\n' {
            current += 1;
            start = i + 1;
        }
    }
    start + column.saturating_sub(1)
}

/// Reads the string starting at `start` (a `"`); returns its raw text and the index after it.
fn read_string(text: &[u8], start: usize) -> (String, usize) {
    let mut i = start + 1;
    while i < text.len() {
        match text[i] {
            b'\\' => i += 2,
            b'"' => return (String::from_utf8_lossy(&text[start + 1..i]).into_owned(), i + 1),
            _ => i += 1,
        }
    }
    (
        String::from_utf8_lossy(&text[(start + 1).min(text.len())..]).into_owned(),
        text.len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_of<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> String {
        let error = serde_json::from_str::<T>(json).expect_err("must fail");
        at(json.as_bytes(), error.line(), error.column())
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Link {
        href: String,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Doc {
        #[serde(rename = "_links")]
        links: std::collections::BTreeMap<String, Link>,
        sender: Vec<Vec<u32>>,
    }

    #[test]
    fn points_at_the_value_that_did_not_fit() {
        assert_eq!(
            path_of::<Doc>(r#"{"_links":{"self":{"href":5}},"sender":[]}"#),
            "_links.self.href"
        );
        assert_eq!(
            path_of::<Doc>(r#"{"_links":{},"sender":[[1],[2,"x"]]}"#),
            "sender[1][1]"
        );
        assert_eq!(
            path_of::<Doc>("{\n  \"_links\": {\n    \"a\": {\"href\": true}\n  },\n  \"sender\": []\n}"),
            "_links.a.href"
        );
    }

    #[test]
    fn escaped_quotes_do_not_confuse_it() {
        assert_eq!(
            path_of::<Doc>(r#"{"_links":{"a\"b":{"href":null}},"sender":[]}"#),
            r#"_links.a\"b.href"#
        );
    }

    #[test]
    fn never_panics_on_odd_positions() {
        assert_eq!(at(b"", 9, 9), "");
        assert_eq!(at(b"[[[", 1, 99), "[0][0][0]");
    }
}
