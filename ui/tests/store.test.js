// The UI's shared state (ui/js/store.js).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STATE, get, set, subscribe } from '../js/store.js';

test('subscribers hear each change once, and only changes', () => {
  const heard = [];
  subscribe(STATE.QUERY, (q) => heard.push(q));
  assert.equal(get(STATE.QUERY), '');
  set(STATE.QUERY, 'pods');
  set(STATE.QUERY, 'pods');
  set(STATE.QUERY, '파드');
  assert.deepEqual(heard, ['pods', '파드']);
  assert.equal(get(STATE.QUERY), '파드');
});

test('a misspelt name throws instead of going unheard', () => {
  assert.throws(() => get('querry'), /no such state/);
  assert.throws(() => set('bookmark', new Map()), /no such state/);
  assert.throws(() => subscribe('opened', () => {}), /no such state/);
});
