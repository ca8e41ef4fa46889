//! Natural order of paths: `2-pods.txt` before `10-services.txt`, as a
//! person numbering lectures expects.

use super::Found;

/// Found files in natural order of their paths (`2-pods.txt` before
/// `10-services.txt`).
pub fn natural_order(found: Vec<Found>) -> Vec<Found> {
    // The keys are computed once per path, not once per comparison: with
    // a thousand files the sort was a third of `pilgi search`'s run.
    let mut keyed: Vec<(NaturalKey, Found)> = found
        .into_iter()
        .map(|f| (NaturalKey::of(&f.rel), f))
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.into_iter().map(|(_, f)| f).collect()
}

/// A path cut into the chunks [`natural_cmp`] compares, each lowercased
/// once; ordering keys is the same as [`natural_cmp`] on the paths.
struct NaturalKey {
    /// (digit run, lowercased text, length without leading zeros)
    chunks: Vec<(bool, String, usize)>,
    raw: String,
}

impl NaturalKey {
    fn of(s: &str) -> NaturalKey {
        let chunks = chunks(s)
            .into_iter()
            .map(|(d, t)| (d, t.to_lowercase(), t.trim_start_matches('0').len()))
            .collect();
        NaturalKey {
            chunks,
            raw: s.to_owned(),
        }
    }

    fn cmp(&self, other: &NaturalKey) -> std::cmp::Ordering {
        for (x, y) in self.chunks.iter().zip(&other.chunks) {
            let o = match (x.0, y.0) {
                (true, true) => (x.2, &x.1).cmp(&(y.2, &y.1)),
                _ => x.1.cmp(&y.1),
            };
            if o.is_ne() {
                return o;
            }
        }
        (self.chunks.len().cmp(&other.chunks.len())).then_with(|| self.raw.cmp(&other.raw))
    }
}

/// `s` cut into runs of digits and runs of anything else.
fn chunks(s: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut digit = None;
    for (i, c) in s.char_indices() {
        let d = c.is_ascii_digit();
        if digit.is_some_and(|p| p != d) {
            out.push((digit.unwrap_or(false), &s[start..i]));
            start = i;
        }
        digit = Some(d);
    }
    out.push((digit.unwrap_or(false), &s[start..]));
    out
}

/// Compares paths so that digit runs compare as numbers.
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let key = |(d, t): (bool, &str)| {
        if d {
            (t.trim_start_matches('0').len(), t.to_owned())
        } else {
            (0, t.to_lowercase())
        }
    };
    let (ca, cb) = (chunks(a), chunks(b));
    for (x, y) in ca.iter().zip(&cb) {
        let o = match (x.0, y.0) {
            (true, true) => key(*x).cmp(&key(*y)),
            _ => x.1.to_lowercase().cmp(&y.1.to_lowercase()),
        };
        if o.is_ne() {
            return o;
        }
    }
    ca.len().cmp(&cb.len()).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_cmp_orders_digits_by_value() {
        let mut v = vec!["10-b.txt", "2-a.txt", "a/1.md", "1-z.txt"];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(v, ["1-z.txt", "2-a.txt", "10-b.txt", "a/1.md"]);
    }

    #[test]
    fn keys_order_like_natural_cmp() {
        let names = [
            "10-b.txt",
            "2-a.txt",
            "a/1.md",
            "1-z.txt",
            "01-z.txt",
            "B.txt",
            "a.txt",
            "a10",
            "a9b",
            "노트 2.md",
            "노트 10.md",
            "x007",
            "x7",
            "X7",
            "",
        ];
        for a in names {
            for b in names {
                let (ka, kb) = (NaturalKey::of(a), NaturalKey::of(b));
                assert_eq!(ka.cmp(&kb), natural_cmp(a, b), "{a:?} vs {b:?}");
            }
        }
    }
}
