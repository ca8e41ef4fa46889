use super::*;
use crate::corpus::LoadedNote;
use crate::note::parse;
use std::path::Path;

const SEED: &str = include_str!("../../../../../notes/cka-course-notes.txt");

fn corpus_of(file: &str, text: &str) -> Corpus {
    let note = parse(file, text);
    Corpus::from_notes(
        Path::new("/notes"),
        vec![LoadedNote {
            note,
            hash: String::new(),
        }],
        Vec::new(),
    )
}

/// Every command line of the seed notes, listed by hand from the file, with
/// the section it is in. Left out on purpose (prose that mentions a tool):
/// `export ETCDCTL_API=3 으로 설정 가능(default=2)` (a sentence about the
/// variable), `- wget etcd binary` (no URL: "download the etcd binary"),
/// `kubectl vs yaml`, `kubectl을 생각하면 …`, `etcdctl 이라는 …`,
/// `> kubectl run 명령어 알려줌`, `imperative : kubectl run, create, …`
/// (a list of verbs), and the `--cacert …` flag lines (no tool).
const SEED_COMMANDS: &[(&str, &str)] = &[
    ("12", "k exec etcd-master -n kube-system etcdctl get / --prefiex -keys-only"),
    ("13", "etcdctl snapshot save"),
    ("13", "etcdctl endpoint health"),
    ("15", "k get nodes"),
    ("15", "k get pod -n kube-systm kube-contoller-manager-master"),
    ("18", "k get pods -n kube-system"),
    ("18", "k get daemonset -n kube-system"),
    ("19", "k get pods"),
    ("19", "k exec pod *** -- bash"),
    ("20", "k create -f *.yaml"),
    ("20", "k get pod"),
    ("20", "k describe pod my-pod"),
    ("27", "k get replciationcontroller"),
    ("27", "k get replicaset"),
    ("27", "k replace -f replicaset-definition.yml"),
    ("27", "k scale --replicas=6 -f replicaset-definition.yml"),
    ("27", "k scale --replicas=6 -f replicaset myapp-replicaset"),
    ("30", "k get pods -A"),
    ("30", "k config set-context $(kubectl config current-contex) --namespace=dev"),
    ("34", "k get ns"),
    ("42", "k apply -f nginx.yaml"),
    ("43", "kubectl run nginx --image=nginx --dry-run=client -o yaml"),
    ("43", "kubectl create deployment --image=nginx nginx --dry-run=client -o yaml"),
    (
        "43",
        "kubectl create deployment nginx --image=nginx --dry-run=client -o yaml > nginx-deployment.yaml",
    ),
    ("44", "kubectl run --help"),
    ("44", "kubectl create --help"),
    ("45", "k run httpd --image=httpd:alpine --port 80 --expose"),
    ("45", "k run svc clusterip httpd --tcp=80:80"),
];

#[test]
fn seed_commands_are_exactly_the_hand_listed_ones() {
    let corpus = corpus_of("cka-course-notes.txt", SEED);
    let found = extract(&corpus);
    let got: Vec<(String, &str)> = found
        .iter()
        .map(|c| {
            let number = c
                .section
                .as_str()
                .rsplit('#')
                .next()
                .unwrap_or("")
                .to_owned();
            (number, c.text.as_str())
        })
        .collect();
    let want: Vec<(String, &str)> = SEED_COMMANDS
        .iter()
        .map(|(s, c)| (s.to_string(), *c))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn seed_command_details() {
    let corpus = corpus_of("cka-course-notes.txt", SEED);
    let found = extract(&corpus);
    let lines: Vec<&str> = SEED.lines().collect();
    for c in &found {
        // The line number points at the line the command came from.
        assert!(lines[c.line - 1].contains(c.text.lines().next().unwrap_or("")));
        assert_eq!(c.file, "cka-course-notes.txt");
        assert_eq!(
            c.tool,
            if c.text.starts_with("etcdctl") {
                "etcdctl"
            } else {
                "kubectl"
            }
        );
    }
    let with_comment = found
        .iter()
        .find(|c| c.comment.is_some())
        .expect("the kube-controller-manager line has a comment");
    assert_eq!(
        with_comment.comment.as_deref(),
        Some("kube-controller-manager.yam")
    );
    assert!(with_comment.prompt);
    assert_eq!(
        with_comment.context,
        "- controller 가 만약 없다면 여기를 보는 방법 추천"
    );

    let answer = found
        .iter()
        .find(|c| c.text.starts_with("k run httpd"))
        .unwrap();
    assert_eq!(answer.label.as_deref(), Some("정답:"));
    assert_eq!(answer.context, "Expose 80에서");
    assert!(!answer.prompt);

    let nodes = found.iter().find(|c| c.text == "k get nodes").unwrap();
    assert_eq!(nodes.context, "# node monitor period = 5s");
    assert_eq!(lines[nodes.line - 1], "$ k get nodes");
}

#[test]
fn continued_lines_join_and_first_line_has_empty_context() {
    let text = "1. Setup 01:00\n\
                kubectl run web \\\n  --image=nginx \\\n  --port=80\n\
                다음 줄\n";
    let corpus = corpus_of("n.txt", text);
    let found = extract(&corpus);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].text,
        "kubectl run web \\\n  --image=nginx \\\n  --port=80"
    );
    assert_eq!(found[0].context, "");
    assert_eq!(found[0].line, 2);
}

#[test]
fn notes_without_sections_and_preambles() {
    let text = "$ k get pods\nintro\n1. One 01:00\ncurl -s http://localhost:8080/healthz\n";
    let found = extract(&corpus_of("n.txt", text));
    // The preamble command belongs to no section.
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].tool, "curl");
    assert_eq!(found[0].line, 4);

    let md =
        "# Etcd backup\n\nTake a snapshot:\n\n    ETCDCTL_API=3 etcdctl snapshot save /tmp/s.db\n";
    let found = extract(&corpus_of("backup.md", md));
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].text,
        "ETCDCTL_API=3 etcdctl snapshot save /tmp/s.db"
    );
    assert_eq!(found[0].context, "Take a snapshot:");
    assert_eq!(found[0].section.as_str(), "backup");
}

#[test]
fn markdown_commands_come_from_shell_blocks_and_prompts() {
    let text = "# 시크릿\n\n```shell\n# 주석\nkubectl create secret generic db \\\n  --from-file=./u.txt\necho -n 'admin' | base64\n```\n\n```console\n$ kubectl get secrets\nNAME   TYPE\ndb     Opaque\n```\n\n```yaml\napiVersion: v1\nkind: Secret\n```\n\nkubectl get pods 로 보면 된다.\n$ k get po -A\n";
    let corpus = corpus_of("s.md", text);
    let found: Vec<_> = extract(&corpus)
        .into_iter()
        .map(|c| (c.text, c.line, c.prompt))
        .collect();
    assert_eq!(
        found,
        [
            (
                "kubectl create secret generic db \\\n  --from-file=./u.txt".to_owned(),
                5,
                false
            ),
            ("echo -n 'admin' | base64".to_owned(), 7, false),
            ("kubectl get secrets".to_owned(), 11, true),
            ("k get po -A".to_owned(), 22, true),
        ]
    );
}
