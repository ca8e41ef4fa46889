//! The catalogs: both languages hold the same ids, every id the sources
//! use is in them, and the particle rule speaks as the table says.

use pilgi_i18n::{particle, Catalog, Lang, Message};

#[test]
fn both_languages_hold_the_same_ids() {
    let ids = |lang| {
        let mut ids = Catalog::of(lang).ids().to_vec();
        ids.sort();
        ids
    };
    let (en, ko) = (ids(Lang::En), ids(Lang::Ko));
    let missing = |a: &[String], b: &[String]| -> Vec<String> {
        a.iter().filter(|id| !b.contains(id)).cloned().collect()
    };
    assert_eq!(
        missing(&en, &ko),
        Vec::<String>::new(),
        "in English, not in Korean"
    );
    assert_eq!(
        missing(&ko, &en),
        Vec::<String>::new(),
        "in Korean, not in English"
    );
    assert!(en.len() > 20, "the catalogs were read: {}", en.len());
}

#[test]
fn particles_follow_the_table() {
    let table = include_str!("particles.tsv");
    let mut rows = 0;
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let [word, pair, expected] = line.split('\t').collect::<Vec<_>>()[..] else {
            panic!("a row is word, pair, particle: {line:?}");
        };
        assert_eq!(particle::after(word, pair), expected, "{word} + {pair}");
        rows += 1;
    }
    assert!(rows > 20);
}

#[test]
fn a_message_is_said_in_either_language_and_stored_as_its_id() {
    let m = Message::new("warn-decoded-as").arg("encoding", "EUC-KR (CP949)");
    assert_eq!(m.say(Lang::En), "decoded as EUC-KR (CP949)");
    assert_eq!(m.say(Lang::Ko), "EUC-KR (CP949)로 읽었습니다");
    let json = serde_json::to_string(&m).unwrap();
    assert_eq!(
        json,
        r#"{"id":"warn-decoded-as","args":[["encoding","EUC-KR (CP949)"]]}"#
    );
    assert_eq!(serde_json::from_str::<Message>(&json).unwrap(), m);
    let big = Message::new("skip-too-large")
        .arg("mib", 70u64)
        .arg("limit", 64u64);
    assert_eq!(big.say(Lang::Ko), "너무 큽니다(70 MiB, 한도는 64 MiB)");
}
