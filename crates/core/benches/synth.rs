//! A deterministic synthetic corpus like real course notes: numbered
//! sections with `> ` summaries, Korean sentences with particles, English
//! fragments, `$ k …` commands and flags; about 410 bytes per section. Or,
//! with `PILGI_BENCH_FORMAT=markdown`, a Markdown vault like a study
//! repository: folders of notes with front matter, `##`/`###` headings,
//! shell and YAML fences, tables, wiki and relative links, a comment.

use std::fmt::Write as _;
use std::path::Path;

/// Sections per generated file.
#[allow(dead_code)] // the reload bench writes a vault only
pub const PER_FILE: usize = 100;

/// One query per kind the search handles (particle, English, typo,
/// multi-word, short name, code-ish, 초성, wrong layout), as the
/// per-keystroke benches type them: `search.rs` in process and the desktop
/// one in the real window (`tests/e2e/bench.rs`).
#[allow(dead_code)] // the compare bench doesn't type
pub const TYPED: &[&str] = &[
    "컨테이너를",
    "snapshot",
    "snapshto",
    "노드 drain",
    "svc",
    "--dry-run=client",
    "ㅋㅌㅇㄴ",
    "zjsxpdlsj",
];

const KO_NOUNS: &[&str] = &[
    "파드",
    "노드",
    "서비스",
    "컨테이너",
    "이미지",
    "네임스페이스",
    "라벨",
    "디플로이먼트",
    "레플리카셋",
    "클러스터",
    "스케줄러",
    "인증서",
    "볼륨",
    "네트워크",
    "설정",
    "명령어",
    "리소스",
    "상태",
    "로그",
    "백업",
    "업그레이드",
    "보안",
    "프록시",
    "데몬셋",
    "시크릿",
    "스냅샷",
    "포트",
    "정책",
    "권한",
];
const KO_PARTICLES: &[&str] = &["", "를", "을", "의", "에서", "는", "가", "로", "와", "도"];
const KO_TAILS: &[&str] = &[
    "확인함",
    "생성하는 방법",
    "관리해야함",
    "헷갈렸음",
    "설명해줌",
    "직접 설정해야함",
    "바로 적용됨",
    "조회할 수 있음",
    "삭제하면 다시 만듦",
    "중요함",
];
const EN_WORDS: &[&str] = &[
    "pod",
    "node",
    "service",
    "deployment",
    "replicaset",
    "namespace",
    "label",
    "selector",
    "container",
    "image",
    "scheduler",
    "kubelet",
    "etcd",
    "snapshot",
    "certificate",
    "ingress",
    "volume",
    "network",
    "policy",
    "rollout",
    "upgrade",
    "drain",
    "taint",
    "toleration",
    "affinity",
    "configmap",
    "secret",
    "controller",
    "endpoint",
    "cluster",
];
const COMMANDS: &[&str] = &[
    "$ k get pods -n kube-system",
    "$ k describe node node01",
    "$ k create deployment nginx --image=nginx --dry-run=client -o yaml",
    "$ ETCDCTL_API=3 etcdctl snapshot save /tmp/snap.db",
    "$ k expose pod redis --port=6379 --name redis-service",
    "$ k rollout undo deployment/myapp",
    "$ k taint nodes node01 app=blue:NoSchedule",
    "$ k drain node01 --ignore-daemonsets",
];

/// xorshift64*: deterministic, no dependency.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    /// The next number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }
    /// A random element.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// One file of `PER_FILE` sections, numbered from `first` (lecture numbers
/// have at most four digits, like real courses: number each file from 1).
#[allow(dead_code)] // the reload bench writes a vault only
pub fn note(rng: &mut Rng, first: usize) -> String {
    let mut s = String::with_capacity(PER_FILE * 420);
    for n in first..first + PER_FILE {
        let (a, b) = (rng.pick(EN_WORDS), rng.pick(EN_WORDS));
        let _ = writeln!(
            s,
            "{n}. {} and {} {:02}:{:02}",
            cap(a),
            cap(b),
            rng.below(20),
            rng.below(60)
        );
        let _ = writeln!(
            s,
            "> {}{} {}",
            rng.pick(KO_NOUNS),
            rng.pick(KO_PARTICLES),
            rng.pick(KO_TAILS)
        );
        for _ in 0..3 {
            let _ = writeln!(
                s,
                "{}{} {} {}{} {}",
                rng.pick(KO_NOUNS),
                rng.pick(KO_PARTICLES),
                rng.pick(EN_WORDS),
                rng.pick(KO_NOUNS),
                rng.pick(KO_PARTICLES),
                rng.pick(KO_TAILS)
            );
        }
        let _ = writeln!(
            s,
            "- {} {} {} -> {}",
            rng.pick(EN_WORDS),
            rng.pick(EN_WORDS),
            rng.pick(EN_WORDS),
            rng.pick(KO_TAILS)
        );
        let _ = writeln!(s, "{}", rng.pick(COMMANDS));
    }
    s
}

fn cap(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

/// Heading sections per generated Markdown note (with its intro).
pub const PER_NOTE: usize = 20;

/// One Markdown note of [`PER_NOTE`] heading sections.
pub fn markdown_note(rng: &mut Rng, k: usize) -> String {
    let mut s = String::with_capacity(PER_NOTE * 450);
    let (a, b) = (rng.pick(EN_WORDS), rng.pick(KO_NOUNS));
    let _ = writeln!(
        s,
        "---\ntitle: {} {b} 정리 {k}\ntags: [cka, {a}]\ndate: 2025-{:02}-{:02}\n---\n<!-- study note -->\n{b}{} {} [[note-{:05}]] 참고.\n",
        cap(a),
        1 + rng.below(12),
        1 + rng.below(28),
        rng.pick(KO_PARTICLES),
        rng.pick(KO_TAILS),
        rng.below(k + 1),
    );
    for h in 1..PER_NOTE {
        let level = if h % 3 == 0 { "###" } else { "##" };
        let _ = writeln!(
            s,
            "{level} {} {}{} {h}\n",
            cap(rng.pick(EN_WORDS)),
            rng.pick(KO_NOUNS),
            rng.pick(KO_PARTICLES)
        );
        let _ = writeln!(
            s,
            "{}{} **{}** {}{} {}. [문서](../{}/note-{:05}.md#{})\n",
            rng.pick(KO_NOUNS),
            rng.pick(KO_PARTICLES),
            rng.pick(EN_WORDS),
            rng.pick(KO_NOUNS),
            rng.pick(KO_PARTICLES),
            rng.pick(KO_TAILS),
            rng.pick(EN_WORDS),
            rng.below(k + 1),
            rng.pick(EN_WORDS),
        );
        match h % 4 {
            0 => {
                let _ = writeln!(s, "```bash\n{}\n```\n", &rng.pick(COMMANDS)[2..]);
            }
            1 => {
                let _ = writeln!(
                    s,
                    "| {} | {} |\n|---|---|\n| `{}` | {} |\n",
                    rng.pick(EN_WORDS),
                    rng.pick(KO_NOUNS),
                    rng.pick(EN_WORDS),
                    rng.pick(KO_TAILS)
                );
            }
            2 => {
                let _ = writeln!(
                    s,
                    "```yaml\nkind: {}\nmetadata:\n  name: {}\n```\n",
                    cap(rng.pick(EN_WORDS)),
                    rng.pick(EN_WORDS)
                );
            }
            _ => {
                let _ = writeln!(
                    s,
                    "- {} {} -> {}\n",
                    rng.pick(EN_WORDS),
                    rng.pick(EN_WORDS),
                    rng.pick(KO_TAILS)
                );
            }
        }
    }
    s
}

/// Whether the benches generate a Markdown vault (`PILGI_BENCH_FORMAT=markdown`).
#[allow(dead_code)] // the search bench uses course notes only
pub fn markdown() -> bool {
    std::env::var("PILGI_BENCH_FORMAT").is_ok_and(|f| f == "markdown")
}

/// Writes a Markdown vault of `sections` heading sections into `dir`, in
/// folders of 100 notes.
#[allow(dead_code)]
pub fn write_vault(dir: &Path, sections: usize) -> std::io::Result<()> {
    let mut rng = Rng::new(7);
    for k in 0..sections.div_ceil(PER_NOTE) {
        let folder = dir.join(rng.pick(EN_WORDS));
        std::fs::create_dir_all(&folder)?;
        std::fs::write(
            folder.join(format!("note-{k:05}.md")),
            markdown_note(&mut rng, k),
        )?;
    }
    Ok(())
}

/// Writes `sections` sections as files into `dir`.
#[allow(dead_code)] // the reload bench writes a vault only
pub fn write_corpus(dir: &Path, sections: usize) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng::new(42);
    for f in 0..sections.div_ceil(PER_FILE) {
        std::fs::write(dir.join(format!("course-{f:04}.txt")), note(&mut rng, 1))?;
    }
    Ok(())
}
