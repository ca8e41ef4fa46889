### The web UI's words (ui/js/*.js, ui/*.html), in English. Every id here is
### in ko/ui.ftl too (ui/tests/i18n.test.js checks both ways). Keyboard keys
### stay as keys; `key-*` are their names, the same in both languages.

## The windows

app-title = Pilgi — 필기
app-brand = 필기
lookup-title = Pilgi lookup
search-box =
    .placeholder = Search notes   ( / )
    .aria-label = Search notes
settings-open =
    .title = Settings (Ctrl+,)
    .aria-label = Settings
sidebar =
    .aria-label = Views
tab-sections = Sections
tab-timeline = Timeline
tab-bookmarks = Bookmarks
tab-commands = Commands
tab-review = Review
progress =
    .aria-label = Reading and indexing the notes
settings-sheet =
    .aria-label = Settings
lookup-box =
    .placeholder = Command or section
    .aria-label = Look up a command or section
lookup-keys = { $up }{ $down } choose · { $enter } copy command / open section · { $esc } hide

key-enter = Enter
key-esc = Esc
key-alt = Alt

## The status line

status-sections =
    { $count ->
        [one] { $count } section
       *[other] { $count } sections
    }
status-load-failed = Could not load notes: { $message }
status-search-unavailable = Search is unavailable: { $message }
status-notes-updated = Notes updated
status-index-behind = Notes updated; search index: { $message }
status-copied = Copied: { $text }
status-bookmarked = Bookmarked
status-bookmark-removed = Bookmark removed
status-card-made = Card made: it is due in Review now
status-card-removed = Card removed

## Reading and indexing a notes folder

progress-reading = Reading notes
progress-indexing = Indexing
progress-saving = Saving the index
progress-sections =
    { $count ->
        [one] { $count } section
       *[other] { $count } sections
    }
progress-sections-of = { $done } / { $total } sections
progress-files = { $done } / { $total } files
progress-value = { $stage }: { $done } of { $total } files

## Search

search-indexing = Indexing your notes…
search-count =
    { $count ->
        [0] No results
        [one] { $count } result
       *[other] { $count } results
    }
search-interpretation = showing results for { $terms }
search-keys = ↑↓ to choose, Enter to open, Esc to clear
search-nothing = Nothing matches “{ $query }”
search-partial =
    Still indexing: searched { $indexed } of { $total ->
        [one] { $total } section
       *[other] { $total } sections
    }
search-only-bookmarked = ★ only

## The reader

reader-empty-start = Pick a section on the left, or press { $slash } to search.
reader-empty-keys = { $up }{ $down } choose · { $enter } open · { $esc } clear · { $copy } copy command · { $prev }{ $next } previous/next · { $alt }+{ $first }…{ $last } views
reader-preview = Preview
reader-previous = ← Previous
reader-next = Next →
reader-outline = Outline ({ $count })
reader-backlinks =
    Linked from { $count ->
        [one] { $count } place
       *[other] { $count } places
    }
reader-link-unresolved = This link leads to no note in the folder
reader-image-refused = image not shown: missing, too large or not an image
reader-image = image
reader-no-command = No command in this section
copy-button = copy
copy-done = copied

## What a section is (the tags of the reader and the timeline)

kind-lecture = lecture
kind-demo = demo
kind-practice-test = practice test
kind-solution = solution
kind-other = other
kind-note = note

## Bookmarks

label-confusing = confusing
label-review = review
label-exam-tip = exam-tip
bookmarks-list = Bookmarks
bookmarks-empty = No bookmarks yet. Press b on a section you found confusing.
bookmarks-recovered = Bookmarks were recovered: { $reason }
bookmarks-recovered-backup = Bookmarks were recovered from the backup: { $reason }
bookmarks-set-aside = (the damaged file is kept as { $file })
bookmarks-suggested = Suggested ({ $count })
bookmarks-accept = Bookmark
bookmarks-dismiss = Dismiss
bookmarks-remove = Remove
bookmarks-remove-label = Remove bookmark
bookmark-moved = moved
bookmark-orphaned = orphaned
bookmark-toggle-title = Bookmark this section (b)
bookmark-on = ★ Bookmarked
bookmark-off = ☆ Bookmark
bookmark-label = Label
bookmark-memo = Memo
bookmark-memo-placeholder = Memo: why was this confusing?

## Cards

cards-summary =
    Cards from this section: { $offered } offered{ $made ->
        [0] {""}
       *[other] , { $made } made
    }
card-add = + Card
card-remove = ✓ Card · remove

## Commands

commands-list = Commands
commands-filter = Filter commands
commands-none = No command matches.
commands-copy-label = Copy { $command }
commands-places =
    { $count ->
        [one] { $count } place
       *[other] { $count } places
    }
commands-more = … and { $count } more (pilgi commands --json lists them all)

## Review

grade-again = Again
grade-hard = Hard
grade-good = Good
grade-easy = Easy
review-nothing = Nothing to review. Bookmark a section as confusing or review (b), or make cards of its definitions in the reader, to add it.
review-next = Nothing due now. Next review at { $when }.
review-next-more = Nothing due now. Next review at { $when } ({ $count } more today).
review-show = Show (Space)
review-card = Card · { $name }
review-due = { $count } due now
review-graded = { $grade } · next review { $when }

## The study marks on the lists' rows (their tooltip and label)

study-opened = opened
study-bookmarked = bookmarked { $label }
study-cards =
    { $count ->
        [one] { $count } card
       *[other] { $count } cards
    }
study-reviewed = reviewed { $count }×
study-recall = { $percent }% likely recalled
study-retained = { $percent }% likely recalled, retained

## Sections

sections-list = Sections
sections-filter = Confusing, not retained ({ $count })
sections-filter-title = Show only the sections bookmarked as confusing that you have not yet retained

## Timeline

timeline-list = Timeline
timeline-total = { $duration } in all
timeline-by-date = Notes by date
timeline-basis-title = where the date came from
timeline-basis-front-matter = date in front matter
timeline-basis-file-name = date in file name
timeline-basis-modified = file modified

## A duration in prose (a list's column says 2:56:07)

duration-hours-minutes = { $hours } h { $minutes } min
duration-hours = { $hours } h
duration-minutes = { $minutes } min
duration-seconds = { $seconds } s

## Settings

settings-title = Settings
settings-notes = Notes folder
settings-bundled = bundled
settings-notes-env = PILGI_NOTES is set, so Pilgi opens that folder at launch whatever is chosen here.
settings-choose-folder = Choose folder…
settings-use-bundled = Use the bundled notes
settings-notes-hint = Pilgi only reads this folder; bookmarks live in your data folder.
settings-shortcut = Quick lookup shortcut
settings-shortcut-label = Lookup shortcut
settings-shortcut-placeholder = Ctrl+Shift+K
settings-shortcut-x11 = Works from any app, e.g. Ctrl+Shift+K or Alt+Space. Or bind a key to this command yourself:
settings-shortcut-portal = Registered with your desktop: { $shortcut }. Change it in the desktop’s keyboard settings.
settings-shortcut-portal-waiting = Waiting for your desktop to confirm the shortcut…
settings-shortcut-portal-bind = Or bind a key to this command:
settings-shortcut-manual = Pilgi holds no global shortcut on this desktop. Bind a key to this command in its keyboard settings:
settings-shortcut-why = Why: { $reason }
settings-shortcut-kept = { $shortcut } still works.
settings-bind-gnome = GNOME: Settings › Keyboard › View and Customize Shortcuts › Custom Shortcuts.
settings-bind-kde = KDE: System Settings › Shortcuts › Add New › Command or Script.
settings-copy = Copy
settings-copied = Copied
settings-save = Save
settings-saved = Saved.
settings-exam = Exam date
settings-exam-hint = Reviews are scheduled before it, never on or after it. Leave it empty for none.
settings-language = Language
settings-language-system = Follow the system
settings-language-env = PILGI_LANG is set, so it decides the language whatever is chosen here.
settings-done = Done
# Each language is named in its own language, in both catalogs.
language-ko = 한국어
language-en = English

## The renderer's own words in a note (crates/core/src/render/: data-l10n)

note-copy-code = copy
    .title = Copy code
    .aria-label = Copy code
note-copy-command = copy
    .title = Copy command
    .aria-label = Copy command
note-copy-yaml = copy
    .title = Copy YAML
    .aria-label = Copy YAML
note-image-refused =
    .title = outside the notes folder
note-link-unresolved =
    .title = not found in the notes folder
