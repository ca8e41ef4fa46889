use super::*;
use crate::corpus::LoadedNote;
use crate::note::parse;
use crate::shell::{extract, same_command};
use std::path::Path;

const SEED: &str = include_str!("../../../../../notes/cka-course-notes.txt");

/// A small course written for these tests: one command per idea, Korean
/// context lines, a 노드 section title.
const LAB: &str = "\
1. Scheduling 03:00
노드에 테인트 설정
k taint nodes node1 key=value:NoSchedule
k get nodes
2. 노드 관리 02:00
드레인 하기
kubectl drain node1 --ignore-daemonsets
kubectl get no -o wide
3. ETCD 백업 01:00
$ etcdctl snapshot save /tmp/snap.db
ETCDCTL_API=3 etcdctl endpoint health
4. 파드 04:00
k run nginx --image=nginx --dry-run=client -o yaml # 초안 만들기
ps aux | grep kubelet
";

fn corpus_of(file: &str, text: &str) -> Corpus {
    Corpus::from_notes(
        Path::new("/notes"),
        vec![LoadedNote {
            note: parse(file, text),
            hash: String::new(),
        }],
        Vec::new(),
    )
}

fn search(corpus: &Corpus, query: &str, limit: usize) -> Vec<CommandHit> {
    super::search(corpus, &extract(corpus), query, limit)
}

fn found(corpus: &Corpus, query: &str) -> Vec<String> {
    search(corpus, query, 100)
        .into_iter()
        .map(|h| h.command.text)
        .collect()
}

fn first(corpus: &Corpus, query: &str) -> Option<String> {
    found(corpus, query).into_iter().next()
}

const TAINT: &str = "k taint nodes node1 key=value:NoSchedule";

#[test]
fn taint_in_english_korean_and_the_wrong_layout() {
    let c = corpus_of("lab.txt", LAB);
    for q in [
        "taint",
        "Taint",
        "taints",
        "테인트",
        "ㅅ먀ㅜㅅ",
        "tain",
        "noschedule",
    ] {
        assert_eq!(first(&c, q).as_deref(), Some(TAINT), "{q}");
    }
    // Only the taint command has it; the context 테인트 is not elsewhere.
    assert_eq!(found(&c, "taint"), [TAINT]);
}

#[test]
fn tools_by_name_short_name_and_layout() {
    let c = corpus_of("lab.txt", LAB);
    let etcd = [
        "etcdctl snapshot save /tmp/snap.db",
        "ETCDCTL_API=3 etcdctl endpoint health",
    ];
    assert_eq!(found(&c, "etcdctl"), etcd);
    assert_eq!(found(&c, "ㄷㅅㅊㅇㅊ시"), etcd);
    // `k` is kubectl: the canonical tool is searched too.
    let kubectl = found(&c, "kubectl");
    assert_eq!(kubectl.len(), 5, "{kubectl:?}");
    assert!(kubectl.contains(&TAINT.to_owned()));
    // kubectl short names through the glossary: `no` is node.
    assert!(found(&c, "node").contains(&"kubectl get no -o wide".to_owned()));
    assert!(found(&c, "노드").contains(&"kubectl get no -o wide".to_owned()));
}

#[test]
fn context_title_and_comment_count() {
    let c = corpus_of("lab.txt", LAB);
    // 드레인 is only in the line before the command.
    assert_eq!(
        first(&c, "드레인").as_deref(),
        Some("kubectl drain node1 --ignore-daemonsets")
    );
    // 백업 is only in the section title; 초성 of it too.
    assert_eq!(found(&c, "백업").len(), 2);
    assert_eq!(found(&c, "ㅂㅇ").len(), 2);
    // The trailing comment says what the command is for.
    assert_eq!(
        first(&c, "초안").as_deref(),
        Some("k run nginx --image=nginx --dry-run=client -o yaml")
    );
    // Flags and compound parts.
    assert_eq!(found(&c, "--dry-run").len(), 1);
    assert_eq!(found(&c, "dryrun").len(), 1);
    assert_eq!(found(&c, "daemonsets").len(), 1);
}

#[test]
fn every_word_must_match_and_best_comes_first() {
    let c = corpus_of("lab.txt", LAB);
    assert_eq!(found(&c, "get nodes")[0], "k get nodes");
    assert_eq!(found(&c, "taint drain"), Vec::<String>::new());
    assert!(found(&c, "zebra").is_empty());
    // A node command found by the title 노드 ranks below commands that
    // say `node` themselves.
    let node = search(&c, "node", 100);
    assert!(node.windows(2).all(|w| w[0].score >= w[1].score));
    assert_eq!(
        node.last().map(|h| h.section.title.as_str()),
        Some("노드 관리")
    );
}

#[test]
fn empty_query_lists_everything_in_course_order_and_limit_holds() {
    let c = corpus_of("lab.txt", LAB);
    let all = search(&c, "", usize::MAX);
    assert_eq!(all.len(), 8);
    assert_eq!(all[0].command.text, TAINT);
    assert_eq!(all[0].section.number, Some(1));
    assert_eq!(all[0].section.title, "Scheduling");
    assert_eq!(all[0].command.context, "노드에 테인트 설정");
    assert!(all
        .windows(2)
        .all(|w| w[0].command.line < w[1].command.line));
    assert_eq!(search(&c, "   ", 3).len(), 3);
    assert_eq!(search(&c, "kubectl", 2).len(), 2);
    assert!(search(&c, "taint", 0).is_empty());
}

#[test]
fn queries_without_words_match_literally() {
    let c = corpus_of("lab.txt", LAB);
    assert_eq!(found(&c, "|"), ["ps aux | grep kubelet"]);
    assert!(found(&c, "?!").is_empty());
}

#[test]
fn junk_queries_do_not_panic() {
    let c = corpus_of("lab.txt", LAB);
    for q in ["\"", "*", "(", "🎉", "ㅋ", "ㅏ", "a", &"가 ".repeat(5_000)] {
        let _ = search(&c, q, 10);
    }
}

#[test]
fn bundled_notes() {
    let c = corpus_of("cka-course-notes.txt", SEED);
    let all = search(&c, "", usize::MAX);
    let distinct: HashSet<String> = extract(&c).iter().map(|c| same_command(&c.text)).collect();
    assert_eq!(all.len(), distinct.len());
    assert_eq!(
        all.iter().map(|h| h.places.len()).sum::<usize>(),
        extract(&c).len()
    );
    for q in ["etcdctl", "ㄷㅅㅊㅇㅊ시"] {
        let hits = found(&c, q);
        assert_eq!(
            &hits[..2],
            ["etcdctl snapshot save", "etcdctl endpoint health"],
            "{q}: {hits:?}"
        );
        assert!(
            hits.iter().any(|h| h.contains("k exec etcd-master")),
            "{q}: {hits:?}"
        );
    }
    assert_eq!(
        first(&c, "dry-run").as_deref(),
        Some("kubectl run nginx --image=nginx --dry-run=client -o yaml")
    );
    assert_eq!(first(&c, "get ns").as_deref(), Some("k get ns"));
    // 네임스페이스 is ns through the glossary.
    assert!(found(&c, "네임스페이스").contains(&"k get ns".to_owned()));
    assert!(found(&c, "replicaset")
        .iter()
        .all(|h| h.contains("replicaset") || h.contains("replciation") || h.contains("Replica")));
    assert!(found(&c, "taint").is_empty());
}

/// Two notes with the same commands written differently: one row each,
/// placed where its best place is, with every place listed best first.
#[test]
fn the_same_command_is_one_row_with_its_places() {
    let notes = vec![
        LoadedNote {
            note: parse(
                "a.txt",
                "1. Pods 01:00\n파드 목록\nkubectl get pods\nk describe pod x\n",
            ),
            hash: String::new(),
        },
        LoadedNote {
            note: parse(
                "b.txt",
                "1. Taints 01:00\n테인트 확인\nk  get   pods\nk taint nodes n1 a=b:NoSchedule\n",
            ),
            hash: String::new(),
        },
    ];
    let c = Corpus::from_notes(Path::new("/notes"), notes, Vec::new());
    let all = search(&c, "", usize::MAX);
    let rows: Vec<&str> = all.iter().map(|h| h.command.text.as_str()).collect();
    assert_eq!(rows, ["kubectl get pods", "k describe pod x", TAINT_N1]);
    let places: Vec<(&str, usize)> = all[0]
        .places
        .iter()
        .map(|p| (p.section.file.as_str(), p.line))
        .collect();
    assert_eq!(places, [("a.txt", 3), ("b.txt", 3)]);
    assert_eq!(all[0].places[1].context, "테인트 확인");
    // The query says which place is best: 테인트 is said before the one in b.txt.
    let hits = search(&c, "get pods 테인트", 10);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].command.text, "k  get   pods");
    assert_eq!(hits[0].places[0].section.file, "b.txt");
    assert_eq!(hits[0].places.len(), 1, "a.txt's says nothing of 테인트");
    let pods = search(&c, "pods", 10);
    assert_eq!(pods[0].places.len(), 2);
    // The limit counts rows, not places.
    assert_eq!(search(&c, "", 2).len(), 2);
}

const TAINT_N1: &str = "k taint nodes n1 a=b:NoSchedule";
