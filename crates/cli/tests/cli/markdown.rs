//! A small Markdown vault with the real `pilgi` binary: heading sections
//! with their paths, front matter as data, template tags and comments kept
//! out of snippets, commands from shell fences, flags after the query.

use crate::util::{snippet, Notes};
use predicates::str::contains;

fn vault() -> Notes {
    let n = Notes::new();
    n.write(
        "workloads/deployment.md",
        "---\ntitle: 디플로이먼트\ntags: [workload, cka]\naliases: [deploy 정리]\n---\n<!-- overview -->\n디플로이먼트는 파드를 관리한다.\n\n## 디플로이먼트 롤백 {#rolling-back}\n\n{{< note >}}\n롤백은 {{< glossary_tooltip text=\"리비전\" term_id=\"revision\" >}} 단위로 한다.\n{{< /note >}}\n\n```shell\nkubectl rollout undo deployment/nginx --to-revision=2\n```\n\n### 히스토리 확인\n\n```console\n$ kubectl rollout history deployment/nginx\nREVISION  CHANGE-CAUSE\n1         <none>\n```\n",
    )
    .write(
        "etcd.md",
        "# etcd 백업\n\n스냅샷을 [공식 문서](https://etcd.io/docs/)대로 **저장**한다.\n\n```bash\nETCDCTL_API=3 etcdctl snapshot save /tmp/s.db\n```\n",
    );
    n
}

#[test]
fn hits_are_heading_sections_with_their_path() {
    let n = vault();
    let found = n.json(&["search", "리비전 롤백"]);
    let hit = &found["hits"][0];
    assert_eq!(hit["id"], "workloads/deployment#rolling-back");
    assert_eq!(hit["title"], "디플로이먼트 롤백");
    let snippet = snippet(hit);
    assert!(snippet.contains("<mark>리비전</mark>"), "{snippet}");
    for raw in ["{{", "<!--", "glossary_tooltip", "[!note]"] {
        assert!(!snippet.contains(raw), "{raw} in {snippet}");
    }
    let deeper = n.json(&["search", "rollout history"]);
    assert_eq!(deeper["hits"][0]["title"], "히스토리 확인");
    assert_eq!(deeper["hits"][0]["path"][0], "디플로이먼트 롤백");
    // Plain output shows the path too.
    n.pilgi(&["search", "rollout", "history"])
        .assert()
        .success()
        .stdout(contains("디플로이먼트 롤백 › 히스토리 확인"));
}

#[test]
fn front_matter_is_data_and_links_are_text() {
    let n = vault();
    // Tags and aliases are searchable; the YAML is not text of the note.
    assert_eq!(
        n.json(&["search", "workload"])["hits"][0]["file"],
        "workloads/deployment.md"
    );
    n.pilgi(&["search", "tags"]).assert().code(1);
    let etcd = n.json(&["search", "스냅샷"]);
    let snippet = snippet(&etcd["hits"][0]);
    assert!(snippet.contains("공식 문서대로 저장"), "{snippet}");
    assert!(
        !snippet.contains("https://") && !snippet.contains("**"),
        "{snippet}"
    );
}

#[test]
fn flags_go_before_or_after_the_query() {
    let n = vault();
    let after = n
        .pilgi(&["search", "etcd", "--json", "-n", "1"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let after: serde_json::Value = serde_json::from_slice(&after).expect("JSON");
    assert_eq!(after["query"], "etcd");
    assert_eq!(after["hits"].as_array().unwrap().len(), 1);
    // A flag of the lab command stays part of the query.
    let undo = n.json(&["commands", "rollout", "undo", "--to-revision"]);
    let undo = &undo["commands"][0];
    assert_eq!(
        undo["command"],
        "kubectl rollout undo deployment/nginx --to-revision=2"
    );
    // What it is for: the prose before it, not its fence.
    assert_eq!(undo["context"], "롤백은 리비전 단위로 한다.");
}

#[test]
fn commands_come_from_shell_fences_not_output() {
    let n = vault();
    let all = n.json(&["commands"]);
    let commands: Vec<&str> = all["commands"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["command"].as_str().unwrap())
        .collect();
    assert_eq!(
        commands,
        [
            "ETCDCTL_API=3 etcdctl snapshot save /tmp/s.db",
            "kubectl rollout undo deployment/nginx --to-revision=2",
            "kubectl rollout history deployment/nginx",
        ]
    );
}
