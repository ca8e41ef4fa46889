// The only module that talks to the Rust side. One function per command;
// errors come back normalized as { kind, message }.

const tauri = window.__TAURI__;

async function call(command, args) {
  try {
    return await tauri.core.invoke(command, args);
  } catch (e) {
    throw typeof e === 'object' && e && e.kind ? e : { kind: 'error', message: String(e) };
  }
}

export const getTimeline = () => call('get_timeline');
export const getSection = (id) => call('get_section', { id });

/** Subscribes to a backend event; returns the unsubscribe function. */
export const on = (event, handler) => tauri.event.listen(event, (e) => handler(e.payload));
