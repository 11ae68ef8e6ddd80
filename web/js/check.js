// "Check a list": a pasted list or a file of names, sent to POST /api/batch; the answer as a table, and as CSV.
import { $, el, getJson, plural } from './dom.js';

const LABELS = { exact: 'Exact', acronym: 'Acronym', alias: 'Alias', fuzzy: 'Near spelling', none: 'Not found' };
let lastCsv = null;

async function check(e) {
  e.preventDefault();
  const file = $('#names-file').files[0];
  const text = $('#names').value;
  if (!file && !text.trim()) { $('#check-status').textContent = 'Paste some names or choose a file first.'; $('#names').focus(); return; }
  let options;
  if (file) {
    const form = new FormData();
    form.append('file', file);
    options = { method: 'POST', body: form };
  } else {
    options = { method: 'POST', body: text, headers: { 'Content-Type': 'text/plain; charset=utf-8', Accept: 'application/json' } };
  }
  $('#check-status').textContent = 'Checking…';
  $('#check-button').disabled = true;
  const { ok, body } = await getJson('/api/batch', options);
  $('#check-button').disabled = false;
  if (!ok) { $('#check-status').textContent = ''; $('#error').hidden = false; $('#error').textContent = body.error; return; }
  $('#error').hidden = true;
  show(body);
  const csv = await fetch('/api/batch?format=csv', options.headers ? { ...options, headers: { ...options.headers, Accept: 'text/csv' } } : options);
  if (csv.ok) {
    if (lastCsv) URL.revokeObjectURL(lastCsv);
    lastCsv = URL.createObjectURL(await csv.blob());
    const box = $('#check-download');
    box.hidden = false;
    box.replaceChildren(el('a', { href: lastCsv, download: 'organizations-checked.csv', id: 'check-csv', text: 'Download the table as CSV (one row per name)' }));
  }
}

function show(body) {
  const s = body.byStatus || {};
  $('#check-status').textContent = `${plural(body.found, 'name')} of ${body.names} found: ${s.exact || 0} exact, ${s.acronym || 0} by acronym, `
    + `${s.alias || 0} by alias, ${s.fuzzy || 0} by near spelling; ${s.none || 0} not found.`;
  const rows = body.results.map((r) => {
    const m = r.matches[0];
    const org = m ? el('a', { href: '/organization.html?key=' + encodeURIComponent(m.key), class: 'org-link', text: m.label }) : null;
    const why = m ? `${m.reason}${m.match === 'fuzzy' ? ` (score ${m.score})` : ''}`
      : r.closest.length ? 'Closest: ' + r.closest.slice(0, 3).map((c) => `${c.label} (${c.score})`).join('; ') : 'No similar name in the archive.';
    return el('tr', { class: `status-${r.status}` },
      el('td', { class: 'num', text: String(r.row) }),
      el('th', { scope: 'row', text: r.input }),
      el('td', {}, el('span', { class: `badge-status ${r.status}`, text: LABELS[r.status] || r.status })),
      el('td', {}, org || '—', r.matches.length > 1 ? el('span', { class: 'muted', text: ` and ${r.matches.length - 1} more` }) : null),
      el('td', { class: 'num', text: m ? String(m.letters) : '0' }),
      el('td', { class: 'why', text: why }));
  });
  $('#check-results tbody').replaceChildren(...rows);
  $('#check-results').hidden = false;
}

$('#check-form').addEventListener('submit', check);
// a list given in the address (?names=…, one a line) is checked at once, so a checked list can be linked to
const given = new URLSearchParams(location.search).get('names');
if (given) { $('#names').value = given; $('#check-form').requestSubmit(); }
