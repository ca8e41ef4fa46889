### The web UI's words (ui/js/*.js, ui/*.html), in Korean: the same ids as
### en/ui.ftl (ui/tests/i18n.test.js checks both ways). Keyboard keys stay
### as keys (Enter, Esc, Alt); a particle after a placeholder is chosen by
### PARTICLE. Short status lines are noun forms (…됨), sentences 합니다체.

## The windows

app-title = Pilgi — 필기
app-brand = 필기
lookup-title = Pilgi 빠른 찾기
search-box =
    .placeholder = 노트 검색   ( / )
    .aria-label = 노트 검색
settings-open =
    .title = 설정 (Ctrl+,)
    .aria-label = 설정
sidebar =
    .aria-label = 보기
tab-sections = 섹션
tab-timeline = 타임라인
tab-bookmarks = 북마크
tab-commands = 명령어
tab-review = 복습
progress =
    .aria-label = 노트를 읽고 색인하는 중
settings-sheet =
    .aria-label = 설정
lookup-box =
    .placeholder = 명령어 또는 섹션
    .aria-label = 명령어나 섹션 찾기
lookup-keys = { $up }{ $down } 선택 · { $enter } 명령어 복사 / 섹션 열기 · { $esc } 숨기기

key-enter = Enter
key-esc = Esc
key-alt = Alt

## The status line

status-sections = 섹션 { $count }개
status-load-failed = 노트를 불러오지 못했습니다: { $message }
status-search-unavailable = 검색을 사용할 수 없습니다: { $message }
status-notes-updated = 노트 업데이트됨
status-index-behind = 노트 업데이트됨. 검색 색인: { $message }
status-copied = 복사됨: { $text }
status-bookmarked = 북마크됨
status-bookmark-removed = 북마크 삭제됨
status-card-made = 카드 만듦: 지금 복습할 수 있습니다
status-card-removed = 카드 삭제됨

## Reading and indexing a notes folder

progress-reading = 노트 읽는 중
progress-indexing = 색인 중
progress-saving = 색인 저장 중
progress-sections = 섹션 { $count }개
progress-sections-of = 섹션 { $done } / { $total }개
progress-files = 파일 { $done } / { $total }개
progress-value = { $stage }: 파일 { $total }개 중 { $done }개

## Search

search-indexing = 노트를 색인하는 중…
search-count =
    { $count ->
        [0] 결과 없음
       *[other] 결과 { $count }개
    }
search-interpretation = { $terms }{ PARTICLE($terms, "으로/로") } 찾은 결과
search-keys = ↑↓로 선택, Enter로 열기, Esc로 지우기
search-nothing = “{ $query }”에 맞는 결과가 없습니다
search-partial = 아직 색인 중: 섹션 { $total }개 중 { $indexed }개 검색함
search-only-bookmarked = ★만

## The reader

reader-empty-start = 왼쪽에서 섹션을 고르거나 { $slash } 키를 눌러 검색하세요.
reader-empty-keys = { $up }{ $down } 선택 · { $enter } 열기 · { $esc } 지우기 · { $copy } 명령어 복사 · { $prev }{ $next } 이전/다음 · { $alt }+{ $first }…{ $last } 보기 전환
reader-preview = 미리 보기
reader-previous = ← 이전
reader-next = 다음 →
reader-outline = 목차 ({ $count })
reader-backlinks = 백링크 { $count }개
reader-link-unresolved = 이 링크가 가리키는 노트가 폴더에 없습니다
reader-image-refused = 이미지를 표시하지 않음: 없거나, 너무 크거나, 이미지가 아님
reader-image = 이미지
reader-no-command = 이 섹션에는 명령어가 없습니다
copy-button = 복사
copy-done = 복사됨

## What a section is (the tags of the reader and the timeline)

kind-lecture = 강의
kind-demo = 데모
kind-practice-test = 실습 테스트
kind-solution = 풀이
kind-other = 기타
kind-note = 노트

## Bookmarks

label-confusing = 헷갈림
label-review = 복습
label-exam-tip = 시험 팁
bookmarks-list = 북마크
bookmarks-empty = 아직 북마크가 없습니다. 헷갈렸던 섹션에서 b 키를 누르세요.
bookmarks-recovered = 북마크를 복구했습니다: { $reason }
bookmarks-recovered-backup = 북마크를 백업에서 복구했습니다: { $reason }
bookmarks-set-aside = (손상된 파일은 { $file }{ PARTICLE($file, "으로/로") } 보관했습니다)
bookmarks-suggested = 추천 ({ $count })
bookmarks-accept = 북마크
bookmarks-dismiss = 무시
bookmarks-remove = 삭제
bookmarks-remove-label = 북마크 삭제
bookmark-moved = 옮겨짐
bookmark-orphaned = 대상 없음
bookmark-toggle-title = 이 섹션 북마크 (b)
bookmark-on = ★ 북마크됨
bookmark-off = ☆ 북마크
bookmark-label = 라벨
bookmark-memo = 메모
bookmark-memo-placeholder = 메모: 무엇이 헷갈렸나요?

## Cards

cards-summary =
    이 섹션의 카드: { $offered }개 제안{ $made ->
        [0] {""}
       *[other] , { $made }개 만듦
    }
card-add = + 카드
card-remove = ✓ 카드 · 삭제

## Commands

commands-list = 명령어
commands-filter = 명령어 찾기
commands-none = 맞는 명령어가 없습니다.
commands-copy-label = { $command } 복사
commands-places = { $count }곳
commands-more = … 외 { $count }곳 (모두 보려면 pilgi commands --json)

## Review

grade-again = 다시
grade-hard = 어려움
grade-good = 좋음
grade-easy = 쉬움
review-nothing = 복습할 항목이 없습니다. 섹션을 ‘헷갈림’이나 ‘복습’으로 북마크하거나(b) 읽기 화면에서 정의를 카드로 만들면 여기에 추가됩니다.
review-next = 지금 복습할 항목이 없습니다. 다음 복습: { $when }.
review-next-more = 지금 복습할 항목이 없습니다. 다음 복습: { $when } (오늘 { $count }개 더).
review-show = 정답 보기 (Space)
review-card = 카드 · { $name }
review-due = 지금 복습할 항목 { $count }개
review-graded = { $grade } · 다음 복습 { $when }

## The study marks on the lists' rows (their tooltip and label)

study-opened = 열어 봄
study-bookmarked = { $label }{ PARTICLE($label, "으로/로") } 북마크함
study-cards = 카드 { $count }개
study-reviewed = { $count }번 복습함
study-recall = 기억할 확률 { $percent }%
study-retained = 기억할 확률 { $percent }%, 익힘

## Sections

sections-list = 섹션
sections-filter = 헷갈림 · 아직 못 익힘 ({ $count })
sections-filter-title = ‘헷갈림’으로 북마크했고 아직 익히지 못한 섹션만 보기

## Timeline

timeline-list = 타임라인
timeline-total = 총 { $duration }
timeline-by-date = 날짜별 노트
timeline-basis-title = 날짜를 가져온 곳
timeline-basis-front-matter = front matter의 날짜
timeline-basis-file-name = 파일 이름의 날짜
timeline-basis-modified = 파일 수정 시각

## A duration in prose (a list's column says 2:56:07)

duration-hours-minutes = { $hours }시간 { $minutes }분
duration-hours = { $hours }시간
duration-minutes = { $minutes }분
duration-seconds = { $seconds }초

## Settings

settings-title = 설정
settings-notes = 노트 폴더
settings-bundled = 기본 제공
settings-notes-env = PILGI_NOTES가 설정되어 있어서, 여기서 무엇을 고르든 Pilgi는 시작할 때 그 폴더를 엽니다.
settings-choose-folder = 폴더 선택…
settings-use-bundled = 기본 제공 노트 사용
settings-notes-hint = Pilgi는 이 폴더를 읽기만 합니다. 북마크는 데이터 폴더에 저장됩니다.
settings-shortcut = 빠른 찾기 단축키
settings-shortcut-label = 빠른 찾기 단축키
settings-shortcut-placeholder = Ctrl+Shift+K
settings-shortcut-x11 = 어느 앱에서나 동작합니다(예: Ctrl+Shift+K, Alt+Space). 이 명령에 직접 키를 지정해도 됩니다:
settings-shortcut-portal = 데스크톱에 등록된 단축키: { $shortcut }. 데스크톱의 키보드 설정에서 바꿀 수 있습니다.
settings-shortcut-portal-waiting = 데스크톱이 단축키를 확인하기를 기다리는 중…
settings-shortcut-portal-bind = 또는 이 명령에 키를 지정하세요:
settings-shortcut-manual = 이 데스크톱에서는 Pilgi가 전역 단축키를 등록하지 않습니다. 데스크톱의 키보드 설정에서 이 명령에 키를 지정하세요:
settings-shortcut-why = 이유: { $reason }
settings-shortcut-kept = 지금 단축키({ $shortcut })는 그대로 동작합니다.
settings-bind-gnome = GNOME: 설정 › 키보드 › 바로 가기 보기 및 사용자 지정 › 사용자 지정 바로 가기.
settings-bind-kde = KDE: 시스템 설정 › 단축키 › 새로 추가 › 명령 또는 스크립트.
settings-copy = 복사
settings-copied = 복사됨
settings-save = 저장
settings-saved = 저장했습니다.
settings-exam = 시험 날짜
settings-exam-hint = 복습은 시험 전으로만 잡히고, 시험 당일과 그 뒤로는 잡히지 않습니다. 시험이 없으면 비워 두세요.
settings-language = 언어
settings-language-system = 시스템 설정 따르기
settings-language-env = PILGI_LANG이 설정되어 있어서, 여기서 무엇을 고르든 그 값에 따라 언어가 정해집니다.
settings-done = 완료
# Each language is named in its own language, in both catalogs.
language-ko = 한국어
language-en = English

## 노트 안에 렌더러가 넣는 말 (crates/core/src/render/: data-l10n)

note-copy-code = 복사
    .title = 코드 복사
    .aria-label = 코드 복사
note-copy-command = 복사
    .title = 명령어 복사
    .aria-label = 명령어 복사
note-copy-yaml = 복사
    .title = YAML 복사
    .aria-label = YAML 복사
note-image-refused =
    .title = 노트 폴더 밖의 파일이라 보여 주지 않습니다
note-link-unresolved =
    .title = 노트 폴더에서 찾을 수 없습니다
