# 터미널 도구 `pilgi`.

## --help (아이디 만드는 법은 crates/cli/src/help.rs)

help-template = {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
    사용법: {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-commands = 명령
help-heading-arguments = 인수
help-heading-options = 옵션
help-flag-help = 도움말 보기
help-flag-version = 버전 보기

help-pilgi = 한국어·영어 학습 노트를 읽고, 검색하고, 북마크합니다.
help-pilgi-notes = 노트 폴더(기본값: $PILGI_NOTES, 그다음 설정 파일, 그다음 함께 제공되는 노트).
help-pilgi-json = 텍스트 대신 JSON으로 출력합니다.
help-pilgi-after = 인터페이스 언어는 PILGI_LANG(ko 또는 en), 없으면 앱 설정, 없으면 시스템 로캘(LANG)을 따릅니다. --json 출력은 어느 언어에서나 같습니다.

help-timeline = 강의를 타임라인으로: 섹션, 길이, 시작 시각.
help-show = 섹션 하나를 아이디로 봅니다.
help-show-id = 섹션 아이디, 예: `cka-course-notes#13`(`pilgi timeline` 참고).
help-show-html = 본문을 정화된 HTML로 출력합니다.
help-render = 노트 파일 하나를 통째로 표시합니다(--html이면 HTML).
help-render-file = 표시할 노트 파일(노트 폴더 안이든 밖이든).
help-render-html = 터미널 표시 대신 HTML을 출력합니다.
help-render-markdown = `# 제목` 줄을 제목으로 읽습니다(.md 파일은 항상).
help-search = 노트를 검색합니다(한국어, 영어, 초성, 잘못된 자판).
help-search-query = 찾을 것: 한국어나 영어 단어, 명령어, 플래그(`--dry-run`), 초성(`ㅋㅌㅇㄴ`), 자판을 잘못 놓고 친 글자까지.
help-search-limit = 결과를 최대 이만큼.
help-index = 검색 색인을 만들거나 새로 고칩니다.
help-bookmark = 북마크: add, rm, ls, suggest, dismiss, export, import.
help-bookmark-save = 섹션에 북마크를 답니다. 이미 있으면 라벨과 메모를 바꿉니다.
help-bookmark-save-id = 섹션 아이디, 예: `cka-course-notes#44`(`pilgi timeline` 참고).
help-bookmark-save-label = confusing(기본값), review, exam-tip, 또는 직접 정한 단어.
help-bookmark-save-memo = 메모(어느 언어로든).
help-bookmark-remove = 섹션의 북마크를 뗍니다(옛 아이디로 고아가 된 북마크도).
help-bookmark-remove-id = 섹션 아이디.
help-bookmark-list = 북마크를 강의 순서로, 고아가 된 것은 맨 뒤에 보여 줍니다.
help-bookmark-list-label = 이 라벨의 북마크만.
help-bookmark-suggest = 노트에 헤맨 흔적이 있는 섹션(헷갈, 몰랐, ??, TODO, …).
help-bookmark-dismiss = 섹션 제안을 그만둡니다(새로 헷갈린 줄이 생길 때까지).
help-bookmark-dismiss-id = 섹션 아이디.
help-bookmark-export = 북마크를 모두 JSON 파일로 씁니다.
help-bookmark-export-file = 쓸 파일.
help-bookmark-import = JSON 파일(내보낸 파일이나 bookmarks.json)의 북마크를 합칩니다.
help-bookmark-import-file = 읽을 파일.
help-commands = 노트에 있는 셸 명령어, 가장 잘 맞는 것부터.
help-commands-query = 명령어의 주제: 도구(`etcdctl`), 한국어나 영어 단어(`taint`, `테인트`), 초성, 잘못된 자판, 또는 플래그가 붙은 명령(`rollout undo --to-revision`). 검색어가 없으면 모든 명령어를 강의 순서로.
help-commands-limit = 명령어를 최대 이만큼(기본값: 검색어가 있으면 10, 없으면 전부).
help-commands-copy = 첫 번째 명령어를 클립보드에도 넣습니다(wl-copy, xclip, xsel).
help-commands-after = 표준 출력에는 명령어만 한 줄에 하나씩, 바로 붙여 넣을 수 있게 나옵니다(`\`로 이어지는 명령은 여러 줄). 여러 곳에 적힌 명령(`kubectl`이든 `k`든, 띄어쓰기가 달라도)은 한 번만 나옵니다. 명령마다 섹션, 도구, 바로 앞 줄, 적힌 곳 전부(`places`, 좋은 것부터)를 보려면 --json을 쓰세요.

    종료 코드: 0 찾음, 1 못 찾음, 2 사용법이나 입력 오류.
help-review = 헷갈리는 주제를 익숙해질 때까지 복습합니다(간격 반복).
help-review-grade = 복습 항목 하나를 채점합니다: again, hard, good, easy(또는 1–4).
help-review-grade-id = 항목: confusing이나 review 라벨이 붙은 북마크의 섹션 아이디, 또는 카드 아이디.
help-review-grade-grade = again, hard, good, easy(1–4).
help-review-cards = 섹션의 정의 줄로 만들 수 있는 빈칸 카드(✓: 만듦). `--add`/`--remove`로 번호를 골라 만들거나 지웁니다.
help-review-cards-id = 섹션 아이디.
help-review-cards-add = 이 번호의 카드를 만듭니다.
help-review-cards-remove = 이 번호의 카드를 지웁니다.
help-review-stats = 날짜별 복습 수와 기억 유지율.
help-review-export = 복습 항목을 Anki가 그대로 가져오는 TSV 파일로(앞면, 뒷면, 태그). 파일이 없으면 표준 출력으로.
help-review-export-file = 쓸 곳.
help-lookup = 데스크톱 앱의 빠른 찾기 창을 보이거나 숨깁니다(`pilgi-app --lookup`을 단축키에 연결하세요).

## 메시지

cli-cannot-open-notes = 노트 폴더 { $dir }{ PARTICLE($dir, "을/를") } 열 수 없습니다
cli-cannot-open-bookmarks = { $dir }의 북마크를 열 수 없습니다
cli-skipped = { $file } 건너뜀: { $reason }
cli-note-warning = { $file }: { $warning }
cli-bookmarks-restored = 백업에서 이전 버전을 되살렸습니다
cli-bookmarks-emptied = 쓸 수 있는 백업이 없어 빈 저장소로 시작했습니다
cli-bookmarks-unreadable = 북마크를 읽을 수 없습니다({ $reason }): { $done }
cli-bookmarks-unreadable-kept = 북마크를 읽을 수 없습니다({ $reason }): { $done }. 읽지 못한 파일은 { $kept }{ PARTICLE($kept, "으로/로") } 남겨 두었습니다
cli-index-cut-short = 검색 색인을 읽는 도중에 파일이 잘렸습니다(다른 프로그램이 바꿈). 명령을 다시 실행하면 색인을 새로 만듭니다

progress-stage-reading = 노트 읽는 중
progress-stage-indexing = 색인 중
progress-stage-saving = 색인 저장 중
progress-files = 파일
progress-read = 섹션 { $sections }개 · { $file }
progress-indexed = 섹션 { $sections }/{ $total }개 · { $file }
progress-saving = 섹션 { $sections }개

bookmark-cannot-save = { $id }에 북마크를 달 수 없습니다(아이디는 `pilgi timeline` 참고)
bookmark-saved = 북마크를 달았습니다: { $bookmark }
bookmark-updated = 북마크를 고쳤습니다: { $bookmark }
bookmark-removed = { $id }의 북마크를 뗐습니다
bookmark-not-bookmarked = { $id }에는 북마크가 없습니다
bookmark-dismissed = { $id } 제안을 그만둡니다: { $line }
bookmark-exported = 북마크 { $count }개를 { $file }에 내보냈습니다
bookmark-imported = { $file }에서 가져옴: 새로 { $added }개, 고침 { $updated }개, 그대로 { $unchanged }개
bookmark-reanchor-failed = 옮겨 단 북마크를 저장하지 못했습니다: { $error }
bookmark-suggest-hint = 받기: pilgi bookmark save ID    그만두기: pilgi bookmark dismiss ID
bookmark-moved-from = ({ $id }에서 옮겨 옴)
bookmark-orphaned = (고아: 이제 { $file }에 없음)

commands-no-clipboard = --copy: 클립보드 없음({ $why }). 명령어는 표준 출력에 있습니다
commands-tool-missing = 설치되지 않음
commands-tool-failed = 실패({ $status })

index-report = 파일 { $added }개 추가, { $updated }개 갱신, { $removed }개 삭제, { $unchanged }개 그대로. 섹션 { $sections }개를 { $millis }ms에 썼습니다
index-total = 섹션 { $sections }개, 색인 위치 { $index }

lookup-cannot-run = { $app }{ PARTICLE($app, "을/를") } 실행할 수 없습니다
lookup-failed = { $app } --lookup 실패({ $status }). 직접 실행해 보면 이유가 보입니다
lookup-handed-over = Pilgi 빠른 찾기 창을 보이거나 숨겼습니다.
lookup-started = pilgi-app이 { $seconds }초 안에 넘겨받지 않아, 빠른 찾기 창을 연 새 Pilgi로 봅니다.

render-cannot-read = { $file }{ PARTICLE($file, "을/를") } 읽을 수 없습니다
render-binary = { $file }{ PARTICLE($file, "은/는") } 바이너리 파일입니다

review-cannot-grade = { $id }{ PARTICLE($id, "을/를") } 채점할 수 없습니다(항목은 `pilgi review` 참고)
review-next = { $id }: 다음 { $when }
review-day = 복습 { $reviews }번  다시 { $again }번
review-no-retention = 아직 채점한 익힌 항목이 없음
review-stats = 복습 { $reviews }번, 기억 유지율 { $retention }
review-exported = 카드 { $count }장을 { $file }에 썼습니다
review-cannot-list-cards = { $id }의 카드를 볼 수 없습니다(아이디는 `pilgi timeline` 참고)
review-no-such-card = { $id }의 카드는 { $count }장입니다. { $card }번 카드는 없습니다
review-no-cards = { $id }에는 카드로 만들 정의 줄이 없습니다
review-due-today = 오늘 할 복습({ $count })
review-later = 나중({ $count })
review-nothing-due = 오늘은 복습할 것이 없습니다. 섹션에 confusing이나 review 북마크를 달거나, 정의 줄로 카드를 만들면 여기에 나옵니다.
review-memo = 메모: { $memo }
review-card = 카드: { $front }
review-answer = 답: { $back }
review-keys = Space 보기 · 1 다시 · 2 어려움 · 3 알맞음 · 4 쉬움 · q 그만
review-no-terminal = 터미널에서 키를 읽을 수 없습니다
review-section-gone = 그 섹션이 노트에서 사라졌습니다
review-graded = { $grade } · 다음 { $when }
review-session-done = { $graded }개 채점, 오늘 남은 복습 { $left }개
review-grade-again = 다시
review-grade-hard = 어려움
review-grade-good = 알맞음
review-grade-easy = 쉬움

search-empty-query = 검색어가 비어 있습니다
search-partial = 색인을 아직 만드는 중입니다: 섹션 { $sections_total }개 중 { $sections }개(파일 { $files_total }개 중 { $files }개)에서 찾았습니다
search-busy = 다른 프로세스가 색인을 갱신하고 있어 결과가 오래되었을 수 있습니다
search-reading = { $reading }{ PARTICLE($reading, "으로/로") } 찾은 결과

timeline-total = 섹션 { $count }개, 모두 { $hours ->
        [0] { $minutes }분
       *[other] { $hours }시간 { $minutes }분
    }
