// What the interface says, in one language: a Fluent bundle built from the
// UI's catalog (crates/i18n/locales/<lang>/ui.ftl, handed over by the Rust
// side), the Korean particle rule, and the prose formatters. No DOM and no
// IPC, so the tests import it under Node; i18n.js holds the page's one
// Localizer and puts it to work.
import { FluentBundle, FluentNumber, FluentResource } from './vendor/fluent/index.js';

/** How a word ends, as far as a particle cares (crates/i18n/src/particle.rs). */
const VOWEL = 0;
const CONSONANT = 1;
// ㄹ: a consonant, except before 로.
const RIEUL = 2;
// 로, the one form that follows ㄹ as it follows a vowel (파일로). Spelt as
// a code point: a Hangul literal in a UI module would read as
// untranslated text to the source check.
const RO = String.fromCodePoint(0xb85c);

/** The particle of `pair` (`을/를`: the form after a consonant, then the
 *  one after a vowel) that follows `word`: the Rust rule, ported as it is
 *  (both are tested against crates/i18n/tests/particles.tsv). */
export function particle(word, pair) {
  const cut = pair.indexOf('/');
  const [consonant, vowel] = cut < 0 ? [pair, pair] : [pair.slice(0, cut), pair.slice(cut + 1)];
  switch (ending(String(word))) {
    case CONSONANT: return consonant;
    case RIEUL: return vowel === RO ? vowel : consonant;
    default: return vowel;
  }
}

// Rust's `char::is_alphanumeric`: Alphabetic or Numeric (Nd, Nl, No).
const ALPHANUMERIC = /[\p{Alphabetic}\p{N}]/u;

/** How `word` sounds at its end: the last Hangul syllable's final
 *  consonant, a number read in Korean, a Latin word by its last letter
 *  (a letter or an acronym by the last letter's name);
 *  closing punctuation is looked through. */
function ending(word) {
  const chars = [...word];
  while (chars.length && !ALPHANUMERIC.test(chars[chars.length - 1])) chars.pop();
  const last = chars[chars.length - 1];
  if (last === undefined) return VOWEL;
  const code = last.codePointAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const final = (code - 0xac00) % 28;
    return final === 0 ? VOWEL : final === 8 ? RIEUL : CONSONANT;
  }
  if (last >= '0' && last <= '9') return number(chars);
  let letters = 0;
  while (letters < chars.length && /[A-Za-z]/.test(chars[chars.length - 1 - letters])) letters++;
  const run = chars.slice(chars.length - letters).join('');
  if (letters === 1 || (letters > 0 && run === run.toUpperCase())) {
    // A letter or an acronym is read letter by letter (K 케이, HTML …엘):
    // the last letter's name decides.
    const name = last.toUpperCase();
    if (name === 'L') return RIEUL;
    return name === 'M' || name === 'N' ? CONSONANT : VOWEL;
  }
  const letter = code < 0x80 ? last.toLowerCase() : last;
  if (letter === 'l') return RIEUL;
  return 'bcdgkmnpt'.includes(letter) ? CONSONANT : VOWEL;
}

/** A number's ending as read in Korean: its last non-zero digit (일 삼 육
 *  칠 팔 end in a consonant), or the unit its zeros make (십 백 천 만). */
function number(chars) {
  const digits = [];
  for (let i = chars.length - 1; i >= 0 && chars[i] >= '0' && chars[i] <= '9'; i--) digits.push(Number(chars[i]));
  let zeros = 0;
  while (zeros < digits.length && digits[zeros] === 0) zeros++;
  if (zeros === digits.length) return CONSONANT; // 영
  if (zeros > 0) return CONSONANT;
  if (digits[0] === 1 || digits[0] === 7 || digits[0] === 8) return RIEUL;
  return digits[0] === 3 || digits[0] === 6 ? CONSONANT : VOWEL;
}

/** The catalogs' `PARTICLE($value, "을/를")`: a number is read as its
 *  digits (not as the bundle would print it, `1,000`). */
function PARTICLE([value, pair]) {
  const word = value instanceof FluentNumber ? String(value.value) : String(value?.valueOf() ?? '');
  return particle(word, String(pair?.valueOf() ?? ''));
}

/** A count said without grouping (`1234 places`, as the end-to-end tests
 *  and the CLI read it), where a catalog would print `1,234`. */
export const ungrouped = (n) => new FluentNumber(n, { useGrouping: false });

/** The interface in one language: `t(id, args)` and the formatters. */
export class Localizer {
  /** `lang` is `'ko'` or `'en'`, `source` that language's ui.ftl; `errors`
   *  lists what the catalog got wrong (duplicate ids). */
  constructor(lang, source) {
    this.lang = lang;
    this.bundle = new FluentBundle(lang, { useIsolating: false, functions: { PARTICLE } });
    this.errors = this.bundle.addResource(new FluentResource(source));
  }

  /** The message `id` as `{ value, attributes }` (strings; value null when
   *  the message has none), or null when the catalog lacks it. `errors`,
   *  if given, collects what went wrong in formatting. */
  message(id, args, errors = []) {
    const message = this.bundle.getMessage(id);
    if (!message) return null;
    const value = message.value ? this.bundle.formatPattern(message.value, args, errors) : null;
    const attributes = {};
    for (const [name, pattern] of Object.entries(message.attributes)) {
      attributes[name] = this.bundle.formatPattern(pattern, args, errors);
    }
    return { value, attributes };
  }

  /** The text of message `id`; a missing id (or one without a value) is
   *  said as the id itself, so a gap shows instead of a blank. */
  t(id, args) {
    return this.message(id, args)?.value ?? id;
  }

  /** A duration in prose: `2 h 56 min` / `2시간 56분` (a list's column
   *  keeps `2:56:07`, dom.js's formatDuration). */
  duration(seconds) {
    const total = Math.max(0, Math.round(seconds));
    const hours = Math.floor(total / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    if (hours && minutes) return this.t('duration-hours-minutes', { hours, minutes });
    if (hours) return this.t('duration-hours', { hours });
    if (minutes) return this.t('duration-minutes', { minutes });
    return this.t('duration-seconds', { seconds: total });
  }

  /** A date or time in prose, in the language's own order
   *  (`Intl.DateTimeFormat` options). */
  date(value, options) {
    return new Intl.DateTimeFormat(this.lang, options).format(new Date(value));
  }
}
