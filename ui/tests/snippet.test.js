// Whether a kept row's snippet must be redrawn (ui/js/snippet.js).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sameSnippet } from '../js/snippet.js';

test('snippets are the same only span for span', () => {
  const a = [{ text: '보통 ' }, { text: 'pod', marked: true }];
  assert.ok(sameSnippet(a, [{ text: '보통 ' }, { text: 'pod', marked: true }]));
  assert.ok(sameSnippet([{ text: 'x', marked: false }], [{ text: 'x' }]));
  assert.ok(!sameSnippet(a, [{ text: '보통 ' }, { text: 'pod' }]));
  assert.ok(!sameSnippet(a, [{ text: '보통 ' }, { text: 'pods', marked: true }]));
  assert.ok(!sameSnippet(a, a.slice(0, 1)));
});
