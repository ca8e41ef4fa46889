# What the core tells the user: why a file was skipped, how a note was
# read, what went wrong. `{ $error }` is the operating system's own words.

skip-symlink-loop = folder already visited (symlink loop)
skip-cannot-open-folder = cannot open folder: { $error }
skip-cannot-list-folder = cannot list folder: { $error }
skip-cannot-read = cannot read: { $error }
skip-not-note = not a note file (only .txt and .md are read)
skip-not-regular = not a regular file (a FIFO, socket or device)
skip-too-large = too large ({ $mib } MiB; the limit is { $limit } MiB)
skip-vanished = vanished while reading
skip-permission-denied = permission denied
skip-binary = binary file (contains NUL bytes)

warn-front-matter-unread = front matter not read (line { $line }): { $detail }; the rest of the note is
warn-front-matter-unclosed = { $kind } front matter opened on line 1 is never closed; read as text
warn-invalid-utf8 = invalid UTF-8 (first at line { $line }); bad bytes shown as �
warn-mixed-encodings = mixed encodings: { $lines } decoded as { $encoding }, the rest as UTF-8
warn-decoded-as = decoded as { $encoding }
warn-invalid-encoding = invalid { $encoding } (first at line { $line }); bad bytes shown as �
warn-invalid-utf16 = invalid UTF-16 (lone surrogate or odd length); shown as �

error-io = { $path }: { $error }
error-index = index: { $detail }
error-indexing = the search index is still being built
error-busy = the index is busy: another Pilgi process is updating it
error-not-found = not found: { $what }
error-invalid = invalid input: { $detail }
error-store = { $path }: { $detail }

settings-bad-exam-date = exam_date "{ $date }" in the settings is not a date like 2026-12-20; ignored

index-rebuilt = rebuilt the search index: { $reason }
index-unusable = cannot use the search index ({ $error }); searched the notes in memory
