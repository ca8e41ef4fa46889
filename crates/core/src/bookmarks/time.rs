//! RFC 3339 UTC timestamps from the system clock, without a date crate:
//! bookmarks only need "now" written in a form that sorts as text and that
//! people and other tools can read.

use std::time::{SystemTime, UNIX_EPOCH};

/// Now, as `YYYY-MM-DDTHH:MM:SS.mmmZ`. Millisecond precision so that two
/// edits in the same second still order; the fixed width makes the text
/// order the time order, which import relies on.
pub fn now() -> String {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    format_millis(since.as_millis().try_into().unwrap_or(i64::MAX))
}

/// Formats milliseconds since the Unix epoch as RFC 3339 UTC.
pub fn format_millis(millis: i64) -> String {
    let secs = millis.div_euclid(1000);
    let ms = millis.rem_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{ms:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// A compact form for file names: `20260501T093000Z`.
pub fn compact(rfc3339: &str) -> String {
    rfc3339
        .chars()
        .take(19)
        .filter(|c| c.is_ascii_digit() || *c == 'T')
        .chain(std::iter::once('Z'))
        .collect()
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
/// `civil_from_days`), exact for every date a bookmark can carry.
pub(crate) fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_instants() {
        assert_eq!(format_millis(0), "1970-01-01T00:00:00.000Z");
        // 2000-02-29 (a leap day in a century leap year) 12:34:56.789
        assert_eq!(format_millis(951_827_696_789), "2000-02-29T12:34:56.789Z");
        // 2024-12-31T23:59:59.999Z
        assert_eq!(format_millis(1_735_689_599_999), "2024-12-31T23:59:59.999Z");
        assert_eq!(compact("2024-12-31T23:59:59.999Z"), "20241231T235959Z");
    }

    #[test]
    fn text_order_is_time_order() {
        let a = format_millis(1_700_000_000_000);
        let b = format_millis(1_700_000_000_001);
        assert!(a < b);
        assert!(now().as_str() > "2020");
    }
}
