# The terminal companion, `pilgi`.

## --help (see crates/cli/src/help.rs for how the ids are made)

help-template = {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
    Usage: {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-flag-help = Print help
help-flag-version = Print version

help-pilgi = Read, search and bookmark bilingual study notes.
help-pilgi-notes = Notes folder (default: $PILGI_NOTES, then the config file, then the bundled notes).
help-pilgi-json = Print JSON instead of text.
help-pilgi-after = The interface language follows PILGI_LANG (ko or en), else the app's setting, else the system locale (LANG). --json output is the same in every language.

help-timeline = The course as a timeline: sections, durations, start times.
help-show = Show one section by id.
help-show-id = Section id, e.g. `cka-course-notes#13` (see `pilgi timeline`).
help-show-html = Print the body rendered as sanitized HTML.
help-render = Render a whole note file (HTML with --html).
help-render-file = The note file to render (inside the notes folder or not).
help-render-html = Print HTML instead of the terminal rendering.
help-render-markdown = Treat `# Title` lines as headings (always on for .md files).
help-search = Search the notes (Korean, English, 초성, wrong keyboard layout).
help-search-query = What to look for: words in Korean or English, a command, a flag (`--dry-run`), 초성 (`ㅋㅌㅇㄴ`), even typed in the wrong layout.
help-search-limit = At most this many results.
help-index = Build or refresh the search index.
help-bookmark = Bookmarks: add, rm, ls, suggest, dismiss, export, import.
help-bookmark-save = Bookmark a section; on a bookmarked one, change its label and memo.
help-bookmark-save-id = Section id, e.g. `cka-course-notes#44` (see `pilgi timeline`).
help-bookmark-save-label = confusing (default), review, exam-tip, or a word of your own.
help-bookmark-save-memo = A memo, in any language.
help-bookmark-remove = Remove a section's bookmark (also an orphaned one, by its old id).
help-bookmark-remove-id = Section id.
help-bookmark-list = List bookmarks in course order, orphaned ones last.
help-bookmark-list-label = Only bookmarks with this label.
help-bookmark-suggest = Sections whose notes say you struggled (헷갈, 몰랐, ??, TODO, …).
help-bookmark-dismiss = Stop suggesting a section (until a new confusion line appears in it).
help-bookmark-dismiss-id = Section id.
help-bookmark-export = Write all bookmarks to a JSON file.
help-bookmark-export-file = The file to write.
help-bookmark-import = Merge bookmarks from a JSON file (an export or a bookmarks.json).
help-bookmark-import-file = The file to read.
help-commands = Shell commands in the notes, best match first.
help-commands-query = What the command is about: a tool (`etcdctl`), a word in Korean or English (`taint`, `테인트`), 초성, or typed in the wrong keyboard layout, or a command with its flags (`rollout undo --to-revision`). Without a query, every command in course order.
help-commands-limit = At most this many commands (default: 10 for a query, all without).
help-commands-copy = Also put the first command on the clipboard (wl-copy, xclip or xsel).
help-commands-after = Stdout holds only the commands, one per line, ready to paste (a command continued with `\` spans several lines). A command written in several places (`kubectl` or `k`, any spacing) is listed once. Use --json for each command's section, tool, the line before it, and every place it is written (`places`, best first).

    Exit codes: 0 found, 1 nothing found, 2 usage or input error.
help-review = Review confusing topics until they stick (spaced repetition).
help-review-grade = Grade one review item: again, hard, good, easy (or 1–4).
help-review-grade-id = The item: the section id of a bookmark labelled confusing or review, or a card's id.
help-review-grade-grade = again, hard, good or easy (1–4).
help-review-cards = The cloze cards a section's definition lines offer (✓: made); `--add`/`--remove` make or delete them by their number.
help-review-cards-id = The section id.
help-review-cards-add = Make the cards with these numbers.
help-review-cards-remove = Delete the cards with these numbers.
help-review-stats = Reviews per day and retention.
help-review-export = The review items as a TSV file Anki imports as it is (front, back, tags); on stdout without a file.
help-review-export-file = Where to write it.
help-lookup = Show or hide the desktop app's quick-lookup window (bind `pilgi-app --lookup` to a key).

## Messages

cli-cannot-open-notes = cannot open notes folder { $dir }
cli-cannot-open-bookmarks = cannot open the bookmarks in { $dir }
cli-skipped = skipped { $file }: { $reason }
cli-note-warning = { $file }: { $warning }
cli-bookmarks-restored = restored the previous version from the backup
cli-bookmarks-emptied = no usable backup, started an empty store
cli-bookmarks-unreadable = bookmarks could not be read ({ $reason }): { $done }
cli-bookmarks-unreadable-kept = bookmarks could not be read ({ $reason }): { $done }; the unreadable file was kept as { $kept }
cli-index-cut-short = the search index was cut short while it was being read (another program changed its files); run the command again to rebuild it

progress-stage-reading = reading notes
progress-stage-indexing = indexing
progress-stage-saving = saving index
progress-files = files
progress-read = { $sections } { $sections ->
        [one] section
       *[other] sections
    } · { $file }
progress-indexed = { $sections }/{ $total } sections · { $file }
progress-saving = { $sections } sections

bookmark-cannot-save = cannot bookmark { $id } (see `pilgi timeline` for ids)
bookmark-saved = bookmarked { $bookmark }
bookmark-updated = updated { $bookmark }
bookmark-removed = removed the bookmark of { $id }
bookmark-not-bookmarked = { $id } is not bookmarked
bookmark-dismissed = dismissed the suggestion for { $id }: { $line }
bookmark-exported = exported { $count } { $count ->
        [one] bookmark
       *[other] bookmarks
    } to { $file }
bookmark-imported = imported from { $file }: { $added } new, { $updated } updated, { $unchanged } unchanged
bookmark-reanchor-failed = could not save re-anchored bookmarks: { $error }
bookmark-suggest-hint = accept: pilgi bookmark save ID    dismiss: pilgi bookmark dismiss ID
bookmark-moved-from = (moved from { $id })
bookmark-orphaned = (orphaned: no longer in { $file })

commands-no-clipboard = --copy: no clipboard ({ $why }); the command is on stdout
commands-tool-missing = not installed
commands-tool-failed = failed ({ $status })

index-report = { $added } added, { $updated } updated, { $removed } removed, { $unchanged } unchanged files; { $sections } { $sections ->
        [one] section
       *[other] sections
    } written in { $millis } ms
index-total = { $sections } { $sections ->
        [one] section
       *[other] sections
    } in { $index }

lookup-cannot-run = cannot run { $app }
lookup-failed = { $app } --lookup failed ({ $status }); run it yourself to see why
lookup-handed-over = Pilgi's lookup window was shown or hidden.
lookup-started = pilgi-app did not hand over within { $seconds } s, so it is taken to be a new Pilgi with the lookup window open.

render-cannot-read = cannot read { $file }
render-binary = { $file } is a binary file

review-cannot-grade = cannot grade { $id } (see `pilgi review` for the items)
review-next = { $id }: next { $when }
review-day = { $reviews } reviews  { $again } again
review-no-retention = no learnt item graded yet
review-stats = { $reviews } reviews; retention { $retention }
review-exported = wrote { $count } cards to { $file }
review-cannot-list-cards = cannot list the cards of { $id } (see `pilgi timeline` for ids)
review-no-such-card = { $id } offers { $count } cards; there is no card { $card }
review-no-cards = { $id } has no definition lines to make cards of
review-due-today = due today ({ $count })
review-later = later ({ $count })
review-nothing-due = Nothing to review today. Bookmark a section as confusing or review, or make cards of its definitions, to add it.
review-memo = memo: { $memo }
review-card = card: { $front }
review-answer = answer: { $back }
review-keys = Space show · 1 again · 2 hard · 3 good · 4 easy · q stop
review-no-terminal = cannot read a key from the terminal
review-section-gone = the section is gone from the notes
review-graded = { $grade } · next { $when }
review-session-done = { $graded } graded; { $left } still due today
review-grade-again = again
review-grade-hard = hard
review-grade-good = good
review-grade-easy = easy

search-empty-query = the query is empty
search-partial = the index is still being built: searched { $sections } of { $sections_total } sections ({ $files } of { $files_total } files)
search-busy = the index is being updated by another process; results may be stale
search-reading = showing results for { $reading }

timeline-total = { $count } { $count ->
        [one] section
       *[other] sections
    }, { $clock } in all
