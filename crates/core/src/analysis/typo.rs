//! How far apart two spellings are: the one measure of a typo, shared by
//! the snippets (which words a fuzzy form met) and the glossary (a phrase
//! typed with a slip, `horizonal pod autoscaler`).

/// Optimal string alignment distance (insertions, deletions, substitutions
/// and swaps of neighbours): enough for short words.
pub fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::distance;

    #[test]
    fn counts_slips() {
        assert_eq!(distance("horizonal", "horizontal"), 1);
        assert_eq!(distance("teh", "the"), 1);
        assert_eq!(distance("pod", "pod"), 0);
        assert_eq!(distance("pod", "node"), 2);
    }
}
