//! Chat text split into plain text and web links, so that a page can make the links
//! clickable and leave everything else as text.
//!
//! Only `http` and `https` links with a host count: a `javascript:` or `data:` "link" in a
//! message stays text. Punctuation that ends a sentence is not part of the link before it
//! ("see https://example.com/a." links `https://example.com/a`), but a closing bracket that
//! matches one inside the link is (`https://en.wikipedia.org/wiki/Bank_(finance)`).

use url::Url;

/// A piece of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Text, shown as it is.
    Text(String),
    /// A web link: the text as written, and the URL to open.
    Link {
        /// The link as the sender wrote it.
        text: String,
        /// Where it leads (`http` or `https`).
        url: Url,
    },
}

/// The longest link made clickable; longer text stays text.
const MAX_LINK: usize = 2048;

/// Splits `message` into text and links, in order. Joined together, the pieces' texts are
/// `message` again.
pub fn pieces(message: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut text_start = 0;
    let mut search_from = 0;
    while let Some(found) = find_scheme(message, search_from) {
        let end = link_end(message, found);
        let candidate = &message[found..end];
        match link_url(candidate) {
            Some(url) => {
                if text_start < found {
                    pieces.push(Piece::Text(message[text_start..found].to_owned()));
                }
                pieces.push(Piece::Link {
                    text: candidate.to_owned(),
                    url,
                });
                text_start = end;
                search_from = end;
            }
            None => search_from = found + 1,
        }
    }
    if text_start < message.len() {
        pieces.push(Piece::Text(message[text_start..].to_owned()));
    }
    pieces
}

/// The byte offset of the next `http://` or `https://` (any case) at or after `from` that
/// starts a word.
fn find_scheme(message: &str, from: usize) -> Option<usize> {
    let lower = message.to_ascii_lowercase();
    let mut at = from;
    while at < lower.len() {
        let next = lower[at..].find("http")? + at;
        let rest = &lower[next..];
        let starts_word = message[..next]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if starts_word && (rest.starts_with("http://") || rest.starts_with("https://")) {
            return Some(next);
        }
        at = next + 4;
    }
    None
}

/// Where the link starting at `start` ends: at whitespace or a character that cannot be in
/// a URL, without the sentence punctuation that follows it.
fn link_end(message: &str, start: usize) -> usize {
    let rest = &message[start..];
    let mut end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`' | '»' | '”' | '’'))
        .unwrap_or(rest.len());
    loop {
        let link = &rest[..end];
        let Some(last) = link.chars().next_back() else {
            break;
        };
        let unmatched_close = |open: char, close: char| {
            last == close && link.matches(close).count() > link.matches(open).count()
        };
        if matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*')
            || unmatched_close('(', ')')
            || unmatched_close('[', ']')
        {
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    start + end
}

/// The URL of a link candidate, if it is a usable web address.
fn link_url(candidate: &str) -> Option<Url> {
    if candidate.len() > MAX_LINK || !crate::links::plain_ascii_host(candidate) {
        return None;
    }
    let url = Url::parse(candidate).ok()?;
    (matches!(url.scheme(), "http" | "https") && url.host_str().is_some_and(|h| !h.is_empty())).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(message: &str) -> Vec<String> {
        pieces(message)
            .into_iter()
            .map(|piece| match piece {
                Piece::Text(text) => format!("T:{text}"),
                Piece::Link { text, url } => format!("L:{text}={url}"),
            })
            .collect()
    }

    #[test]
    fn web_links_are_found_and_the_rest_stays_text() {
        assert_eq!(
            shown("See https://example.com/rates. Thanks!"),
            [
                "T:See ",
                "L:https://example.com/rates=https://example.com/rates",
                "T:. Thanks!"
            ]
        );
        assert_eq!(
            shown("(http://a.example/x), and HTTPS://B.example?q=1!"),
            [
                "T:(",
                "L:http://a.example/x=http://a.example/x",
                "T:), and ",
                "L:HTTPS://B.example?q=1=https://b.example/?q=1",
                "T:!"
            ]
        );
        assert_eq!(
            shown("https://en.wikipedia.org/wiki/Bank_(finance)"),
            ["L:https://en.wikipedia.org/wiki/Bank_(finance)=https://en.wikipedia.org/wiki/Bank_(finance)"]
        );
    }

    #[test]
    fn quotation_marks_around_a_link_are_not_part_of_it() {
        assert_eq!(
            shown("«https://x.example/a»"),
            ["T:«", "L:https://x.example/a=https://x.example/a", "T:»"]
        );
    }

    #[test]
    fn nothing_but_web_links_is_made_clickable() {
        for message in [
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "https://",
            "xhttps://example.com",
            "https://exämple.com/",
            "plain words",
            "",
        ] {
            assert!(
                pieces(message).iter().all(|p| matches!(p, Piece::Text(_))),
                "{message}: {:?}",
                pieces(message)
            );
        }
    }

    #[test]
    fn a_web_address_inside_a_script_link_is_the_only_link() {
        assert_eq!(
            shown("click javascript:alert('https://x.example')"),
            [
                "T:click javascript:alert('",
                "L:https://x.example=https://x.example/",
                "T:')"
            ]
        );
    }

    #[test]
    fn the_pieces_put_together_are_the_message() {
        for message in [
            "a https://x.example/b c",
            "https://x.example",
            "two: http://a.example http://b.example.",
            "«https://x.example/ü» and “https://y.example”",
        ] {
            let joined: String = pieces(message)
                .into_iter()
                .map(|piece| match piece {
                    Piece::Text(text) | Piece::Link { text, .. } => text,
                })
                .collect();
            assert_eq!(joined, message);
        }
    }
}
