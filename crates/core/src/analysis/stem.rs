//! Stemming without a dictionary: conservative Korean particle and 하다-ending
//! stripping, and the Snowball English stemmer.
//!
//! Why conservative: the index always keeps the whole word too, so a missed
//! strip only costs recall on inflected forms, while an over-strip
//! (목적으로 → 목) makes unrelated words match. Every rule here therefore
//! checks the particle's phonological form and a minimum stem length.

use super::hangul::{final_is_rieul, has_final, is_syllable};
use super::segment::Script;
use std::borrow::Cow;

/// Which syllable a suffix may follow, by the stem's last syllable.
#[derive(Clone, Copy)]
enum After {
    /// Any syllable (에, 의, 도, 에서 …).
    Any,
    /// A syllable with a final consonant (을, 은, 이, 과, 으로).
    Consonant,
    /// A syllable without one (를, 는, 가, 와).
    Vowel,
    /// No final, or final ㄹ (로: 파일로, 노드로).
    VowelOrRieul,
}

/// Case particles and their combinations. `min` is the shortest stem in
/// syllables: one-syllable particles need a two-syllable stem so that
/// 하나, 정의, 추가 stay whole.
const PARTICLES: &[(&str, After, usize)] = &[
    ("에서는", After::Any, 1),
    ("에서도", After::Any, 1),
    ("에서의", After::Any, 1),
    ("에게서", After::Any, 1),
    ("으로는", After::Consonant, 1),
    ("으로도", After::Consonant, 1),
    ("으로서", After::Consonant, 1),
    ("으로써", After::Consonant, 1),
    ("이라는", After::Consonant, 1),
    ("이라고", After::Consonant, 1),
    ("이지만", After::Consonant, 1),
    ("에서", After::Any, 1),
    ("에게", After::Any, 1),
    ("에는", After::Any, 1),
    ("에도", After::Any, 1),
    ("까지", After::Any, 1),
    ("부터", After::Any, 1),
    ("보다", After::Any, 1),
    ("처럼", After::Any, 1),
    ("마다", After::Any, 1),
    ("끼리", After::Any, 1),
    ("한테", After::Any, 1),
    ("만큼", After::Any, 1),
    ("으로", After::Consonant, 1),
    ("이란", After::Consonant, 1),
    ("이랑", After::Consonant, 1),
    ("이나", After::Consonant, 1),
    ("이며", After::Consonant, 1),
    ("이다", After::Consonant, 1),
    ("라는", After::Vowel, 1),
    ("라고", After::Vowel, 1),
    ("로는", After::VowelOrRieul, 1),
    ("로도", After::VowelOrRieul, 1),
    ("로서", After::VowelOrRieul, 1),
    ("로써", After::VowelOrRieul, 1),
    ("을", After::Consonant, 2),
    ("은", After::Consonant, 2),
    ("이", After::Consonant, 2),
    ("과", After::Consonant, 2),
    ("를", After::Vowel, 2),
    ("는", After::Vowel, 2),
    ("가", After::Vowel, 2),
    ("와", After::Vowel, 2),
    ("란", After::Vowel, 2),
    ("랑", After::Vowel, 2),
    ("로", After::VowelOrRieul, 2),
    ("에", After::Any, 2),
    ("의", After::Any, 2),
    ("도", After::Any, 2),
    ("만", After::Any, 2),
];

/// Endings of 하다/되다/시키다 verbs and adjectives (재실행하는 → 재실행,
/// 부족한 → 부족). The stem must keep two syllables (말하는 stays whole).
const PREDICATE_ENDINGS: &[&str] = &[
    "해야한다",
    "하려면",
    "하도록",
    "해야함",
    "했는데",
    "합니다",
    "됩니다",
    "해주는",
    "해주고",
    "시키는",
    "시키고",
    "시키기",
    "시키면",
    "하는",
    "하고",
    "하다",
    "하면",
    "하기",
    "하여",
    "하게",
    "하지",
    "하며",
    "해서",
    "해야",
    "해줌",
    "했음",
    "했다",
    "했고",
    "한다",
    "되는",
    "되고",
    "되어",
    "되면",
    "된다",
    "시킴",
    "한",
    "할",
    "함",
    "됨",
    "된",
    "될",
];

fn syllables(s: &str) -> usize {
    s.chars().count()
}

fn agrees(stem: &str, after: After) -> bool {
    let Some(last) = stem.chars().last() else {
        return false;
    };
    match after {
        After::Any => true,
        After::Consonant => has_final(last),
        After::Vowel => !has_final(last),
        After::VowelOrRieul => !has_final(last) || final_is_rieul(last),
    }
}

/// The longest particle or ending that can be stripped from `word`.
fn strip_once(word: &str) -> Option<&str> {
    let particle = PARTICLES.iter().filter_map(|&(suffix, after, min)| {
        let stem = word.strip_suffix(suffix)?;
        // A stem ending in 하/되 is a verb (말하는), not a noun with a particle.
        let verb = stem.ends_with('하') || stem.ends_with('되');
        (syllables(stem) >= min && agrees(stem, after) && !verb).then_some(stem)
    });
    let ending = PREDICATE_ENDINGS.iter().filter_map(|suffix| {
        let stem = word.strip_suffix(suffix)?;
        (syllables(stem) >= 2).then_some(stem)
    });
    particle.chain(ending).min_by_key(|stem| stem.len())
}

/// The stem of a Hangul word, or `None` when nothing is stripped:
/// 컨테이너의 → 컨테이너, 노드에서는 → 노드, 파드들을 → 파드, 재실행하는 →
/// 재실행; 하나, 목적으로 → 목적 (never 목).
pub fn korean_stem(word: &str) -> Option<&str> {
    if word.is_empty() || !word.chars().all(is_syllable) {
        return None;
    }
    let stem = strip_once(word).unwrap_or(word);
    // A plural 들 (파드들) goes too, before or after a particle.
    let stem = match stem.strip_suffix('들') {
        Some(s) if syllables(s) >= 2 => s,
        _ => stem,
    };
    (stem.len() < word.len()).then_some(stem)
}

/// Whether `word` is nothing but a particle: what is left of `replica가` or
/// `k8s는` after the Latin part, and is dropped.
pub fn is_particle(word: &str) -> bool {
    PARTICLES.iter().any(|&(p, _, _)| p == word)
        || matches!(word, "들" | "들이" | "들을" | "들은" | "들의" | "들도")
}

/// The English (Snowball) stem of a lowercase ASCII word: `containers` →
/// `contain`. Other words are returned as they are.
pub fn english_stem(word: &str) -> Cow<'_, str> {
    if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Cow::Borrowed(word);
    }
    frostem::Stemmer::new(frostem::Algorithm::English).stem(word)
}

/// The stem of a lowercase word of `script` when it differs from the word:
/// [`korean_stem`] for Hangul, [`english_stem`] for the rest.
pub fn stem(word: &str, script: Script) -> Option<String> {
    match script {
        Script::Hangul => korean_stem(word).map(str::to_owned),
        Script::Other => {
            let s = english_stem(word);
            (s != word).then(|| s.into_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_particles_by_final_consonant() {
        assert_eq!(korean_stem("컨테이너의"), Some("컨테이너"));
        assert_eq!(korean_stem("상태를"), Some("상태"));
        assert_eq!(
            korean_stem("상태을"),
            None,
            "을 needs a consonant-final stem"
        );
        assert_eq!(korean_stem("노드를"), Some("노드"));
        assert_eq!(korean_stem("명령을"), Some("명령"));
        assert_eq!(korean_stem("노드에서는"), Some("노드"));
        assert_eq!(korean_stem("파일로"), Some("파일"));
        assert_eq!(korean_stem("파드들을"), Some("파드"));
        assert_eq!(korean_stem("목적으로"), Some("목적"));
    }

    #[test]
    fn strips_predicate_endings() {
        assert_eq!(korean_stem("재실행하는"), Some("재실행"));
        assert_eq!(korean_stem("부족한"), Some("부족"));
        assert_eq!(korean_stem("관리함"), Some("관리"));
        assert_eq!(korean_stem("증가시키기"), Some("증가"));
        assert_eq!(korean_stem("말하는"), None);
    }

    #[test]
    fn keeps_short_words_and_non_words_whole() {
        for w in ["하나", "정의", "추가", "포함", "노드", "pod", "ㅋㅋ", ""] {
            assert_eq!(korean_stem(w), None, "{w}");
        }
    }

    #[test]
    fn particles_alone() {
        assert!(is_particle("가"));
        assert!(is_particle("에서"));
        assert!(!is_particle("노드"));
    }

    #[test]
    fn english() {
        assert_eq!(english_stem("containers"), "contain");
        assert_eq!(english_stem("scheduling"), "schedul");
        assert_eq!(english_stem("k8s"), "k8s");
        assert_eq!(english_stem("ns"), "ns");
    }
}
