// The review queue: letters where the analysis is unsure, with its doubts, newest or least confident first;
// each leads to its letter page (where the curation form corrects it) or is marked reviewed here.
import { $, el, getJson, token, dateLabel, plural } from './dom.js';

const SIZE = 25;

function params() { return new URLSearchParams(location.search); }

function go(mutate) {
  const p = params();
  mutate(p);
  history.pushState(null, '', '?' + p.toString());
  render();
}

/** A confidence as a percentage, e.g. 0.43 → "43%". */
export function percent(c) { return c == null ? '—' : `${Math.round(c * 100)}%`; }

async function render() {
  const p = params();
  const sort = p.get('sort') === 'confidence' ? 'confidence' : 'newest';
  const page = Math.max(1, Number(p.get('page') || 1));
  $('#review-sort').value = sort;
  const { ok, body } = await getJson(`/api/review?sort=${sort}&page=${page}&size=${SIZE}`);
  if (!ok) { $('#error').hidden = false; $('#error').textContent = body.error; return; }
  $('#error').hidden = true;
  $('#review-count').textContent = body.total
    ? `${plural(body.total, 'letter')} ${body.total === 1 ? 'needs' : 'need'} review`
    : 'No letter needs review.';
  const rows = body.letters.map(row);
  if (!rows.length) rows.push(el('tr', {}, el('td', { colspan: '6', class: 'muted', text: 'Every letter has been reviewed.' })));
  $('#review-list tbody').replaceChildren(...rows);
  const pages = Math.max(1, Math.ceil(body.total / SIZE));
  $('#review-pager').replaceChildren(
    page > 1 ? el('a', { href: '#', text: '← Previous', onclick: (e) => { e.preventDefault(); go((x) => x.set('page', String(page - 1))); } }) : null,
    pages > 1 ? el('span', { text: ` Page ${page} of ${pages} ` }) : null,
    page < pages ? el('a', { href: '#', id: 'review-next', text: 'Next →', onclick: (e) => { e.preventDefault(); go((x) => x.set('page', String(page + 1))); } }) : null);
}

function row(l) {
  const title = l.title && l.title.trim() ? l.title.trim() : '(untitled letter)';
  const least = l.confidence ? l.confidence.least : null;
  const button = el('button', { type: 'button', class: 'secondary small mark-reviewed', 'data-id': l.id, text: 'Mark reviewed',
    'aria-label': `Mark “${title.length > 60 ? title.slice(0, 59) + '…' : title}” reviewed`, onclick: () => markReviewed(l.id, button) });
  return el('tr', { 'data-id': l.id },
    el('th', { scope: 'row' }, el('a', { href: '/letter.html?id=' + encodeURIComponent(l.id), class: 'review-link', text: title })),
    el('td', { class: 'nowrap', text: l.date ? dateLabel(l.date) : 'Undated' }),
    el('td', {}, el('ul', { class: 'doubts' }, (l.doubts || []).map((d) => el('li', { text: d })))),
    el('td', { class: 'num' }, el('span', { class: 'confidence' + (least != null && least < 0.6 ? ' low' : ''), text: percent(least) })),
    el('td', { class: 'num', text: String(l.signerCount ?? 0) }),
    el('td', {}, button));
}

async function markReviewed(id, button) {
  const typed = $('#review-token-input').value.trim();
  if (typed) token.set(typed);
  const t = token.get();
  if (!t) {
    $('#review-token').hidden = false;
    $('#error').hidden = false;
    $('#error').textContent = 'Enter your curator token, then press “Mark reviewed” again.';
    $('#review-token-input').focus();
    return;
  }
  button.disabled = true;
  const { ok, status, body } = await getJson('/api/letters/' + encodeURIComponent(id) + '/reviewed', {
    method: 'POST', headers: { Accept: 'application/json', Authorization: 'Bearer ' + t },
  });
  button.disabled = false;
  if (!ok) {
    if (status === 401 || status === 403) { token.set(''); $('#review-token').hidden = false; $('#review-token-input').value = ''; }
    $('#error').hidden = false;
    $('#error').textContent = status === 401 || status === 403 ? 'The token was not accepted. Enter a valid curator token.' : `Not marked reviewed: ${body.error}`;
    return;
  }
  await render();
  $('#review-count').focus();
}

$('#review-sort').addEventListener('change', () => go((p) => { p.set('sort', $('#review-sort').value); p.delete('page'); }));
$('#review-form').addEventListener('submit', (e) => e.preventDefault());
window.addEventListener('popstate', render);
render();
