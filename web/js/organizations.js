// The organizations browser: every organization of the archive, by name, acronym or first letter, sorted by
// letters, name or latest letter, 50 a page.
import { $, el, getJson, dateLabel, plural } from './dom.js';

const SIZE = 50;

function params() { return new URLSearchParams(location.search); }

function go(mutate) {
  const p = params();
  mutate(p);
  history.pushState(null, '', '?' + p.toString());
  render();
}

async function render() {
  const p = params();
  const prefix = p.get('prefix') || '';
  const sort = p.get('sort') || 'letters';
  const page = Math.max(1, Number(p.get('page') || 1));
  $('#orgs-prefix').value = prefix;
  $('#orgs-sort').value = sort;
  renderAz(prefix);
  const q = new URLSearchParams({ sort, page: String(page), size: String(SIZE) });
  if (prefix) q.set('prefix', prefix);
  const { ok, body } = await getJson('/api/organizations?' + q.toString());
  if (!ok) { $('#error').hidden = false; $('#error').textContent = body.error; return; }
  $('#error').hidden = true;
  $('#orgs-count').textContent = `${plural(body.matching, 'organization')}${prefix ? ` matching “${prefix}”` : ''}`;
  $('#org-list tbody').replaceChildren(...body.organizations.map((o) => el('tr', {},
    el('th', { scope: 'row' }, el('a', { href: '/organization.html?key=' + encodeURIComponent(o.key), class: 'org-link', text: o.label })),
    el('td', { class: 'muted', text: [...o.acronyms, ...o.aliases.filter((a) => !o.acronyms.some((x) => x.toLowerCase() === a))].join(', ') }),
    el('td', { class: 'num', text: String(o.letters) }),
    el('td', { text: o.firstDate ? dateLabel(o.firstDate) : '—' }),
    el('td', { text: o.lastDate ? dateLabel(o.lastDate) : '—' }))));
  if (!body.organizations.length) $('#org-list tbody').append(el('tr', {}, el('td', { colspan: '5', text: 'No organization matches.' })));
  const pages = Math.max(1, Math.ceil(body.matching / SIZE));
  const pager = $('#orgs-pager');
  pager.replaceChildren(
    page > 1 ? el('a', { href: '#', text: '← Previous', onclick: (e) => { e.preventDefault(); go((x) => x.set('page', String(page - 1))); } }) : null,
    el('span', { text: ` Page ${page} of ${pages} ` }),
    page < pages ? el('a', { href: '#', id: 'orgs-next', text: 'Next →', onclick: (e) => { e.preventDefault(); go((x) => x.set('page', String(page + 1))); } }) : null);
}

function renderAz(prefix) {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
  $('#az').replaceChildren(el('a', { href: '?', 'aria-current': prefix ? null : 'true', text: 'All',
    onclick: (e) => { e.preventDefault(); go((p) => { p.delete('prefix'); p.delete('page'); p.set('sort', 'name'); }); } }),
  ...letters.map((l) => el('a', { href: `?prefix=${l}&sort=name`, 'aria-current': prefix.toUpperCase() === l ? 'true' : null, text: l,
    onclick: (e) => { e.preventDefault(); go((p) => { p.set('prefix', l); p.set('sort', 'name'); p.delete('page'); }); } })));
}

let timer = null;
$('#orgs-prefix').addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => go((p) => { const v = $('#orgs-prefix').value.trim(); if (v) p.set('prefix', v); else p.delete('prefix'); p.delete('page'); }), 250);
});
$('#orgs-sort').addEventListener('change', () => go((p) => { p.set('sort', $('#orgs-sort').value); p.delete('page'); }));
$('#orgs-form').addEventListener('submit', (e) => e.preventDefault());
window.addEventListener('popstate', render);
render();
