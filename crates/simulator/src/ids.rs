//! Ids and time: the clock, random ids in the shapes the real services used, and user
//! names made from display names.

/// Milliseconds since the epoch, now.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// Seconds since the epoch, now.
pub fn now_secs() -> i64 {
    now_ms() / 1000
}

/// A random lower-case hex id of `bytes` bytes.
pub fn random_hex(bytes: usize) -> String {
    (0..bytes)
        .map(|_| format!("{:02x}", rand::random::<u8>()))
        .collect()
}

/// A random number of `len` digits that does not start with 0 (application ids, guests'
/// numbers).
pub fn random_digits(len: usize) -> String {
    use rand::Rng;
    let mut rng = rand::thread_rng();
    let first = rng.gen_range(1..=9);
    std::iter::once(first)
        .chain((1..len).map(|_| rng.gen_range(0..=9)))
        .map(|d: u32| char::from_digit(d, 10).unwrap_or('0'))
        .collect()
}

/// An 8-character meeting id like the published ones (`PYQC0NM0`).
pub fn random_meeting_id() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    (0..8)
        .map(|_| char::from(ALPHABET[usize::from(rand::random::<u8>()) % ALPHABET.len()]))
        .collect()
}

/// A lower-case user name made of a display name's letters.
pub fn slug(name: &str) -> String {
    let slug: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .take(16)
        .collect();
    if slug.is_empty() {
        "person".to_owned()
    } else {
        slug
    }
}
