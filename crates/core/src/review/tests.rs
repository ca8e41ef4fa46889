use super::*;
use crate::bookmarks::Edit;
use crate::corpus::LoadedNote;
use crate::note::parse;
use chrono::{Duration, TimeZone};

const NOTES: &str = "1. Pods 01:00\n> 파드는 컨테이너의 묶음\nk get pods\n2. Services 02:00\nsvc 설명\n3. Volumes 03:00\npv 설명\n";

fn corpus(files: &[(&str, &str)]) -> Corpus {
    let notes = files
        .iter()
        .map(|(f, t)| LoadedNote {
            note: parse(f, t),
            hash: format!("{f}{t}"),
        })
        .collect();
    Corpus::from_notes("/notes".as_ref(), notes, vec![])
}

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, day, hour, 0, 0).unwrap()
}

fn bookmark(store: &mut Store, corpus: &Corpus, id: &str, label: &str) {
    let edit = Edit {
        label: Some(Label::parse(label).unwrap()),
        memo: Some("헷갈림".into()),
    };
    store.save(corpus, id, edit).unwrap();
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    (dir, store)
}

#[test]
fn confusing_and_review_bookmarks_are_items_with_their_prompt() {
    let (_dir, mut store) = store();
    let c = corpus(&[("n.txt", NOTES)]);
    bookmark(&mut store, &c, "n#1", "confusing");
    bookmark(&mut store, &c, "n#2", "exam-tip");
    bookmark(&mut store, &c, "n#3", "review");
    let far = at(31, 0) + Duration::days(3650);
    let due = due(&store, &c, at(1, 9), far);
    let ids: Vec<&str> = due.iter().map(|i| i.section.id.as_str()).collect();
    assert_eq!(ids, ["n#1", "n#3"], "exam tips are not review items");
    assert_eq!(due[0].prompt.as_deref(), Some("파드는 컨테이너의 묶음"));
    assert_eq!(due[0].memo, "헷갈림");
    assert_eq!((due[0].stage, due[0].retrievability), (Stage::New, None));
}

#[test]
fn due_dates_move_as_graded() {
    let (_dir, mut store) = store();
    let c = corpus(&[("n.txt", NOTES)]);
    bookmark(&mut store, &c, "n#1", "confusing");
    let again = grade(&mut store, &c, "n#1", Grade::Again, at(1, 9), None).unwrap();
    let again_due = schedule::parse(&again.due).unwrap();
    assert!(
        again_due > at(1, 9) && again_due < at(1, 10),
        "soon again: {}",
        again.due
    );
    assert_eq!(
        due(&store, &c, at(1, 9), at(2, 0)).len(),
        1,
        "still due today"
    );
    // Good, day after day: each interval longer than the one before.
    let mut now = at(1, 10);
    let mut last = Duration::zero();
    for _ in 0..4 {
        let g = grade(&mut store, &c, "n#1", Grade::Good, now, None).unwrap();
        let next = schedule::parse(&g.due).unwrap();
        assert!(next - now >= last, "{} after {now}", g.due);
        last = next - now;
        now = next;
    }
    assert!(last > Duration::days(3), "learnt: {last}");
    assert_eq!(
        due(&store, &c, at(1, 11), at(2, 0)).len(),
        0,
        "not due today"
    );
    let item = &items(&store, &c, now)[0];
    assert_eq!(item.stage, Stage::Review);
    let r = item.retrievability.unwrap();
    assert!((0.8..=1.0).contains(&r), "due now: recall about 90 %: {r}");
}

#[test]
fn the_exam_date_caps_every_due_date() {
    let (_dir, mut store) = store();
    let c = corpus(&[("n.txt", NOTES)]);
    bookmark(&mut store, &c, "n#1", "confusing");
    let exam = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    let start = schedule::exam_start(exam);
    let mut now = at(1, 9);
    for _ in 0..6 {
        let g = grade(&mut store, &c, "n#1", Grade::Easy, now, Some(exam)).unwrap();
        let next = schedule::parse(&g.due).unwrap();
        assert!(next < start, "{} is not before the exam", g.due);
        assert!(next >= now);
        now = next;
    }
    // After the exam, the cap is gone.
    let after = grade(&mut store, &c, "n#1", Grade::Easy, at(6, 9), Some(exam)).unwrap();
    assert!(
        schedule::parse(&after.due).unwrap() > at(8, 9),
        "{}",
        after.due
    );
}

#[test]
fn re_anchoring_and_orphaning_keep_the_history() {
    let (_dir, mut store) = store();
    let c = corpus(&[("n.txt", NOTES)]);
    bookmark(&mut store, &c, "n#1", "confusing");
    grade(&mut store, &c, "n#1", Grade::Good, at(1, 9), None).unwrap();
    // The file renamed: the item follows its section, schedule and all.
    let moved = corpus(&[("cka/pods.txt", NOTES)]);
    let g = grade(
        &mut store,
        &moved,
        "cka/pods#1",
        Grade::Good,
        at(1, 10),
        None,
    )
    .unwrap();
    assert_eq!(g.id.as_str(), "cka/pods#1");
    assert_eq!(store.file().reviews.len(), 2);
    assert_eq!(store.file().bookmarks[0].schedule.as_ref().unwrap().reps, 2);
    // The note deleted: out of the queue, still gradable by its id.
    let gone = corpus(&[("other.txt", "1. Other 01:00\nx\n")]);
    let far = at(31, 0) + Duration::days(3650);
    assert!(due(&store, &gone, at(2, 9), far).is_empty());
    grade(
        &mut store,
        &gone,
        "cka/pods#1",
        Grade::Again,
        at(2, 9),
        None,
    )
    .unwrap();
    assert_eq!(store.file().reviews.len(), 3);
    assert_eq!(
        store.file().bookmarks[0].schedule.as_ref().unwrap().lapses,
        1
    );
    // What is no review item cannot be graded.
    let err = grade(&mut store, &c, "n#2", Grade::Good, at(2, 9), None).unwrap_err();
    assert_eq!(err.kind(), "not_found");
}

#[test]
fn a_clock_gone_backwards_never_schedules_into_the_past() {
    let (_dir, mut store) = store();
    let c = corpus(&[("n.txt", NOTES)]);
    bookmark(&mut store, &c, "n#1", "confusing");
    grade(&mut store, &c, "n#1", Grade::Good, at(10, 9), None).unwrap();
    let back = grade(&mut store, &c, "n#1", Grade::Good, at(3, 9), None).unwrap();
    assert!(
        schedule::parse(&back.due).unwrap() >= at(10, 9),
        "{}",
        back.due
    );
}

#[test]
fn stats_add_up() {
    let (_dir, mut store) = store();
    let c = corpus(&[("n.txt", NOTES)]);
    bookmark(&mut store, &c, "n#1", "confusing");
    bookmark(&mut store, &c, "n#3", "review");
    let times = [
        (1, 9, Grade::Good),
        (1, 10, Grade::Good),
        (3, 9, Grade::Good),
        (10, 9, Grade::Again),
    ];
    for (day, hour, g) in times {
        grade(&mut store, &c, "n#1", g, at(day, hour), None).unwrap();
    }
    grade(&mut store, &c, "n#3", Grade::Again, at(1, 11), None).unwrap();
    let s = stats(&store);
    assert_eq!(s.reviews, 5);
    let days: Vec<(&str, usize, usize)> = s
        .per_day
        .iter()
        .map(|(d, n)| (d.as_str(), n.reviews, n.again))
        .collect();
    assert_eq!(
        days,
        [
            ("2026-12-01", 3, 1),
            ("2026-12-03", 1, 0),
            ("2026-12-10", 1, 1)
        ]
    );
    // The grades of learnt items, as the log recorded their stage.
    let learnt: Vec<_> = store
        .file()
        .reviews
        .iter()
        .filter(|r| r.stage == Stage::Review)
        .collect();
    assert!(!learnt.is_empty(), "n#1 was learnt by day 10");
    let kept = learnt.iter().filter(|r| r.grade != Grade::Again).count();
    assert_eq!(s.retention, Some(kept as f64 / learnt.len() as f64));
    assert!(
        s.retention.unwrap() < 1.0,
        "day 10's Again was on a learnt item"
    );
}

#[test]
fn anki_gets_one_row_per_item_whatever_the_note_holds() {
    let (_dir, mut store) = store();
    let tricky = "1. Tabs\tand <b>tags</b> 01:00\n> a \"quoted\" line\nline one\nline\ttwo\n";
    let c = corpus(&[("n.txt", NOTES), ("odd name.txt", tricky)]);
    bookmark(&mut store, &c, "n#1", "confusing");
    bookmark(&mut store, &c, "n#2", "exam-tip");
    bookmark(&mut store, &c, "odd name#1", "review");
    let tsv = anki_tsv(&store, &c);
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(
        lines[..3],
        ["#separator:tab", "#html:true", "#tags column:3"]
    );
    let rows: Vec<Vec<&str>> = lines[3..].iter().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 2, "the exam tip is no review item: {tsv}");
    assert!(rows.iter().all(|r| r.len() == 3), "{tsv}");
    let pods = rows
        .iter()
        .find(|r| r[0].starts_with("1. Pods"))
        .expect("pods");
    assert_eq!(pods[0], "1. Pods<br>헷갈림<br>파드는 컨테이너의 묶음");
    assert!(pods[1].contains("k get pods"), "{}", pods[1]);
    assert_eq!(pods[2], "pilgi confusing n");
    let odd = rows
        .iter()
        .find(|r| r[2] == "pilgi review odd_name")
        .expect("odd");
    assert!(
        odd[0].contains("&lt;b&gt;tags&lt;/b&gt;") && odd[0].contains("&#9;"),
        "{}",
        odd[0]
    );
    assert!(odd[1].contains("line one<br>line&#9;two"), "{}", odd[1]);
}

const DEFINITIONS: &str = "1. Cluster Architecture 08:48\n\
[kubelet] : worker node의 컨택 포인트 및 관리자\n\
- [kube-proxy] : worker node끼리 통신\n\
- ETCD Cluster : key value 형식의 data base\n\
# node monitor period = 5s\n\
port(서비스) vs targetport(컨테이너)\n\
$ k get pods\n\
이 줄은 그냥 설명입니다 : 하지만 주어가 너무 길어서 정의가 아닌 문장입니다 정말로 길게\n\
[kubelet] : worker node의 컨택 포인트 및 관리자\n";

fn fronts(c: &Corpus, id: &str) -> Vec<(String, String)> {
    cards::offered(c.section(id).unwrap())
        .into_iter()
        .map(|c| (c.front, c.back))
        .collect()
}

#[test]
fn definition_lines_offer_cloze_cards_once_each() {
    let c = corpus(&[("n.txt", DEFINITIONS)]);
    let pair = |f: &str, b: &str| (f.to_owned(), b.to_owned());
    assert_eq!(
        fronts(&c, "n#1"),
        [
            pair("[?] : worker node의 컨택 포인트 및 관리자", "kubelet"),
            pair("[?] : worker node끼리 통신", "kube-proxy"),
            pair("[?] : key value 형식의 data base", "ETCD Cluster"),
            pair("node monitor period = [?]", "5s"),
            pair("port(서비스) vs [?]", "targetport(컨테이너)"),
        ],
        "commands, sentences and repeats offer nothing"
    );
}

#[test]
fn markdown_definitions_offer_cards_as_a_reader_sees_them() {
    let md = "# 잡\n\n\
              * `Forbid`: 크론 잡은 동시 실행을 허용하지 않는다.\n\
              - **레이블**: 기본적인 [레이블](/ko/docs/labels/)은 키와 값\n\
              | a : b | c |\n\n\
              ```yaml\nname : not a card\n```\n";
    let c = corpus(&[("jobs.md", md)]);
    let id = c.sections().next().unwrap().id.clone();
    assert_eq!(
        fronts(&c, id.as_str()),
        [
            (
                "[?]: 크론 잡은 동시 실행을 허용하지 않는다.".to_owned(),
                "Forbid".to_owned()
            ),
            (
                "[?]: 기본적인 레이블은 키와 값".to_owned(),
                "레이블".to_owned()
            ),
        ],
        "tables and code offer nothing"
    );
}

#[test]
fn a_card_is_made_only_from_an_offer_and_reviewed_like_a_bookmark() {
    let (_dir, mut store) = store();
    let c = corpus(&[("n.txt", DEFINITIONS)]);
    let offer = cards::offered(c.section("n#1").unwrap()).remove(0);
    let forged = Cloze {
        front: "[?] : 아무 말".into(),
        back: "kubelet".into(),
    };
    let err = cards::add(&mut store, &c, "n#1", &forged).unwrap_err();
    assert_eq!(err.kind(), "invalid");
    let card = cards::add(&mut store, &c, "n#1", &offer).unwrap();
    assert_eq!(
        cards::add(&mut store, &c, "n#1", &offer).unwrap(),
        card,
        "once"
    );
    let offers = cards::offers(&store, &c, "n#1").unwrap();
    assert_eq!(offers[0].card.as_deref(), Some(card.id.as_str()));
    assert_eq!(offers[1].card, None);

    let far = at(31, 0) + Duration::days(3650);
    let queue = due(&store, &c, at(1, 9), far);
    assert_eq!(queue.len(), 1, "a card without a bookmark is an item");
    assert_eq!(queue[0].id, card.id);
    assert_eq!(queue[0].cloze.as_ref(), Some(&offer));
    let g = grade(&mut store, &c, &card.id, Grade::Good, at(1, 9), None).unwrap();
    assert_eq!(g.id, card.id);
    assert_eq!(items(&store, &c, at(1, 9))[0].reviews, 1);
    assert_eq!(store.file().reviews[0].id.as_str(), card.id);
}

#[test]
fn cards_re_anchor_with_their_section_and_keep_their_history() {
    let (_dir, mut store) = store();
    let c = corpus(&[("n.txt", DEFINITIONS)]);
    let offers = cards::offered(c.section("n#1").unwrap());
    let first = cards::add(&mut store, &c, "n#1", &offers[0]).unwrap();
    let second = cards::add(&mut store, &c, "n#1", &offers[3]).unwrap();
    grade(&mut store, &c, &first.id, Grade::Good, at(1, 9), None).unwrap();
    // Renamed and renumbered: both cards follow the one section.
    let moved = corpus(&[("cka/arch.txt", &DEFINITIONS.replacen("1.", "7.", 1))]);
    store.reanchor(&moved).unwrap();
    let sections: Vec<&str> = store
        .file()
        .cards
        .iter()
        .map(|c| c.section.as_str())
        .collect();
    assert_eq!(sections, ["cka/arch#7", "cka/arch#7"]);
    assert_eq!(store.file().cards[0].schedule.as_ref().unwrap().reps, 1);
    assert_eq!(items(&store, &moved, at(1, 9)).len(), 2);
    // The note deleted: the cards wait, orphaned, with their schedule.
    let gone = corpus(&[("other.txt", "1. Other 01:00\nx\n")]);
    assert!(items(&store, &gone, at(1, 9)).is_empty());
    assert_eq!(store.file().cards.len(), 2);
    cards::remove(&mut store, &second.id).unwrap();
    assert_eq!(store.file().cards.len(), 1);
    assert_eq!(
        store.file().reviews.len(),
        1,
        "removing a card keeps the log"
    );
}

#[test]
fn the_study_map_says_opened_bookmarked_reviewed_and_retained() {
    let (_dir, mut store) = store();
    let c = corpus(&[("n.txt", NOTES)]);
    assert!(store.mark_opened(&c, "n#2").unwrap());
    assert!(!store.mark_opened(&c, "n#2").unwrap(), "once");
    bookmark(&mut store, &c, "n#1", "confusing");
    bookmark(&mut store, &c, "n#3", "exam-tip");
    let mut now = at(1, 9);
    for _ in 0..3 {
        let g = grade(&mut store, &c, "n#1", Grade::Easy, now, None).unwrap();
        now = schedule::parse(&g.due).unwrap();
    }
    // A day after the last grade, recall is well above 90 %.
    let graded = schedule::parse(&store.file().reviews[2].at).unwrap();
    let map = study(&store, &c, graded + Duration::days(1));
    assert_eq!(map.len(), 3);
    assert!(map["n#2"].opened && map["n#2"].label.is_none());
    // Still in its first steps: graded, but no recall figure yet.
    bookmark(&mut store, &c, "n#2", "review");
    grade(&mut store, &c, "n#2", Grade::Good, graded, None).unwrap();
    let stepping = &study(&store, &c, graded + Duration::days(1))["n#2"];
    assert_eq!((stepping.reviews, stepping.retrievability), (1, None));
    assert!(!stepping.retained);
    assert_eq!(
        map["n#3"].label.as_ref().map(Label::as_str),
        Some("exam-tip")
    );
    assert!(!map["n#3"].retained, "no review items: nothing retained");
    let pods = &map["n#1"];
    assert_eq!((pods.reviews, pods.opened), (3, false));
    assert!(pods.retained, "learnt, and likely recalled");
    // Months late, recall has dropped below what FSRS schedules for.
    let late = study(&store, &c, now + Duration::days(400));
    assert!(!late["n#1"].retained);
    assert!(late["n#1"].retrievability.unwrap() < pods.retrievability.unwrap());
}
