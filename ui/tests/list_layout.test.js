// The virtual lists' arithmetic (ui/js/list_layout.js), under Node's own
// test runner: `node --test ui/tests/*.test.js`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Layout } from '../js/list_layout.js';

test('rows sit one after another', () => {
  const l = new Layout([10, 20, 30]);
  assert.equal(l.count, 3);
  assert.equal(l.total, 60);
  assert.deepEqual([0, 1, 2].map((i) => l.top(i)), [0, 10, 30]);
  assert.deepEqual([0, 1, 2].map((i) => l.height(i)), [10, 20, 30]);
});

test('the row at a height, including the edges and outside the list', () => {
  const l = new Layout([10, 20, 30]);
  assert.deepEqual([-5, 0, 9.9, 10, 29, 30, 59, 60, 1e9].map((y) => l.indexAt(y)),
    [0, 0, 0, 1, 1, 2, 2, 2, 2]);
  assert.equal(new Layout([]).indexAt(5), 0);
});

test('the window covers the view and its margins, never past the ends', () => {
  const l = new Layout(Array(1000).fill(20));
  assert.deepEqual(l.range(0, 100, 0), [0, 6]);
  assert.deepEqual(l.range(1000, 100, 40), [48, 58]);
  assert.deepEqual(l.range(19_900, 100, 200), [985, 1000]);
  assert.deepEqual(l.range(0, 0, 200), [0, 0], 'a hidden list draws nothing');
  assert.deepEqual(new Layout([]).range(0, 100, 100), [0, 0]);
});

test('100k rows of mixed heights: every row is found where it is', () => {
  const heights = Array.from({ length: 100_000 }, (_, i) => 22 + (i * 7919) % 80);
  const l = new Layout(heights);
  let top = 0;
  for (let i = 0; i < heights.length; i += 997) {
    top = heights.slice(0, i).reduce((a, b) => a + b, 0);
    assert.equal(l.top(i), top);
    assert.equal(l.indexAt(top), i);
    assert.equal(l.indexAt(top + heights[i] - 0.5), i);
  }
  const [start, end] = l.range(l.top(50_000), 600, 300);
  assert.ok(start <= 50_000 && end > 50_000 && end - start < 60, `${start}..${end}`);
});

test('scrolling to a row moves as little as needed', () => {
  const l = new Layout(Array(100).fill(20));
  assert.equal(l.scrollFor(10, 0, 100), 120, 'below: its bottom at the bottom');
  assert.equal(l.scrollFor(10, 500, 100), 200, 'above: its top at the top');
  assert.equal(l.scrollFor(10, 150, 100), null, 'in view: stay');
  assert.equal(l.scrollFor(0, 0, 10), null, 'taller than the view, its top shown');
  assert.equal(l.scrollFor(5, 0, 10), 100);
});
