// The measures the benchmarks read (scripts/bench-desktop, tests/e2e/bench.rs):
// `pilgi:*` entries on the page's performance timeline, named here only.

/** Measures `pilgi:<name>` from `start` (a `performance.now()`) to now. */
export function measure(name, start) {
  performance.measure(`pilgi:${name}`, { start });
}

/** Measures `pilgi:<name>` from `start` to the task after the next frame:
 *  when what was just drawn is on screen. */
export function measurePainted(name, start) {
  afterPaint(() => measure(name, start));
}

/** Marks `pilgi:<name>` once what was just drawn is on screen. */
export function markPainted(name) {
  afterPaint(() => performance.mark(`pilgi:${name}`));
}

function afterPaint(then) {
  requestAnimationFrame(() => setTimeout(then));
}

/** Runs `work` (maybe async) and measures it as `pilgi:<name>`. */
export async function measured(name, work) {
  const start = performance.now();
  const done = await work();
  measure(name, start);
  return done;
}
