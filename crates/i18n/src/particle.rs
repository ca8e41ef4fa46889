//! The Korean particle after a word or a number: `을` after a final
//! consonant (받침), `를` after a vowel; `으로`/`로` also takes `로` after
//! ㄹ. A placeholder's value is only known when the message is said, so
//! the catalogs write `{ $name }{ PARTICLE($name, "을/를") }`.
//!
//! The same rule runs in the web UI (`ui/js/l10n.js`); both are tested
//! against `tests/particles.tsv`.

/// How a word ends, as far as a particle cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    Vowel,
    Consonant,
    /// ㄹ: a consonant, except before 로.
    Rieul,
}

/// The particle of `pair` (`을/를`: the form after a consonant, then the
/// one after a vowel) that follows `word`.
pub fn after<'p>(word: &str, pair: &'p str) -> &'p str {
    let (consonant, vowel) = pair.split_once('/').unwrap_or((pair, pair));
    match ending(word) {
        Ending::Consonant => consonant,
        Ending::Rieul if vowel == "로" => vowel,
        Ending::Rieul => consonant,
        Ending::Vowel => vowel,
    }
}

/// How `word` sounds at its end: the last Hangul syllable's final
/// consonant, a number read in Korean (`3` 삼, `10` 십), a Latin word by
/// its last letter (`pod` 팟, `node` 노드, `kubectl` …틀), a letter or an
/// acronym by the last letter's name (`K` 케이, `HTML` …엘); closing
/// punctuation is looked through.
fn ending(word: &str) -> Ending {
    let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    let Some(last) = word.chars().last() else {
        return Ending::Vowel;
    };
    if ('가'..='힣').contains(&last) {
        return match (last as u32 - 0xAC00) % 28 {
            0 => Ending::Vowel,
            8 => Ending::Rieul,
            _ => Ending::Consonant,
        };
    }
    if last.is_ascii_digit() {
        return number(word);
    }
    let letters: Vec<char> = word
        .chars()
        .rev()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    if letters.len() == 1 || letters.iter().all(char::is_ascii_uppercase) {
        // A letter or an acronym is read letter by letter (`K` 케이, `HTML`
        // …엘, `JSON` …엔 as a word): the last letter's name decides.
        return match last.to_ascii_uppercase() {
            'L' => Ending::Rieul,
            'M' | 'N' => Ending::Consonant,
            _ => Ending::Vowel,
        };
    }
    match last.to_ascii_lowercase() {
        'l' => Ending::Rieul,
        'b' | 'c' | 'd' | 'g' | 'k' | 'm' | 'n' | 'p' | 't' => Ending::Consonant,
        _ => Ending::Vowel,
    }
}

/// A number's ending as read in Korean: its last non-zero digit (일 삼 육
/// 칠 팔 end in a consonant), or the unit its zeros make (십 백 천 만).
fn number(word: &str) -> Ending {
    let digits: Vec<u8> = word
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .map(|c| c as u8 - b'0')
        .collect();
    let zeros = digits.iter().take_while(|d| **d == 0).count();
    if zeros == digits.len() {
        return Ending::Consonant; // 영
    }
    match zeros {
        0 => match digits[0] {
            1 | 7 | 8 => Ending::Rieul,
            3 | 6 => Ending::Consonant,
            _ => Ending::Vowel,
        },
        // 십, 백, 천, 만 and then 억 (8 zeros): all end in a consonant.
        _ => Ending::Consonant,
    }
}
