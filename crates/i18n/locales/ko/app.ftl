# 앱의 Rust 쪽.

display-both = Wayland "{ $wayland }" 또는 X11 "{ $x11 }"
display-wayland = Wayland "{ $wayland }"
display-x11 = X11 "{ $x11 }"
display-none = 없음: DISPLAY도 WAYLAND_DISPLAY도 설정되지 않았습니다
display-cannot-open = 화면을 열 수 없습니다({ $tried }). 데스크톱 세션에서 Pilgi를 실행하거나, 데스크톱이 없는 컴퓨터에서는 `xvfb-run -a -s "-noreset" pilgi-app`으로 실행하세요(터미널 도구 `pilgi`는 화면이 필요 없습니다)

app-bookmarks-unavailable = 북마크를 쓸 수 없습니다: { $why }
app-choose-folder = 노트 폴더 고르기
app-not-a-local-folder = 이 컴퓨터의 폴더가 아닙니다: { $error }
app-cannot-start-indexing = 색인을 시작할 수 없습니다: { $error }
app-link-not-web = Pilgi 밖에서는 http(s)와 mailto 링크만 엽니다
app-no-browser = 브라우저를 실행할 수 없습니다(xdg-open): { $error }
app-malformed-id = 섹션 아이디가 올바르지 않습니다
app-text-too-long = 입력한 글({ $what })이 64 KiB보다 깁니다
app-not-lookup = 빠른 찾기 창이 아닙니다

shortcut-manual = 이 데스크톱에서는 Pilgi가 전역 단축키를 잡지 않습니다. 데스크톱의 키보드 설정에서 `{ $command }`에 키를 연결하세요.
shortcut-not-a-shortcut = “{ $text }”{ PARTICLE($text, "은/는") } 단축키가 아닙니다: { $why } (Ctrl+Shift+K처럼 쓰세요).
shortcut-refused = { $text }{ PARTICLE($text, "을/를") } 등록할 수 없습니다: { $why }.
shortcut-portal-stopped = 데스크톱 포털이 단축키를 더 이상 전달하지 않습니다
shortcut-no-such-key = 이 키보드에는 그런 키가 없습니다
shortcut-taken = 다른 프로그램이 이미 쓰고 있습니다
shortcut-no-key = 수식키 뒤에 키가 없습니다
shortcut-not-a-modifier = “{ $name }”{ PARTICLE($name, "은/는") } 수식키가 아닙니다
shortcut-not-a-key = “{ $key }”{ PARTICLE($key, "은/는") } 키가 아닙니다
shortcut-needs-modifier = Ctrl, Alt, Super 중 하나(또는 F 키)가 필요합니다. 그냥 키 하나면 모든 입력에서 그 키를 빼앗습니다
shortcut-too-long = 단축키가 너무 깁니다

portal-description = Pilgi 빠른 찾기 보이기/숨기기
portal-no-bus = 세션 버스가 없습니다({ $error })
portal-declined = 데스크톱 대화 상자에서 단축키를 확인하지 않았습니다
portal-no-key = 데스크톱 포털이 키를 연결하지 않았습니다
portal-key-elsewhere = 데스크톱 키보드 설정에서 정합니다
portal-unavailable = 이 데스크톱 포털은 전역 단축키를 제공하지 않습니다({ $error })
app-no-such-language = 그런 인터페이스 언어는 없습니다(ko, en, 또는 시스템 언어를 따르려면 없음)
app-cannot-copy = 복사하지 못했습니다: { $error }
app-not-a-folder = { $folder }{ PARTICLE($folder, "은/는") } 폴더가 아닙니다
app-not-a-token = 활성화 토큰이 아닙니다
lookup-window-title = Pilgi 빠른 찾기
shortcut-portal-holds = 빠른 찾기 단축키는 데스크톱이 관리합니다. 데스크톱의 키보드 설정에서 바꾸거나, 거기서 `{ $command }`에 키를 연결하세요.

# pilgi-note:// 스킴의 응답(보여 줄 수 없는 이미지).
image-bad-path = 경로가 잘못되었거나 폴더 밖을 가리킵니다
image-outside = 노트 폴더 밖입니다
image-missing = 노트 폴더에 그런 파일이 없습니다
image-too-large = 32 MiB보다 큰 이미지입니다
image-not-image = 이미지가 아닙니다
