// Shared helpers for the Letter Archive pages. Text from letters, file names and server messages is only
// ever set as textContent or attribute values; the only server HTML (search snippets) is rebuilt as DOM nodes.

export const $ = (sel, root = document) => root.querySelector(sel);

/** Builds an element: attrs are attributes, except `text` (textContent) and `on*` functions (listeners). */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (v === true) e.setAttribute(k, '');
    else e.setAttribute(k, String(v));
  }
  for (const c of children.flat()) if (c != null && c !== false) e.append(c);
  return e;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'", '#x2F': '/', nbsp: '\u00a0' };

/** Decodes the few entities an HTML-escaped snippet carries, without ever parsing it as HTML. */
export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[name] ?? m;
  });
}

/**
 * A snippet from the server: escaped text with <mark> around matches. Split on the literal mark tags and
 * append each piece as a text node, so no other markup can come to life.
 */
export function snippetNode(html) {
  const p = el('p', { class: 'snippet' });
  let marked = false;
  for (const part of String(html).split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') { marked = true; continue; }
    if (part === '</mark>') { marked = false; continue; }
    if (!part) continue;
    const text = decodeEntities(part);
    p.append(marked ? el('mark', { text }) : document.createTextNode(text));
  }
  return p;
}

/** Fetches JSON; answers {ok, status, body} and never throws for HTTP errors. */
export async function getJson(url, options) {
  let res;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' }, ...options });
  } catch (e) {
    return { ok: false, status: 0, body: { error: 'The archive could not be reached. Check the connection and try again.' } };
  }
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok && (!body || typeof body.error !== 'string')) body = { status: res.status, error: `The archive answered ${res.status}.` };
  return { ok: res.ok, status: res.status, body };
}

const TOKEN_KEY = 'letterArchive.token';
const SEARCH_KEY = 'letterArchive.lastSearch';

/** The last search page address of this tab, so a letter can lead back to it with every filter. */
export const lastSearch = {
  get: () => { try { return sessionStorage.getItem(SEARCH_KEY) || ''; } catch (e) { return ''; } },
  set: (url) => { try { sessionStorage.setItem(SEARCH_KEY, url); } catch (e) { /* storage off */ } },
};

/** The upload/curation token, kept for this browser session only. */
export const token = {
  get: () => { try { return sessionStorage.getItem(TOKEN_KEY) || ''; } catch (e) { return ''; } },
  set: (t) => { try { if (t) sessionStorage.setItem(TOKEN_KEY, t); else sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* storage off */ } },
};

export const FORMAT_LABELS = {
  'application/pdf': 'PDF', 'text/html': 'HTML', 'application/xhtml+xml': 'HTML', 'text/markdown': 'Markdown',
  'text/x-web-markdown': 'Markdown', 'text/plain': 'Plain text', 'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word', 'application/rtf': 'RTF',
  'application/vnd.oasis.opendocument.text': 'OpenDocument', 'message/rfc822': 'E-mail',
};
export const LANGUAGE_LABELS = { en: 'English', es: 'Spanish', fr: 'French', pt: 'Portuguese', de: 'German', it: 'Italian' };

export function formatLabel(f) { return f ? (FORMAT_LABELS[f] || f) : ''; }
export function languageLabel(l) { return l ? (LANGUAGE_LABELS[l] || l) : ''; }

/** A date as stored (YYYY-MM-DD) in words, e.g. "14 September 2018"; undated letters say so. */
export function dateLabel(d) {
  if (!d) return 'Undated';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return d;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${Number(m[3])} ${months[Number(m[2]) - 1] || m[2]} ${m[1]}`;
}

export function plural(n, one, many = one + 's') {
  return `${Number(n).toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** Terms of a query in the archive's syntax, for highlighting: words and phrases, minus operators and fields. */
export function queryTerms(q) {
  const terms = [];
  if (!q) return terms;
  const re = /(-|!|\+)?(?:[A-Za-z]+:)?(?:"([^"]*)"|([^\s()"]+))/g;
  let m;
  while ((m = re.exec(q))) {
    if (m[1] === '-' || m[1] === '!') continue;
    if (m[2] != null) { if (m[2].trim()) terms.push({ text: m[2].trim(), prefix: false }); continue; }
    let w = m[3].replace(/\^[\d.]+$/, '').replace(/~[\d.]*$/, '');
    if (/^(AND|OR|NOT|TO)$/.test(w) || /^[[\]{}]/.test(w)) continue;
    const prefix = w.endsWith('*');
    w = w.replace(/[*?]+$/, '').replace(/[\\:^~*?{}[\]]/g, '');
    if (w.length >= 2 || (w.length === 1 && /\p{L}/u.test(w) && !prefix)) terms.push({ text: w, prefix });
  }
  return terms;
}

/** Lower-cases and strips accents one character at a time, so offsets in the result match the input. */
export function fold(text) {
  let out = '';
  for (const ch of text) {
    let f = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    if (f.length !== ch.length) f = f.length > ch.length ? f.slice(0, ch.length) : f.padEnd(ch.length, ' ');
    out += f;
  }
  return out;
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Appends text to parent with the query's terms wrapped in <mark>, as text nodes only. */
export function appendHighlighted(parent, text, terms) {
  if (!terms.length || !text) { parent.append(document.createTextNode(text || '')); return 0; }
  const alts = terms.map((t) => {
    const words = fold(t.text).split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(escapeRe);
    if (!words.length) return null;
    return words.join('[^\\p{L}\\p{N}]+') + (t.prefix ? '[\\p{L}\\p{N}]*' : '');
  }).filter(Boolean);
  if (!alts.length) { parent.append(document.createTextNode(text)); return 0; }
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const folded = fold(text);
  let last = 0, count = 0, m;
  while ((m = re.exec(folded))) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    if (m.index > last) parent.append(document.createTextNode(text.slice(last, m.index)));
    parent.append(el('mark', { text: text.slice(m.index, m.index + m[0].length) }));
    last = m.index + m[0].length;
    count++;
  }
  if (last < text.length) parent.append(document.createTextNode(text.slice(last)));
  return count;
}
