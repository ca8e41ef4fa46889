// The interface's words (ui/js/l10n.js and the catalogs
// crates/i18n/locales/{en,ko}/ui.ftl): the Korean particle rule against the
// table the Rust rule is tested with, both catalogs whole and alike, every
// id the UI uses present, and a few messages said in both languages.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { Localizer, particle, ungrouped } from '../js/l10n.js';
import { FluentResource } from '../js/vendor/fluent/index.js';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const LANGS = ['en', 'ko'];
const source = Object.fromEntries(LANGS.map((lang) => [lang, read(`crates/i18n/locales/${lang}/ui.ftl`)]));
const ui = Object.fromEntries(LANGS.map((lang) => [lang, new Localizer(lang, source[lang])]));

/** The message ids a catalog's text defines (what a parser must find). */
const written = (ftl) => [...ftl.matchAll(/^([a-zA-Z][\w-]*) *=/gm)].map((m) => m[1]);

test('the particle follows the Rust rule, row for row (crates/i18n/tests/particles.tsv)', () => {
  const rows = read('crates/i18n/tests/particles.tsv').split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.split('\t'));
  assert.ok(rows.length > 20, 'the table has its rows');
  const wrong = rows.filter(([word, pair, expected]) => particle(word, pair) !== expected)
    .map(([word, pair, expected]) => `${word} ${pair}: ${particle(word, pair)}, the table says ${expected}`);
  assert.deepEqual(wrong, []);
});

test('both catalogs parse whole: no entry dropped, no id twice, none empty', () => {
  for (const lang of LANGS) {
    const ids = written(source[lang]);
    const parsed = new FluentResource(source[lang]).body.map((entry) => entry.id);
    // The runtime's parser skips what it cannot read: a dropped entry is a
    // syntax error.
    assert.deepEqual(parsed, ids, `${lang}/ui.ftl: every entry parses`);
    assert.deepEqual(ui[lang].errors, [], `${lang}/ui.ftl: no id twice`);
    assert.ok(ids.length > 100, `${lang}/ui.ftl has its messages`);
  }
});

test('the two catalogs have the same ids and the same attributes', () => {
  const shape = (lang) => new Map(written(source[lang]).map((id) => {
    const message = ui[lang].bundle.getMessage(id);
    return [id, [Boolean(message.value), ...Object.keys(message.attributes).sort()].join(' ')];
  }));
  const [en, ko] = LANGS.map(shape);
  assert.deepEqual([...en.keys()].filter((id) => !ko.has(id)), [], 'in en/ui.ftl, not in ko/ui.ftl');
  assert.deepEqual([...ko.keys()].filter((id) => !en.has(id)), [], 'in ko/ui.ftl, not in en/ui.ftl');
  for (const [id, parts] of en) assert.equal(ko.get(id), parts, `${id}: the same value and attributes`);
});

test('every message is said without an error, given its placeholders', () => {
  for (const lang of LANGS) {
    for (const id of written(source[lang])) {
      const start = source[lang].search(new RegExp(`^${id} *=`, 'm'));
      const next = source[lang].slice(start).search(/\n[a-zA-Z#]/);
      const text = source[lang].slice(start, next < 0 ? undefined : start + next);
      const names = [...new Set([...text.matchAll(/\$([a-zA-Z][\w-]*)/g)].map((m) => m[1]))];
      for (const value of [1, 'pod']) {
        const errors = [];
        const said = ui[lang].message(id, Object.fromEntries(names.map((name) => [name, value])), errors);
        assert.deepEqual(errors.map(String), [], `${lang} ${id}`);
        assert.ok([said.value, ...Object.values(said.attributes)].every((s) => s === null || s.trim()), `${lang} ${id}`);
      }
    }
  }
});

/** The ids the UI's sources use: `t('…')`, `withKeys('…')` and `keyHints('…')` in
 *  ui/js/*.js, `data-l10n="…"` in ui/*.html. */
function usedIds() {
  const used = new Map();
  const scan = (dir, pattern) => {
    for (const name of readdirSync(new URL(dir, root))) {
      if (!/\.(js|html|rs)$/.test(name)) continue;
      for (const m of read(`${dir}${name}`).matchAll(pattern)) used.set(m[1] ?? m[2], `${dir}${name}`);
    }
  };
  scan('ui/js/', /\b(?:t|withKeys|keyHints)\(\s*'([^']+)'/g);
  scan('ui/', /\bdata-l10n="([^"]+)"/g);
  // The renderer's marked words: `data-l10n=\"note-…\"` and its copy buttons' ids.
  scan('crates/core/src/render/', /data-l10n=\\"(note-[a-z-]+)\\"|=> "(note-copy-[a-z]+)"/g);
  return used;
}

test('every id the UI uses is in both catalogs', () => {
  const used = usedIds();
  assert.ok(used.size > 100, `found the UI's ids (${used.size})`);
  for (const lang of LANGS) {
    const missing = [...used].filter(([id]) => !ui[lang].bundle.hasMessage(id)).map(([id, file]) => `${file}: ${id}`);
    assert.deepEqual(missing, [], `missing from ${lang}/ui.ftl`);
  }
});

test('every message in the catalogs is used', () => {
  const used = usedIds();
  assert.deepEqual(written(source.en).filter((id) => !used.has(id)), []);
});

test('the HTML elements with text of their own are marked for filling', () => {
  for (const page of ['ui/index.html', 'ui/lookup.html']) {
    const body = read(page).replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)[\s\S]*?<\/\1>/g, '');
    const text = body.replace(/<[^>]*>/g, ' ').trim();
    assert.equal(text, '', `${page} holds no text of its own`);
    for (const attribute of ['placeholder', 'title', 'aria-label']) {
      assert.ok(!new RegExp(`\\s${attribute}="`).test(body), `${page}: ${attribute} comes from the catalog`);
    }
  }
});

test('plurals and counters', () => {
  assert.equal(ui.en.t('status-sections', { count: 1 }), '1 section');
  assert.equal(ui.en.t('status-sections', { count: 1234 }), '1,234 sections');
  assert.equal(ui.ko.t('status-sections', { count: 1234 }), '섹션 1,234개');
  assert.equal(ui.en.t('search-count', { count: 0 }), 'No results');
  assert.equal(ui.en.t('search-count', { count: 1 }), '1 result');
  assert.equal(ui.en.t('search-count', { count: 20 }), '20 results');
  assert.equal(ui.ko.t('search-count', { count: 0 }), '결과 없음');
  assert.equal(ui.ko.t('search-count', { count: 20 }), '결과 20개');
  assert.equal(ui.en.t('reader-backlinks', { count: 1 }), 'Linked from 1 place');
  assert.equal(ui.en.t('cards-summary', { offered: 3, made: 0 }), 'Cards from this section: 3 offered');
  assert.equal(ui.en.t('cards-summary', { offered: 3, made: 1 }), 'Cards from this section: 3 offered, 1 made');
  assert.equal(ui.ko.t('cards-summary', { offered: 3, made: 1 }), '이 섹션의 카드: 3개 제안, 1개 만듦');
});

test('the counts the end-to-end tests read keep their English form', () => {
  assert.equal(ui.en.t('search-partial', { indexed: 9000, total: 20000 }), 'Still indexing: searched 9,000 of 20,000 sections');
  assert.equal(ui.en.t('commands-places', { count: ungrouped(5000) }), '5000 places');
  assert.ok(ui.en.t('commands-more', { count: ungrouped(4900) }).includes('and 4900 more'));
  assert.equal(ui.en.t('settings-shortcut-kept', { shortcut: 'Ctrl+Shift+K' }), 'Ctrl+Shift+K still works.');
  assert.equal(ui.en.t('bookmark-on'), '★ Bookmarked');
  assert.equal(ui.en.t('status-copied', { text: 'k get po' }), 'Copied: k get po');
  assert.equal(ui.en.t('app-title'), 'Pilgi — 필기');
});

test('a particle after a placeholder follows its value', () => {
  assert.equal(ui.ko.t('study-bookmarked', { label: '헷갈림' }), '헷갈림으로 북마크함');
  assert.equal(ui.ko.t('study-bookmarked', { label: '파일' }), '파일로 북마크함');
  assert.equal(ui.ko.t('study-bookmarked', { label: '노트' }), '노트로 북마크함');
  assert.equal(ui.ko.t('search-interpretation', { terms: 'pod' }), 'pod으로 찾은 결과');
  assert.equal(ui.ko.t('search-interpretation', { terms: '파드' }), '파드로 찾은 결과');
  assert.equal(ui.ko.t('bookmarks-set-aside', { file: 'bookmarks.json.bad-3' }), '(손상된 파일은 bookmarks.json.bad-3으로 보관했습니다)');
});

test('a number is read for its particle as digits, not as printed', () => {
  assert.equal(ui.ko.t('study-bookmarked', { label: 1000 }), '1,000으로 북마크함', '천으로');
  assert.equal(ui.ko.t('study-bookmarked', { label: 7 }), '7로 북마크함', '칠로');
});

test('durations and dates in prose, in each language', () => {
  assert.equal(ui.en.duration(10567), '2 h 56 min');
  assert.equal(ui.ko.duration(10567), '2시간 56분');
  assert.equal(ui.en.duration(7200), '2 h');
  assert.equal(ui.ko.duration(528), '8분');
  assert.equal(ui.ko.duration(42), '42초');
  assert.equal(ui.en.t('timeline-total', { duration: ui.en.duration(10567) }), '2 h 56 min in all');
  assert.equal(ui.ko.t('timeline-total', { duration: ui.ko.duration(10567) }), '총 2시간 56분');
  const at = new Date(2026, 11, 3, 9, 5);
  const options = { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  assert.equal(ui.ko.date(at, options), '12월 3일 09:05');
  assert.equal(ui.en.date(at, options), 'Dec 3, 09:05');
});

test('a missing id is said as itself', () => {
  assert.equal(ui.en.t('no-such-message'), 'no-such-message');
  assert.equal(new Localizer('ko', '').t('tab-review'), 'tab-review');
});
