# The desktop app's Rust side.

display-both = Wayland "{ $wayland }" or X11 "{ $x11 }"
display-wayland = Wayland "{ $wayland }"
display-x11 = X11 "{ $x11 }"
display-none = none: neither DISPLAY nor WAYLAND_DISPLAY is set
display-cannot-open = cannot open the display ({ $tried }); start Pilgi from a desktop session, or on a machine without one under `xvfb-run -a -s "-noreset" pilgi-app` (the terminal companion `pilgi` needs no display)

app-bookmarks-unavailable = bookmarks are unavailable: { $why }
app-choose-folder = Choose your notes folder
app-not-a-local-folder = not a local folder: { $error }
app-cannot-start-indexing = cannot start indexing: { $error }
app-link-not-web = only http(s) and mailto links open outside Pilgi
app-no-browser = cannot start the browser (xdg-open): { $error }
app-malformed-id = malformed section id
app-text-too-long = { $what } is longer than 64 KiB
app-not-lookup = not the lookup window

shortcut-manual = Pilgi holds no global shortcut on this desktop: bind `{ $command }` to a key in its keyboard settings.
shortcut-not-a-shortcut = “{ $text }” is not a shortcut: { $why } (write it like Ctrl+Shift+K).
shortcut-refused = could not register { $text }: { $why }.
shortcut-portal-stopped = the desktop portal stopped delivering the shortcut
shortcut-no-such-key = this keyboard has no such key
shortcut-taken = another program already uses it
shortcut-no-key = it names no key after the modifiers
shortcut-not-a-modifier = “{ $name }” is not a modifier
shortcut-not-a-key = “{ $key }” is not a key
shortcut-needs-modifier = it needs Ctrl, Alt or Super (or an F key): a plain key would be taken from all typing
shortcut-too-long = that shortcut is too long

portal-description = Show or hide Pilgi's quick lookup
portal-no-bus = no session bus ({ $error })
portal-declined = the shortcut was not confirmed in the desktop's dialog
portal-no-key = the desktop portal bound no key for it
portal-key-elsewhere = set in your desktop's keyboard settings
portal-unavailable = the desktop portal offers no global shortcuts here ({ $error })
app-no-such-language = no such interface language (ko, en, or none for the system's)
app-cannot-copy = could not copy: { $error }
app-not-a-folder = { $folder } is not a folder
app-not-a-token = not an activation token
lookup-window-title = Pilgi lookup
shortcut-portal-holds = your desktop holds the lookup shortcut: change it in its keyboard settings, or bind `{ $command }` to a key there.

# The pilgi-note:// scheme's answers (an image that cannot be shown).
image-bad-path = malformed path or one leaving the folder
image-outside = outside the notes folder
image-missing = no such file in the notes folder
image-too-large = image larger than 32 MiB
image-not-image = not an image
