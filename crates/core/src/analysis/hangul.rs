//! Hangul arithmetic: syllable ↔ jamo, 초성 (initial consonants) and the
//! 2-beolsik keyboard layout in both directions.
//!
//! Why: a user with the wrong input method on types `dlalwl` for 이미지 or
//! `ㄷㅅㅊㅇㅊ시` for `etcdctl`, and many Korean users search by initials
//! (`ㅋㅌㅇㄴ` for 컨테이너). All three are pure table arithmetic on the
//! Unicode Hangul block, so no dictionary is needed.

const SYLLABLE_BASE: u32 = 0xAC00;
const SYLLABLE_LAST: u32 = 0xD7A3;
const JUNG_COUNT: u32 = 21;
const JONG_COUNT: u32 = 28;

/// Initial consonants (choseong) in Unicode order, as compatibility jamo.
const CHO: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];
/// Vowels (jungseong) in Unicode order.
const JUNG: [char; 21] = [
    'ㅏ', 'ㅐ', 'ㅑ', 'ㅒ', 'ㅓ', 'ㅔ', 'ㅕ', 'ㅖ', 'ㅗ', 'ㅘ', 'ㅙ', 'ㅚ', 'ㅛ', 'ㅜ', 'ㅝ', 'ㅞ',
    'ㅟ', 'ㅠ', 'ㅡ', 'ㅢ', 'ㅣ',
];
/// Final consonants (jongseong) in Unicode order; index 0 is "none".
const JONG: [Option<char>; 28] = [
    None,
    Some('ㄱ'),
    Some('ㄲ'),
    Some('ㄳ'),
    Some('ㄴ'),
    Some('ㄵ'),
    Some('ㄶ'),
    Some('ㄷ'),
    Some('ㄹ'),
    Some('ㄺ'),
    Some('ㄻ'),
    Some('ㄼ'),
    Some('ㄽ'),
    Some('ㄾ'),
    Some('ㄿ'),
    Some('ㅀ'),
    Some('ㅁ'),
    Some('ㅂ'),
    Some('ㅄ'),
    Some('ㅅ'),
    Some('ㅆ'),
    Some('ㅇ'),
    Some('ㅈ'),
    Some('ㅊ'),
    Some('ㅋ'),
    Some('ㅌ'),
    Some('ㅍ'),
    Some('ㅎ'),
];

/// 2-beolsik keys of every compatibility jamo, including the composed
/// vowels and consonant clusters that take two keys.
const KEYS: [(char, &str); 51] = [
    ('ㄱ', "r"),
    ('ㄲ', "R"),
    ('ㄳ', "rt"),
    ('ㄴ', "s"),
    ('ㄵ', "sw"),
    ('ㄶ', "sg"),
    ('ㄷ', "e"),
    ('ㄸ', "E"),
    ('ㄹ', "f"),
    ('ㄺ', "fr"),
    ('ㄻ', "fa"),
    ('ㄼ', "fq"),
    ('ㄽ', "ft"),
    ('ㄾ', "fx"),
    ('ㄿ', "fv"),
    ('ㅀ', "fg"),
    ('ㅁ', "a"),
    ('ㅂ', "q"),
    ('ㅃ', "Q"),
    ('ㅄ', "qt"),
    ('ㅅ', "t"),
    ('ㅆ', "T"),
    ('ㅇ', "d"),
    ('ㅈ', "w"),
    ('ㅉ', "W"),
    ('ㅊ', "c"),
    ('ㅋ', "z"),
    ('ㅌ', "x"),
    ('ㅍ', "v"),
    ('ㅎ', "g"),
    ('ㅏ', "k"),
    ('ㅐ', "o"),
    ('ㅑ', "i"),
    ('ㅒ', "O"),
    ('ㅓ', "j"),
    ('ㅔ', "p"),
    ('ㅕ', "u"),
    ('ㅖ', "P"),
    ('ㅗ', "h"),
    ('ㅘ', "hk"),
    ('ㅙ', "ho"),
    ('ㅚ', "hl"),
    ('ㅛ', "y"),
    ('ㅜ', "n"),
    ('ㅝ', "nj"),
    ('ㅞ', "np"),
    ('ㅟ', "nl"),
    ('ㅠ', "b"),
    ('ㅡ', "m"),
    ('ㅢ', "ml"),
    ('ㅣ', "l"),
];

/// The parts of a precomposed syllable: (initial, vowel, final) indices.
fn decompose(c: char) -> Option<(usize, usize, usize)> {
    let code = c as u32;
    if !(SYLLABLE_BASE..=SYLLABLE_LAST).contains(&code) {
        return None;
    }
    let s = code - SYLLABLE_BASE;
    let cho = s / (JUNG_COUNT * JONG_COUNT);
    let jung = (s % (JUNG_COUNT * JONG_COUNT)) / JONG_COUNT;
    let jong = s % JONG_COUNT;
    Some((cho as usize, jung as usize, jong as usize))
}

fn compose(cho: usize, jung: usize, jong: usize) -> Option<char> {
    let code = SYLLABLE_BASE + ((cho as u32 * JUNG_COUNT) + jung as u32) * JONG_COUNT + jong as u32;
    char::from_u32(code)
}

/// Whether `c` is a precomposed Hangul syllable (가–힣).
pub fn is_syllable(c: char) -> bool {
    (SYLLABLE_BASE..=SYLLABLE_LAST).contains(&(c as u32))
}

/// Whether `c` is a compatibility jamo (ㄱ–ㅣ), what an IME shows mid-word.
pub fn is_jamo(c: char) -> bool {
    ('\u{3131}'..='\u{3163}').contains(&c)
}

/// Whether `c` is a consonant compatibility jamo (ㄱ–ㅎ).
pub fn is_consonant_jamo(c: char) -> bool {
    ('\u{3131}'..='\u{314E}').contains(&c)
}

/// Whether `c` is Hangul, in any of Unicode's Hangul blocks: syllables,
/// compatibility jamo, and the conjoining jamo of decomposed or old text.
/// The one test of "is this Korean script" (search, rendering, commands).
pub fn is_hangul(c: char) -> bool {
    matches!(c as u32,
        0xAC00..=0xD7A3 | 0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xD7B0..=0xD7FF)
}

/// Whether the syllable ends in a final consonant (받침), which decides the
/// particle form (컨테이너를 vs 노드를 vs 상태를 / 명령을).
pub fn has_final(c: char) -> bool {
    decompose(c).is_some_and(|(_, _, jong)| jong != 0)
}

/// Whether the syllable's final consonant is ㄹ (it takes 로, not 으로).
pub fn final_is_rieul(c: char) -> bool {
    decompose(c).is_some_and(|(_, _, jong)| jong == 8)
}

/// The 초성 of `text`: each syllable becomes its initial consonant; jamo
/// are kept; anything else is dropped. `컨테이너` → `ㅋㅌㅇㄴ`.
pub fn chosung(text: &str) -> String {
    text.chars()
        .filter_map(|c| match decompose(c) {
            Some((cho, _, _)) => Some(CHO[cho]),
            None if is_jamo(c) => Some(c),
            None => None,
        })
        .collect()
}

/// The syllables whose initial consonant is the jamo `c` (ㅋ → 카..=킿):
/// one contiguous block, so one range of a sorted term dictionary.
pub fn syllables_with_initial(c: char) -> Option<std::ops::RangeInclusive<char>> {
    let cho = CHO.iter().position(|&j| j == c)?;
    Some(compose(cho, 0, 0)?..=compose(cho, JUNG.len() - 1, JONG.len() - 1)?)
}

/// The initial consonants a 2-beolsik key types, ignoring shift (`r` → ㄱ
/// and ㄲ): lowercase keys are how words are compared by keys.
pub fn initials_of_key(key: char) -> impl Iterator<Item = char> {
    let key = key.to_ascii_lowercase();
    CHO.into_iter().filter(move |&j| {
        jamo_keys(j)
            .is_some_and(|k| k.len() == 1 && k.eq_ignore_ascii_case(key.encode_utf8(&mut [0; 4])))
    })
}

/// Whether `text` is a non-empty run of consonant jamo only: how a 초성
/// query looks (`ㅋㅌㅇㄴ`).
pub fn is_chosung_query(text: &str) -> bool {
    !text.is_empty() && text.chars().all(is_consonant_jamo)
}

fn jamo_keys(c: char) -> Option<&'static str> {
    KEYS.iter().find(|(j, _)| *j == c).map(|(_, k)| *k)
}

/// The 2-beolsik keys that type `text`: `컨테이너` → `zjsxpdlsj`,
/// `ㄷㅅㅊㅇㅊ시` → `etcdctl`. Characters that are not Hangul pass through.
/// Shifted keys (ㄲ → `R`) keep their case; callers lowercase as needed.
pub fn to_keys(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if let Some((cho, jung, jong)) = decompose(c) {
            for j in [Some(CHO[cho]), Some(JUNG[jung]), JONG[jong]]
                .into_iter()
                .flatten()
            {
                out.push_str(jamo_keys(j).unwrap_or_default());
            }
        } else if let Some(k) = jamo_keys(c) {
            out.push_str(k);
        } else {
            out.push(c);
        }
    }
    out
}

/// The jamo a key types, or `None` for keys outside the layout. Capital
/// letters type the shifted jamo where there is one (`R` → ㄲ) and the plain
/// one otherwise (`K` → ㅏ), like a real keyboard with Caps Lock.
fn key_jamo(key: char) -> Option<char> {
    let single = |k: char| {
        KEYS.iter()
            .find(|(_, s)| s.len() == 1 && s.starts_with(k))
            .map(|(j, _)| *j)
    };
    single(key).or_else(|| single(key.to_ascii_lowercase()))
}

fn is_vowel(j: char) -> bool {
    ('ㅏ'..='ㅣ').contains(&j)
}

/// Two jamo typed in a row that an IME merges (ㅗ+ㅏ = ㅘ, ㄹ+ㄱ = ㄺ).
fn combine(a: char, b: char) -> Option<char> {
    let mut keys = String::from(jamo_keys(a)?);
    keys.push_str(jamo_keys(b)?);
    KEYS.iter().find(|(_, k)| *k == keys).map(|(j, _)| *j)
}

/// The last jamo of a cluster and what remains (ㄺ → (ㄹ, ㄱ)), for a final
/// consonant that moves to the next syllable when a vowel follows.
fn split_cluster(j: char) -> Option<(char, char)> {
    let keys = jamo_keys(j)?;
    let mut chars = keys.chars();
    let (a, b) = (chars.next()?, chars.next()?);
    Some((key_jamo(a)?, key_jamo(b)?))
}

/// The syllable being composed by the IME.
#[derive(Default)]
struct Composer {
    cho: Option<char>,
    jung: Option<char>,
    jong: Option<char>,
}

impl Composer {
    fn flush(&mut self, out: &mut String) {
        let cho = self.cho.and_then(|c| CHO.iter().position(|&x| x == c));
        let jung = self.jung.and_then(|c| JUNG.iter().position(|&x| x == c));
        let jong = JONG.iter().position(|&x| x == self.jong).unwrap_or(0);
        match (cho, jung) {
            (Some(cho), Some(jung)) => out.extend(compose(cho, jung, jong)),
            _ => out.extend([self.cho, self.jung, self.jong].into_iter().flatten()),
        }
        *self = Composer::default();
    }

    fn consonant(&mut self, c: char, out: &mut String) {
        match (self.cho, self.jung, self.jong) {
            (Some(_), Some(_), None) if JONG.contains(&Some(c)) => self.jong = Some(c),
            (Some(_), Some(_), Some(j)) => match combine(j, c).filter(|m| JONG.contains(&Some(*m)))
            {
                Some(m) => self.jong = Some(m),
                None => {
                    self.flush(out);
                    self.cho = Some(c);
                }
            },
            _ => {
                self.flush(out);
                self.cho = Some(c);
            }
        }
    }

    fn vowel(&mut self, v: char, out: &mut String) {
        match (self.cho, self.jung, self.jong) {
            (_, None, None) if self.cho.is_some() => self.jung = Some(v),
            (_, Some(j), None) => match combine(j, v) {
                Some(m) => self.jung = Some(m),
                None => {
                    self.flush(out);
                    self.jung = Some(v);
                }
            },
            (Some(_), Some(_), Some(jong)) => {
                // The final consonant (or a cluster's last part) starts the next syllable.
                let (keep, moved) = match split_cluster(jong) {
                    Some((a, b)) => (Some(a), b),
                    None => (None, jong),
                };
                self.jong = keep;
                self.flush(out);
                self.cho = Some(moved);
                self.jung = Some(v);
            }
            _ => {
                self.flush(out);
                self.jung = Some(v);
            }
        }
    }
}

/// What a 2-beolsik IME would produce for these keys: `dkssud` → `안녕`,
/// `zjsxpdlsj` → `컨테이너`. Keys outside the layout (digits, punctuation)
/// pass through and end the syllable being composed.
pub fn from_keys(keys: &str) -> String {
    let mut out = String::with_capacity(keys.len() * 2);
    let mut composer = Composer::default();
    for key in keys.chars() {
        match key_jamo(key) {
            Some(j) if is_vowel(j) => composer.vowel(j, &mut out),
            Some(j) => composer.consonant(j, &mut out),
            None => {
                composer.flush(&mut out);
                out.push(key);
            }
        }
    }
    composer.flush(&mut out);
    out
}

/// The Hangul word these Latin keys type, when every key lands in a complete
/// syllable (`dlalwl` → 이미지); `None` when the result would contain lone
/// jamo or non-letters (`pod` → ㅔㅐㅇ is not a word someone meant).
pub fn hangul_of_keys(keys: &str) -> Option<String> {
    if keys.is_empty() || !keys.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let text = from_keys(keys);
    text.chars().all(is_syllable).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chosung_of_words_and_mixed_text() {
        assert_eq!(chosung("컨테이너"), "ㅋㅌㅇㄴ");
        assert_eq!(chosung("노드 ㅋㅋ pod"), "ㄴㄷㅋㅋ");
        assert!(is_chosung_query("ㅋㅌㅇㄴ"));
        assert!(!is_chosung_query("ㅋㅏ"));
        assert!(!is_chosung_query(""));
    }

    #[test]
    fn blocks_by_initial_and_key() {
        assert_eq!(syllables_with_initial('ㅋ'), Some('카'..='킿'));
        assert_eq!(syllables_with_initial('ㄱ'), Some('가'..='깋'));
        assert_eq!(syllables_with_initial('ㅏ'), None);
        assert_eq!(initials_of_key('r').collect::<Vec<_>>(), ['ㄱ', 'ㄲ']);
        assert_eq!(initials_of_key('Z').collect::<Vec<_>>(), ['ㅋ']);
        assert_eq!(initials_of_key('k').count(), 0, "a vowel key");
    }

    #[test]
    fn keys_of_hangul() {
        assert_eq!(to_keys("컨테이너"), "zjsxpdlsj");
        assert_eq!(to_keys("이미지"), "dlalwl");
        assert_eq!(to_keys("ㄷㅅㅊㅇㅊ시"), "etcdctl");
        assert_eq!(to_keys("ㅏㅕㅠㄷㅊ시"), "kubectl");
        assert_eq!(to_keys("닭 v1"), "ekfr v1");
        assert_eq!(to_keys("까"), "Rk");
    }

    #[test]
    fn ime_composes_syllables() {
        assert_eq!(from_keys("dkssud"), "안녕");
        assert_eq!(from_keys("zjsxpdlsj"), "컨테이너");
        assert_eq!(from_keys("dlalwl"), "이미지");
        assert_eq!(from_keys("ekfrdl"), "닭이");
        assert_eq!(from_keys("ghkrdls"), "확인");
        assert_eq!(from_keys("Rk"), "까");
        assert_eq!(from_keys("K"), "ㅏ");
        assert_eq!(from_keys("rk1"), "가1");
    }

    #[test]
    fn round_trip_over_all_syllables() {
        for code in SYLLABLE_BASE..=SYLLABLE_LAST {
            let c = char::from_u32(code).unwrap_or('가');
            let word: String = [c, '가'].iter().collect();
            assert_eq!(from_keys(&to_keys(&word)), word, "{c}");
        }
    }

    #[test]
    fn only_complete_words_are_layout_guesses() {
        assert_eq!(hangul_of_keys("dlalwl").as_deref(), Some("이미지"));
        assert_eq!(hangul_of_keys("pod"), None);
        assert_eq!(hangul_of_keys("svc"), None);
        assert_eq!(hangul_of_keys("k8s"), None);
        assert_eq!(hangul_of_keys(""), None);
    }

    #[test]
    fn finals_decide_particles() {
        assert!(has_final('상'));
        assert!(!has_final('너'));
        assert!(final_is_rieul('일'));
        assert!(!has_final('a'));
    }
}
