//! Turning incoming `text/html` messages into plain text that is safe to display.
//!
//! Nothing from a message is ever inserted as markup: tags are dropped, `<script>` and
//! `<style>` content with them, block boundaries become line breaks, entities are decoded.
//! The result is plain text for a text node.

/// The plain text of an HTML fragment.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut skipping_until: Option<&'static str> = None;
    while let Some(open) = find_tag_start(rest) {
        if skipping_until.is_none() {
            push_text(&mut out, &rest[..open]);
        }
        rest = &rest[open..];
        let Some(close) = tag_end(rest) else {
            // A tag cut off by the end of input is dropped, as browsers do.
            rest = "";
            break;
        };
        let tag = &rest[1..close];
        rest = &rest[close + 1..];
        let name = tag_name(tag);
        let closing = tag.starts_with('/');
        if let Some(end) = skipping_until {
            if closing && name == end {
                skipping_until = None;
            }
            continue;
        }
        match name.as_str() {
            "script" | "style" | "head" | "title" if !closing => {
                skipping_until = Some(match name.as_str() {
                    "script" => "script",
                    "style" => "style",
                    "head" => "head",
                    _ => "title",
                });
            }
            "br" => out.push('\n'),
            "p" | "div" | "li" | "tr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "pre"
                if !out.is_empty() && !out.ends_with('\n') =>
            {
                out.push('\n');
            }
            _ => {}
        }
    }
    if skipping_until.is_none() {
        push_text(&mut out, rest);
    }
    out.lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

/// Finds the next `<` that starts a tag: as in HTML, only `<` followed by a letter, `/`
/// or `!` does; `1 < 2` is text.
fn find_tag_start(text: &str) -> Option<usize> {
    text.match_indices('<')
        .map(|(i, _)| i)
        .find(|&i| text[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!'))
}

/// Finds the `>` that ends the tag starting at `text[0] == '<'`, honouring quotes.
fn tag_end(text: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in text.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches(['/', '!'])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Appends text with entities decoded and runs of whitespace collapsed to one space.
fn push_text(out: &mut String, text: &str) {
    let decoded = decode_entities(text);
    for c in decoded.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if !out.ends_with([' ', '\n']) && !out.is_empty() {
                out.push(' ');
            }
        } else if c.is_control() {
            // Control characters have no place in a chat line.
        } else {
            out.push(if c == '\u{a0}' { ' ' } else { c });
        }
    }
}

/// Decodes the HTML character references chat clients produce.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&end| end <= 10);
        let decoded = end.and_then(|end| decode_entity(&rest[1..end]));
        match (end, decoded) {
            (Some(end), Some(c)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "euro" => '€',
        "copy" => '©',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_text_and_drops_markup() {
        assert_eq!(
            to_text(r#"<span style="color:#000">Hello <b>there</b></span>"#),
            "Hello there"
        );
    }

    #[test]
    fn scripts_and_handlers_never_survive() {
        let text =
            to_text(r#"<img src=x onerror="alert(1)">hi<script>alert('x')</script><style>p{}</style>!"#);
        assert_eq!(text, "hi!");
    }

    #[test]
    fn blocks_become_lines_and_entities_decode() {
        assert_eq!(
            to_text("<p>Fish &amp; chips</p><p>&lt;3&nbsp;&#233;&#x263A;</p>line<br>two"),
            "Fish & chips\n<3 é☺\nline\ntwo"
        );
    }

    #[test]
    fn a_lone_angle_bracket_is_text() {
        assert_eq!(to_text("1 < 2 and 3 > 2"), "1 < 2 and 3 > 2");
        assert_eq!(to_text("a &unknown; b & c"), "a &unknown; b & c");
    }

    #[test]
    fn quoted_angle_brackets_stay_inside_their_tag() {
        assert_eq!(to_text(r##"<a title="x > y" href="#">link</a>"##), "link");
    }
}
