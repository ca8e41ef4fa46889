# 코어가 사용자에게 알리는 말: 파일을 건너뛴 이유, 노트를 읽은 방식, 오류.
# `{ $error }`는 운영체제가 준 문구 그대로입니다.

skip-symlink-loop = 이미 읽은 폴더입니다(심볼릭 링크 순환)
skip-cannot-open-folder = 폴더를 열 수 없습니다: { $error }
skip-cannot-list-folder = 폴더 목록을 읽을 수 없습니다: { $error }
skip-cannot-read = 읽을 수 없습니다: { $error }
skip-not-note = 노트 파일이 아닙니다(.txt와 .md만 읽습니다)
skip-not-regular = 일반 파일이 아닙니다(FIFO, 소켓, 장치)
skip-too-large = 너무 큽니다({ $mib } MiB, 한도는 { $limit } MiB)
skip-vanished = 읽는 사이에 사라졌습니다
skip-permission-denied = 읽을 권한이 없습니다
skip-binary = 바이너리 파일입니다(NUL 바이트 포함)

warn-front-matter-unread = 프런트 매터를 읽지 못했습니다({ $line }번째 줄): { $detail }. 나머지 내용은 읽었습니다
warn-front-matter-unclosed = 1번째 줄에서 시작한 { $kind } 프런트 매터가 닫히지 않아 본문으로 읽었습니다
warn-invalid-utf8 = 잘못된 UTF-8({ $line }번째 줄부터), 깨진 바이트는 �로 표시합니다
warn-mixed-encodings = 인코딩이 섞여 있습니다: { $lines }{ PARTICLE($lines, "은/는") } { $encoding }, 나머지는 UTF-8로 읽었습니다
warn-decoded-as = { $encoding }{ PARTICLE($encoding, "으로/로") } 읽었습니다
warn-invalid-encoding = 잘못된 { $encoding }({ $line }번째 줄부터), 깨진 바이트는 �로 표시합니다
warn-invalid-utf16 = 잘못된 UTF-16(짝 없는 서러게이트 또는 홀수 길이), �로 표시합니다

error-io = { $path }: { $error }
error-index = 검색 색인: { $detail }
error-indexing = 검색 색인을 아직 만드는 중입니다
error-busy = 색인을 사용 중입니다: 다른 Pilgi 프로세스가 갱신하고 있습니다
error-not-found = 찾을 수 없습니다: { $what }
error-invalid = 잘못된 입력: { $detail }
error-store = { $path }: { $detail }

settings-bad-exam-date = 설정의 exam_date "{ $date }"{ PARTICLE($date, "은/는") } 2026-12-20 같은 날짜가 아니라서 무시합니다

index-rebuilt = 검색 색인을 새로 만들었습니다: { $reason }
index-unusable = 검색 색인을 쓸 수 없어({ $error }) 메모리에서 노트를 찾았습니다
