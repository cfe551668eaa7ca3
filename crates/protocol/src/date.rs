//! The two date formats servers mix, even for the same property.
//!
//! UCWA's JSON uses ASP.NET AJAX dates, `"\/Date(1466181726193)\/"` (JSON-escaped slashes);
//! some recorded responses escape them twice, so the decoded string still holds
//! backslashes. Documentation and other responses use ISO-8601
//! (`"2016-06-27T01:42:13.094Z"`). [`WireDate`] reads both and remembers the text it read.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A point in time as milliseconds since the Unix epoch (UTC).
///
/// The crate never reads a clock; callers pass `now` in as a `Timestamp`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    /// The Unix epoch.
    pub const EPOCH: Self = Self(0);

    /// From milliseconds since the epoch.
    pub const fn from_millis(millis: i64) -> Self {
        Self(millis)
    }

    /// From whole seconds since the epoch.
    pub const fn from_secs(secs: i64) -> Self {
        Self(secs.saturating_mul(1000))
    }

    /// Milliseconds since the epoch.
    pub const fn millis(self) -> i64 {
        self.0
    }

    /// This instant moved by `millis` (negative moves back).
    #[must_use]
    pub const fn plus_millis(self, millis: i64) -> Self {
        Self(self.0.saturating_add(millis))
    }

    /// Milliseconds from `earlier` to `self` (negative if `earlier` is later).
    pub const fn millis_since(self, earlier: Self) -> i64 {
        self.0.saturating_sub(earlier.0)
    }

    /// ISO-8601 in UTC with milliseconds: `2016-06-27T01:42:13.094Z`.
    pub fn to_iso8601(self) -> String {
        let days = self.0.div_euclid(86_400_000);
        let in_day = self.0.rem_euclid(86_400_000);
        let (year, month, day) = civil_from_days(days);
        format!(
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
            in_day / 3_600_000,
            in_day / 60_000 % 60,
            in_day / 1000 % 60,
            in_day % 1000
        )
    }

    /// The ASP.NET AJAX form `/Date(ms)/` (JSON serializers escape the slashes as `\/`).
    pub fn to_ajax(self) -> String {
        format!("/Date({})/", self.0)
    }
}

/// Why a date could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a date: {reason}")]
pub struct DateError {
    text: String,
    reason: &'static str,
}

impl DateError {
    fn new(text: &str, reason: &'static str) -> Self {
        Self {
            text: text.chars().take(64).collect(),
            reason,
        }
    }
}

/// Reads an AJAX date (`/Date(ms)/`, `/Date(ms+0100)/`, with or without backslashes) or an
/// ISO-8601 date-time. A date-time without an offset is taken as UTC.
///
/// # Errors
/// [`DateError`] when the text is neither.
pub fn parse(text: &str) -> Result<Timestamp, DateError> {
    let trimmed = text.trim();
    let unescaped: String = trimmed.chars().filter(|&c| c != '\\').collect();
    if let Some(inner) = unescaped
        .strip_prefix("/Date(")
        .and_then(|rest| rest.strip_suffix(")/"))
    {
        return parse_ajax_inner(inner).ok_or_else(|| DateError::new(text, "bad /Date(…)/ value"));
    }
    parse_iso8601(trimmed).ok_or_else(|| DateError::new(text, "neither /Date(ms)/ nor ISO-8601"))
}

fn parse_ajax_inner(inner: &str) -> Option<Timestamp> {
    // The optional `+hhmm` suffix is only the zone the server was in; the number is UTC.
    let digits_end = inner
        .char_indices()
        .skip(1)
        .find(|&(_, c)| c == '+' || c == '-')
        .map_or(inner.len(), |(i, _)| i);
    let (millis, offset) = inner.split_at(digits_end);
    let valid_offset =
        offset.is_empty() || (offset.len() == 5 && offset[1..].bytes().all(|b| b.is_ascii_digit()));
    if !valid_offset {
        return None;
    }
    let valid_number = {
        let unsigned = millis.strip_prefix('-').unwrap_or(millis);
        !unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit())
    };
    valid_number
        .then(|| millis.parse().ok())
        .flatten()
        .map(Timestamp::from_millis)
}

fn parse_iso8601(text: &str) -> Option<Timestamp> {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = text.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    if bytes.len() < 19
        || bytes[4] != b'-'
        || bytes[7] != b'-'
        || !matches!(bytes[10], b'T' | b't' | b' ')
        || bytes[13] != b':'
        || bytes[16] != b':'
    {
        return None;
    }
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    if !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut rest = &text[19..];
    let mut millis = 0;
    if let Some(fraction) = rest.strip_prefix('.') {
        let len = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if len == 0 {
            return None;
        }
        let digits = &fraction[..len];
        let padded: String = digits.chars().chain("00".chars()).take(3).collect();
        millis = padded.parse::<i64>().ok()?;
        rest = &fraction[len..];
    }
    let offset_minutes = match rest {
        "" | "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let zone = rest[1..].replace(':', "");
            if zone.len() != 4 || !zone.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let (h, m): (i64, i64) = (zone[..2].parse().ok()?, zone[2..].parse().ok()?);
            if h > 23 || m > 59 {
                return None;
            }
            sign * (h * 60 + m)
        }
    };
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second.min(59) - offset_minutes * 60;
    Some(Timestamp::from_millis(seconds * 1000 + millis))
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian
// calendar, no tables, no clock.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// A date property as the server wrote it, plus the instant it denotes.
///
/// It serializes back to exactly the text it was read from, so a resource round-trips.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WireDate {
    raw: String,
    at: Timestamp,
}

impl WireDate {
    /// The AJAX form UCWA uses: `/Date(ms)/`.
    pub fn ajax(at: Timestamp) -> Self {
        Self {
            raw: at.to_ajax(),
            at,
        }
    }

    /// The ISO-8601 form the documentation uses.
    pub fn iso8601(at: Timestamp) -> Self {
        Self {
            raw: at.to_iso8601(),
            at,
        }
    }

    /// Reads either format; see [`parse`].
    ///
    /// # Errors
    /// [`DateError`].
    pub fn parse(text: &str) -> Result<Self, DateError> {
        Ok(Self {
            raw: text.to_owned(),
            at: parse(text)?,
        })
    }

    /// The instant.
    pub fn at(&self) -> Timestamp {
        self.at
    }

    /// The text as sent.
    pub fn as_str(&self) -> &str {
        &self.raw
    }
}

impl fmt::Display for WireDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

impl Serialize for WireDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.raw)
    }
}

impl<'de> Deserialize<'de> for WireDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ajax_dates_in_every_escaping() {
        for text in [
            "/Date(1466181726193)/",
            r"\/Date(1466181726193)\/",
            r"\\/Date(1466181726193)\\/",
            "/Date(1466181726193+0200)/",
        ] {
            assert_eq!(
                parse(text),
                Ok(Timestamp::from_millis(1_466_181_726_193)),
                "{text}"
            );
        }
    }

    #[test]
    fn reads_iso_dates_with_and_without_offsets() {
        let expected = Timestamp::from_millis(1_466_991_733_094);
        assert_eq!(parse("2016-06-27T01:42:13.094Z"), Ok(expected));
        assert_eq!(parse("2016-06-27T03:42:13.094+02:00"), Ok(expected));
        assert_eq!(parse("2016-06-27T01:42:13.0941234"), Ok(expected));
        assert_eq!(
            parse("2016-06-27T01:42:13Z"),
            Ok(Timestamp::from_millis(1_466_991_733_000))
        );
    }

    #[test]
    fn refuses_impossible_dates() {
        for text in [
            "2016-02-30T00:00:00Z",
            "2016-13-01T00:00:00Z",
            "/Date(12a)/",
            "/Date()/",
            "yesterday",
            "",
        ] {
            assert!(parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn formats_both_ways() {
        let at = Timestamp::from_millis(1_466_991_733_094);
        assert_eq!(at.to_iso8601(), "2016-06-27T01:42:13.094Z");
        assert_eq!(at.to_ajax(), "/Date(1466991733094)/");
        assert_eq!(
            Timestamp::from_millis(-1).to_iso8601(),
            "1969-12-31T23:59:59.999Z"
        );
    }

    #[test]
    fn wire_date_round_trips_its_text() {
        let json = r#""\\/Date(1483967116000)\\/""#;
        let date: WireDate = serde_json::from_str(json).expect("parses");
        assert_eq!(date.at(), Timestamp::from_millis(1_483_967_116_000));
        assert_eq!(serde_json::to_string(&date).expect("serializes"), json);
    }
}
