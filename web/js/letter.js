// The letter page: metadata, signers, the full text with the search's terms marked, the original file,
// the letter's family (versions with their signer and paragraph diff, translations, campaign copies),
// letters signed by the same organizations, and the curation form.
import { $, el, getJson, token, lastSearch, queryTerms, appendHighlighted, dateLabel, plural, formatLabel, languageLabel } from './dom.js';

const page = new URLSearchParams(location.search);
const id = page.get('id') || '';
const q = page.get('q') || '';
let letter = null;

async function load() {
  const previous = lastSearch.get();
  if (previous && previous.startsWith('/') && !previous.startsWith('//')) $('#back-link').href = previous;
  else if (q) $('#back-link').href = '/?q=' + encodeURIComponent(q);
  if (!/^[0-9a-f]{16,128}$/i.test(id)) return fail('This address does not name a letter.');
  const { ok, body } = await getJson('/api/letters/' + encodeURIComponent(id) + (q ? '?q=' + encodeURIComponent(q) : ''));
  if (!ok) return fail(body.error);
  letter = body;
  show();
  family();
  related();
}

function fail(message) {
  $('#letter').removeAttribute('aria-busy');
  const box = $('#error');
  box.hidden = false;
  box.replaceChildren(el('h1', { text: 'Letter not available' }), el('p', { text: message || 'The letter could not be loaded.' }));
}

function show() {
  const l = letter;
  const title = l.title && l.title.trim() ? l.title.trim() : '(untitled letter)';
  document.title = `${title.length > 80 ? title.slice(0, 79) + '…' : title} — Letter Archive`;
  const recipients = (l.recipients || []).filter((r) => r && (r.name || r.role));
  const signers = (l.signers || []).filter((s) => s && s.name);
  const article = $('#letter');
  article.removeAttribute('aria-busy');

  const head = el('header', { class: 'letter-head' }, el('h1', { id: 'letter-title', text: title }));
  const unsureTitle = unsureTag(l.title ? confidenceOf('title') : null, 'title');
  if (unsureTitle) head.append(el('p', { class: 'unsure-title', id: 'unsure-title' }, 'Title', unsureTitle));
  if (l.reviewed && !l.corrected) {
    const c = l.corrections || {};
    const when = c.editedAt ? new Date(c.editedAt) : null;
    const whenText = when && !isNaN(when) ? when.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '';
    head.append(el('p', { class: 'badge', id: 'reviewed-badge' },
      el('span', { text: ['Reviewed', c.editedBy ? `by ${c.editedBy}` : null, whenText ? `on ${whenText}` : null].filter(Boolean).join(' ') })));
  }
  if (l.corrected) {
    const c = l.corrections || {};
    const when = c.editedAt ? new Date(c.editedAt) : null;
    const whenText = when && !isNaN(when) ? when.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '';
    const fields = ['title', 'date', 'recipients', 'signers'].filter((f) => c[f] != null);
    const parts = ['Corrected by hand', c.editedBy ? `by ${c.editedBy}` : null, whenText ? `on ${whenText}` : null].filter(Boolean);
    head.append(el('p', { class: 'badge', id: 'corrected-badge' },
      el('span', { text: parts.join(' ') }),
      fields.length ? el('span', { class: 'badge-fields', text: ` (${fields.join(', ')})` }) : null));
  }

  const meta = el('dl', { class: 'letter-meta' });
  const row = (term, ...dd) => meta.append(el('div', { class: term === 'Original' ? 'wide' : null }, el('dt', { text: term }), el('dd', {}, ...dd)));
  row('Date', l.date ? el('time', { datetime: l.date, text: dateLabel(l.date) }) : 'Undated',
    l.date && l.dateSource ? el('span', { class: 'date-source muted', id: 'date-source', text: ` (${DATE_SOURCES[l.dateSource] || 'from ' + l.dateSource})` }) : null,
    unsureTag(l.date ? confidenceOf('date') : null, 'date'));
  if (l.language) row('Language', languageLabel(l.language));
  if (l.format) row('Format', formatLabel(l.format));
  row('Signers', plural(Number(l.signerCount ?? signers.length), 'signer'));
  if (l.fileUrl) {
    const name = l.file || 'original';
    row('Original', el('a', { href: l.fileUrl, download: name, id: 'download' }, 'Download the original ',
      el('span', { class: 'file-name', text: `(${name}${l.size ? ', ' + sizeLabel(l.size) : ''})` })));
  }

  const recSection = el('section', { class: 'recipients', 'aria-labelledby': 'rec-title' },
    el('h2', { id: 'rec-title', text: `Recipients (${recipients.length})` }));
  if (recipients.length) {
    recSection.append(el('ul', {}, recipients.map((r) => el('li', { class: isUnsure(r.confidence) ? 'uncertain' : null },
      el('span', { class: 'name', text: r.name || '(unnamed)' }), r.role ? el('span', { class: 'role', text: ` — ${r.role}` }) : null,
      unsureTag(r.confidence, 'recipient')))));
  } else recSection.append(el('p', { class: 'muted', text: 'No recipient was recognized in this letter.' }));

  const sigSection = el('section', { class: 'signers', 'aria-labelledby': 'sig-title' },
    el('h2', { id: 'sig-title', text: `Signers (${signers.length})` }));
  if (signers.length) {
    const people = signers.filter((s) => s.kind === 'person').length;
    sigSection.append(el('p', { class: 'muted kinds', text: `${plural(signers.length - people, 'organization')} · ${plural(people, 'person', 'people')}.` }));
    sigSection.append(el('ul', { class: 'signer-list' + (signers.length > 12 ? ' columns' : '') }, signers.map(signerItem)));
  } else sigSection.append(el('p', { class: 'muted', text: 'No signer was recognized in this letter.' }));

  const textSection = el('section', { class: 'text', 'aria-labelledby': 'text-title' }, el('h2', { id: 'text-title', text: 'Full text' }));
  const body = el('div', { class: 'letter-text', id: 'letter-text', tabindex: '-1' });
  const count = appendHighlighted(body, l.text || '', termsToMark(l));
  if (q) textSection.append(matchBar(count, body));
  textSection.append(body);

  const tools = el('div', { class: 'tools' },
    el('button', { type: 'button', id: 'edit-button', class: 'secondary', text: 'Correct this letter', onclick: openEditor }),
    el('button', { type: 'button', id: 'cite-button', class: 'secondary', 'aria-expanded': 'false', 'aria-controls': 'cite-box', text: 'Cite', onclick: toggleCite }));
  if (l.needsReview) tools.prepend(el('button', { type: 'button', id: 'mark-reviewed', text: 'Mark reviewed', onclick: markReviewed,
    title: 'The letter is right as it stands: take it off the review queue' }));
  const ocrNote = l.ocr && typeof l.ocr === 'object'
    ? el('p', { class: 'ocr-note', id: 'ocr-note', role: 'note' },
      el('strong', { text: 'Read from a scan with OCR. ' }),
      `${plural(Number(l.ocr.pages) || 0, 'page')} read by text recognition, mean confidence ${Math.round(Number(l.ocr.confidence) || 0)}%; `
      + 'names and words may hold recognition errors, so check them against the original file.')
    : null;
  const warnings = (l.warnings || []).filter(Boolean);
  const warnBox = warnings.length ? el('div', { class: 'warnings', id: 'warnings', role: 'note' },
    el('h2', { text: 'Warnings from the analysis' }), el('ul', {}, warnings.map((w) => el('li', { text: w })))) : null;
  // absent parts (no OCR note, no warnings) are left out, not written as "null"
  article.replaceChildren(...[head, meta, ocrNote, reviewBox(l), warnBox, tools, citeBox(), el('div', { id: 'editor-slot' }),
    familySlot(), recSection, sigSection, textSection].filter(Boolean));
}

/** The query's words, plus the words the server says matched (wildcard and fuzzy expansions). */
function termsToMark(l) {
  const terms = queryTerms(q);
  const fields = l.match && typeof l.match === 'object' && l.match.fields && typeof l.match.fields === 'object' ? l.match.fields : {};
  for (const f of ['text', 'title']) {
    for (const t of Array.isArray(fields[f]) ? fields[f] : []) {
      if (typeof t === 'string' && t.trim() && !terms.some((x) => x.text.toLowerCase() === t.trim().toLowerCase())) terms.push({ text: t.trim(), prefix: false });
    }
  }
  return terms;
}

function matchBar(count, body) {
  const bar = el('p', { class: 'match-bar', role: 'status' });
  if (!count) { bar.textContent = `The words of “${q}” do not occur literally in the text (they may match its title, signers or recipients).`; return bar; }
  let at = -1;
  const next = el('button', { type: 'button', class: 'link-button', id: 'next-match', text: 'Go to next match',
    onclick: () => {
      const marks = body.querySelectorAll('mark');
      marks.forEach((m) => m.classList.remove('current'));
      at = (at + 1) % marks.length;
      marks[at].classList.add('current');
      marks[at].scrollIntoView({ block: 'center' });
    } });
  bar.append(`${plural(count, 'match', 'matches')} of “${q}” highlighted. `, next);
  return bar;
}

function signerItem(s) {
  const label = s.name + (s.acronym && !s.name.includes(s.acronym) ? ` (${s.acronym})` : '');
  const name = s.organization
    ? el('a', { href: '/organization.html?key=' + encodeURIComponent(s.organization), class: 'org-link', text: label, title: 'This organization: its letters, co-signers and network' })
    : el('span', { text: label });
  const details = [s.kind === 'person' ? 'person' : 'organization', s.title, s.affiliation, s.location]
    .filter(Boolean).join(' · ');
  return el('li', { class: isUnsure(s.confidence) ? 'uncertain' : null }, name,
    details ? el('span', { class: 'signer-details', text: ` — ${details}` }) : null, unsureTag(s.confidence, 'signer'));
}

// ---------- review: the analysis's doubts, and the parts it is unsure of ----------

/** True for a part the analysis is unsure of, while the letter awaits review (a curator's word settles it). */
function isUnsure(c) {
  return !!(letter && letter.needsReview && typeof c === 'number' && c < (letter.unsure ?? 0.6));
}

function confidenceOf(part) {
  const a = letter && letter.assessment;
  return a && typeof a[part] === 'number' ? a[part] : null;
}

/** A visible mark beside an unsure part: "unsure 43%". */
function unsureTag(c, what) {
  if (!isUnsure(c)) return null;
  const pct = Math.round(c * 100);
  return el('span', { class: 'unsure-tag', title: `The analysis is ${pct}% sure of this ${what}` }, ` unsure ${pct}%`);
}

function reviewBox(l) {
  if (!l.needsReview) return null;
  const doubts = (l.assessment && l.assessment.doubts) || [];
  return el('section', { class: 'review-box', id: 'review-box', 'aria-labelledby': 'review-title' },
    el('h2', { id: 'review-title', text: 'Needs review' }),
    el('ul', { id: 'review-doubts' }, doubts.map((d) => el('li', { text: d }))),
    el('p', { class: 'hint', text: 'Parts marked “unsure” are where the analysis doubts itself. Correct the letter, or mark it reviewed if it is right as it stands.' }),
    el('div', { class: 'field token-field', id: 'review-token', hidden: true },
      el('label', { for: 'review-token-input', text: 'Curator token' }),
      el('input', { id: 'review-token-input', type: 'password', autocomplete: 'off' })),
    el('p', { id: 'review-status', class: 'edit-status', role: 'status' }));
}

async function markReviewed() {
  const status = $('#review-status');
  const typed = $('#review-token-input').value.trim();
  if (typed) token.set(typed);
  const t = token.get();
  if (!t) {
    $('#review-token').hidden = false;
    status.textContent = 'Enter your curator token, then press “Mark reviewed” again.';
    status.className = 'edit-status error';
    $('#review-token-input').focus();
    return;
  }
  $('#mark-reviewed').disabled = true;
  const { ok, status: code, body } = await getJson('/api/letters/' + encodeURIComponent(id) + '/reviewed', {
    method: 'POST', headers: { Accept: 'application/json', Authorization: 'Bearer ' + t },
  });
  if (!ok) {
    $('#mark-reviewed').disabled = false;
    if (code === 401 || code === 403) { token.set(''); $('#review-token').hidden = false; $('#review-token-input').value = ''; }
    status.textContent = code === 401 || code === 403 ? 'The token was not accepted. Enter a valid curator token.' : `Not marked reviewed: ${body.error}`;
    status.className = 'edit-status error';
    return;
  }
  letter = body;
  show();
  const badge = $('#reviewed-badge') || $('#corrected-badge');
  if (badge) badge.setAttribute('role', 'status');
  $('#letter-title').setAttribute('tabindex', '-1');
  $('#letter-title').focus();
}

const DATE_SOURCES = { text: 'from the letter\'s text', 'front-matter': 'from the document\'s front matter', 'file-metadata': 'from the file\'s metadata, not the letter', page: 'from the page it was published on' };

/** The letter's permalink and its reference in three formats, for Zotero, Mendeley or BibTeX. */
function citeBox() {
  const base = '/api/letters/' + encodeURIComponent(id) + '/cite?format=';
  const permalink = location.origin + '/letter.html?id=' + encodeURIComponent(id);
  const pre = el('pre', { class: 'citation', id: 'citation-text', tabindex: '0' });
  const show = async (f) => {
    const r = await fetch(base + f);
    pre.textContent = r.ok ? await r.text() : 'The citation could not be made.';
  };
  const box = el('section', { class: 'cite-box', id: 'cite-box', 'aria-labelledby': 'cite-title', hidden: true },
    el('h2', { id: 'cite-title', text: 'Cite this letter' }),
    el('p', {}, 'Permanent address: ', el('a', { href: permalink, id: 'permalink', text: permalink })),
    el('p', { class: 'cite-formats' },
      el('a', { href: base + 'ris&download', download: '', id: 'cite-ris', text: 'RIS (Zotero, Mendeley, EndNote)' }), ' · ',
      el('a', { href: base + 'bibtex&download', download: '', id: 'cite-bibtex', text: 'BibTeX' }), ' · ',
      el('a', { href: base + 'csl-json&download', download: '', id: 'cite-csl', text: 'CSL-JSON' }), ' · ',
      el('button', { type: 'button', class: 'link-button', text: 'Show BibTeX', onclick: () => show('bibtex') })),
    pre);
  return box;
}

function toggleCite() {
  const box = $('#cite-box');
  box.hidden = !box.hidden;
  $('#cite-button').setAttribute('aria-expanded', String(!box.hidden));
  if (!box.hidden) $('#permalink').focus();
}

function sizeLabel(n) {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

// ---------- the letter's family ----------

let familyData = null; // the answer of /api/letters/{id}/family, kept across re-renders of the page
const RELATIONS = {
  earliest: 'Earliest letter', same: 'Same letter, sent again', version: 'Version', translation: 'Translation', 'campaign copy': 'Campaign copy',
};
const RELATION_PHRASES = {
  earliest: 'the earliest letter of its family', same: 'the earliest letter sent again', version: 'a version of the earliest letter',
  translation: 'a translation of the earliest letter', 'campaign copy': 'a campaign copy of the earliest letter',
};
const COUNTED = { version: ['version', 'versions'], translation: ['translation', 'translations'], same: ['re-send', 're-sends'],
  'campaign copy': ['campaign copy', 'campaign copies'] };
const MEMBERS_SHOWN = 12; // rows listed before "Show all"

async function family() {
  const { ok, body } = await getJson('/api/letters/' + encodeURIComponent(id) + '/family');
  // a single letter, an archive without detection or an answer in another shape: no family section
  if (!ok || !body || !Array.isArray(body.members) || !(Number(body.size) > 1)) return;
  familyData = body;
  const slot = $('#family-slot');
  if (slot) slot.replaceChildren(familySection(body));
  if (location.hash === '#family' && $('#family')) $('#family').scrollIntoView();
}

function familySlot() {
  return el('div', { id: 'family-slot' }, familyData ? familySection(familyData) : null);
}

function familySection(f) {
  // the earliest letter first, then by date (undated last)
  const members = f.members.filter((m) => m && m.id).sort((a, b) => (b.relation === 'earliest') - (a.relation === 'earliest')
    || String(a.date || '9999').localeCompare(String(b.date || '9999')));
  const counts = f.counts && typeof f.counts === 'object' ? f.counts : {};
  const made = Object.entries(COUNTED).filter(([r]) => Number(counts[r]) > 0)
    .map(([r, [one, many]]) => plural(Number(counts[r]), one, many));
  const section = el('section', { class: 'family', id: 'family', 'aria-labelledby': 'family-title' },
    el('h2', { id: 'family-title', text: `Letter family (${plural(Number(f.size), 'letter')})` }),
    el('p', { class: 'family-summary', id: 'family-summary' },
      `This letter is ${RELATION_PHRASES[f.relation] || f.relation}`, made.length ? `; the family holds ${made.join(', ')}.` : '.'));
  if (f.campaign && typeof f.campaign === 'object') section.append(campaignNote(f.campaign));

  const rows = members.map((m) => {
    const self = m.id === id;
    const title = m.title && m.title.trim() ? clip(m.title.trim(), 120) : '(untitled letter)';
    const name = self ? el('span', { class: 'self', 'aria-current': 'page' }, el('strong', { text: title }), ' (this letter)')
      : el('a', { href: '/letter.html?id=' + encodeURIComponent(m.id), text: title });
    return el('tr', { 'data-id': m.id, 'data-relation': m.relation, class: self ? 'current' : null },
      el('td', {}, name),
      el('td', { class: 'relation', text: RELATIONS[m.relation] || m.relation }),
      el('td', {}, m.date ? el('time', { datetime: m.date, text: dateLabel(m.date) }) : 'Undated'),
      el('td', { text: languageLabel(m.language) || '—' }),
      el('td', { class: 'num', text: m.signerCount != null ? Number(m.signerCount).toLocaleString('en') : '—' }));
  });
  const tbody = el('tbody', {}, rows);
  const hidden = rows.length > MEMBERS_SHOWN ? rows.filter((r, i) => i >= MEMBERS_SHOWN && !r.classList.contains('current')) : [];
  hidden.forEach((r) => { r.hidden = true; });
  section.append(el('div', { class: 'table-wrap' }, el('table', { class: 'family-members', id: 'family-members' },
    el('caption', { class: 'visually-hidden', text: 'Letters of this family' }),
    el('thead', {}, el('tr', {}, ['Letter', 'Relation', 'Date', 'Language', 'Signers'].map((c) => el('th', { scope: 'col', text: c })))),
    tbody)));
  const more = Number(f.size) - members.length;
  if (hidden.length) {
    const button = el('button', { type: 'button', class: 'link-button', id: 'family-show-all', 'aria-controls': 'family-members',
      text: `Show all ${plural(rows.length, 'listed letter')}`, onclick: () => { hidden.forEach((r) => { r.hidden = false; }); button.remove(); } });
    section.append(el('p', { class: 'family-more' }, button));
  }
  if (f.truncated && more > 0) section.append(el('p', { class: 'muted', text: `${plural(more, 'more letter')} of this family not listed.` }));

  // versions: this letter against the earliest; on the earliest letter, each version against it
  const root = members.find((m) => m.relation === 'earliest');
  const me = members.find((m) => m.id === id);
  if (me && me.diff) section.append(diffView(me, root, true));
  else if (me && me.relation === 'earliest') {
    members.filter((m) => m.diff && (m.relation === 'version' || m.relation === 'same')).slice(0, 20)
      .forEach((m) => section.append(diffView(m, me, false)));
  }
  return section;
}

function campaignNote(c) {
  const share = Math.round((Number(c.changedTextShare) || 0) * 100);
  const signers = (Array.isArray(c.signers) ? c.signers : []).filter(Boolean);
  const note = el('div', { class: 'campaign-note', id: 'campaign-note' },
    el('p', {}, el('strong', { text: `A campaign of ${plural(Number(c.count) || 0, 'letter')}` }),
      `: ${plural(Number(c.copies) || 0, 'copy', 'copies')} of one text; ${share}% of the letters changed it. `,
      `${plural(signers.length, 'signer')} in all${c.signersTruncated ? ' (the first ones listed)' : ''}.`));
  if (signers.length) {
    note.append(el('details', { class: 'pooled' }, el('summary', { text: 'Every signer of the campaign' }),
      el('ul', { class: 'signer-list' + (signers.length > 12 ? ' columns' : '') }, signers.map((s) => el('li', { text: s })))));
  }
  return note;
}

/** One version's changes against the earliest letter: signers removed beside signers added, then the paragraphs. */
function diffView(m, root, own) {
  const d = m.diff;
  const list = (items, cls, none) => (items.length
    ? el('ul', { class: cls }, items.map((t) => el('li', { text: t })))
    : el('p', { class: 'muted', text: none }));
  const added = (d.signersAdded || []).filter(Boolean);
  const removed = (d.signersRemoved || []).filter(Boolean);
  const pAdded = (d.paragraphsAdded || []).filter(Boolean);
  const pRemoved = (d.paragraphsRemoved || []).filter(Boolean);
  const rootName = root ? `the earliest letter (${dateLabel(root.date)})` : 'the earliest letter';
  const thisName = own ? 'this letter' : `this version (${dateLabel(m.date)})`;
  const heading = own ? `What changed against ${rootName}` : `${m.title && m.title.trim() ? clip(m.title.trim(), 90) : 'A version'}, ${dateLabel(m.date)}`;
  // a campaign copy is signed by others by definition: only its text is compared
  const copy = m.relation === 'campaign copy';
  const body = el('div', { class: 'diff-body' }, copy ? null
    : [el('p', { class: 'diff-kept muted', text: `${plural(Number(d.signersKept) || 0, 'signer')} kept, ${added.length} added, ${removed.length} removed.` }),
      el('div', { class: 'side-by-side signer-diff' },
        el('div', { class: 'removed' }, el('h4', { text: `Signers removed (${removed.length})` }),
          list(removed, 'diff-signers removed-signers', 'None.')),
        el('div', { class: 'added' }, el('h4', { text: `Signers added (${added.length})` }),
          list(added, 'diff-signers added-signers', 'None.')))]);
  if (pAdded.length || pRemoved.length) {
    body.append(el('div', { class: 'side-by-side paragraph-diff' },
      el('div', { class: 'removed' }, el('h4', { text: `Only in ${rootName}` }), list(pRemoved, 'diff-paragraphs removed-paragraphs', 'No paragraph.')),
      el('div', { class: 'added' }, el('h4', { text: `Only in ${thisName}` }), list(pAdded, 'diff-paragraphs added-paragraphs', 'No paragraph.'))));
  } else body.append(el('p', { class: 'muted', text: copy ? 'The text is the earliest letter\'s, word for word.' : 'The text is unchanged; only the signers differ.' }));
  if (own) return el('div', { class: 'family-diff', id: 'family-diff' }, el('h3', { text: heading }), body);
  body.append(el('p', {}, el('a', { href: '/letter.html?id=' + encodeURIComponent(m.id), text: 'Open this version' })));
  return el('details', { class: 'family-diff', 'data-id': m.id }, el('summary', { text: `What changed in ${heading}` }), body);
}

// ---------- letters signed by the same organizations ----------

async function related() {
  const keys = [...new Set((letter.signers || []).map((s) => s && s.organization).filter(Boolean))];
  const aside = $('#related');
  if (!keys.length) return;
  aside.hidden = false;
  $('#related-status').textContent = 'Looking for letters…';
  let items = null;
  const dedicated = await getJson(`/api/letters/${encodeURIComponent(id)}/related`);
  if (dedicated.ok && dedicated.body) {
    const list = Array.isArray(dedicated.body) ? dedicated.body : dedicated.body.hits || dedicated.body.letters;
    if (Array.isArray(list)) items = list.map((h) => ({ hit: h, shared: h.shared ?? h.overlap ?? h.common ?? null }));
  }
  if (!items) items = await relatedBySearch(keys);
  items = items.filter((i) => i.hit && i.hit.id && i.hit.id !== id).slice(0, 8);
  const list = $('#related-list');
  if (!items.length) { $('#related-status').textContent = 'No other letter shares a signer with this one.'; list.replaceChildren(); return; }
  $('#related-status').textContent = '';
  list.replaceChildren(...items.map(({ hit, shared }) => el('li', {},
    el('a', { href: '/letter.html?id=' + encodeURIComponent(hit.id), text: clip(hit.title && hit.title.trim() ? hit.title.trim() : '(untitled letter)', 120) }),
    el('span', { class: 'meta', text: ` ${dateLabel(hit.date)}${shared != null ? ' · ' + plural(shared, 'organization') + ' in common' : ''}` }))));
}

/**
 * Candidates from any-of searches over this letter's organizations (40 per request), ranked by how many
 * organizations they share. When those searches find nothing, one search per organization counts the
 * overlap directly.
 */
async function relatedBySearch(keys) {
  const chunks = [];
  for (let i = 0; i < keys.length && i < 200; i += 40) chunks.push(keys.slice(i, i + 40));
  const answers = await Promise.all(chunks.map((chunk) => {
    const p = new URLSearchParams();
    chunk.forEach((k) => p.append('signer', k));
    p.set('signerMatch', 'any'); p.set('sort', 'relevance'); p.set('size', '25'); p.set('highlight', 'false');
    p.set('facets', ''); p.set('snippets', '0'); // hits only
    return getJson('/api/search?' + p.toString());
  }));
  const seen = new Map();
  answers.forEach((a) => { if (a.ok) (a.body.hits || []).forEach((h) => { if (h.id !== id && !seen.has(h.id)) seen.set(h.id, h); }); });
  if (!seen.size) return relatedByEachOrganization(keys);
  const mine = new Set(keys);
  const candidates = [...seen.values()].slice(0, 12);
  const detailed = await Promise.all(candidates.map(async (hit, rank) => {
    const r = await getJson('/api/letters/' + encodeURIComponent(hit.id));
    const theirs = r.ok ? new Set((r.body.signers || []).map((s) => s && s.organization).filter(Boolean)) : new Set();
    let shared = 0;
    theirs.forEach((k) => { if (mine.has(k)) shared++; });
    return { hit, shared: r.ok ? shared : null, rank };
  }));
  return detailed.filter((d) => d.shared !== 0).sort((a, b) => (b.shared ?? 0) - (a.shared ?? 0) || a.rank - b.rank);
}

/** One search per organization (shortest names first, at most 60), counting in how many each letter turns up. */
async function relatedByEachOrganization(keys) {
  const todo = [...keys].sort((a, b) => a.length - b.length).slice(0, 60);
  const found = new Map();
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const key = todo[next++];
      const { ok, body } = await getJson('/api/search?signer=' + encodeURIComponent(key) + '&size=50&highlight=false&facets=&snippets=0');
      if (!ok) continue;
      for (const h of body.hits || []) {
        if (h.id === id) continue;
        const e = found.get(h.id) || { hit: h, shared: 0 };
        e.shared++;
        found.set(h.id, e);
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return [...found.values()].sort((a, b) => b.shared - a.shared || String(b.hit.date || '').localeCompare(String(a.hit.date || '')));
}

/** The given fields of o, in that order, with absent ones as null (for comparing rows). */
function pick(o, keys) {
  const out = {};
  for (const k of keys) out[k] = o[k] === undefined || o[k] === '' ? null : o[k];
  if ('cc' in out && out.cc === null) out.cc = false;
  return out;
}

function clip(t, n) { return t.length > n ? t.slice(0, n - 1).trimEnd() + '…' : t; }

// ---------- curation ----------

function openEditor() {
  const slot = $('#editor-slot');
  if (slot.firstChild) { $('#edit-title').focus(); return; }
  const l = letter;
  const form = el('form', { id: 'edit-form', class: 'editor', 'aria-labelledby': 'edit-heading', novalidate: true });
  const status = el('p', { id: 'edit-status', class: 'edit-status', role: 'status' });
  const recRows = el('tbody');
  const sigRows = el('tbody');
  (l.recipients || []).forEach((r) => recRows.append(recipientRow(r)));
  (l.signers || []).forEach((s) => sigRows.append(signerRow(s)));
  const tokenField = el('div', { class: 'field token-field' },
    el('label', { for: 'edit-token', text: 'Curator token' }),
    el('input', { id: 'edit-token', type: 'password', autocomplete: 'off', 'aria-describedby': 'token-hint' }),
    el('p', { id: 'token-hint', class: 'hint', text: 'Asked once; kept only until this browser tab is closed.' }));
  tokenField.hidden = !!token.get();
  form.append(
    el('h2', { id: 'edit-heading', text: 'Correct this letter' }),
    el('p', { class: 'hint', text: 'Your changes are kept as a human correction next to what was read from the file.' }),
    el('div', { class: 'field' }, el('label', { for: 'edit-title', text: 'Title' }),
      el('input', { id: 'edit-title', type: 'text', value: l.title || '' })),
    el('div', { class: 'field' }, el('label', { for: 'edit-date', text: 'Date' }),
      el('input', { id: 'edit-date', type: 'text', inputmode: 'numeric', value: l.date || '', placeholder: 'YYYY-MM-DD', 'aria-describedby': 'date-hint' }),
      el('p', { id: 'date-hint', class: 'hint', text: 'As YYYY-MM-DD; leave empty if the letter is undated.' })),
    rowsFieldset('Recipients', 'recipients', ['Name', 'Role'], recRows, () => recipientRow({})),
    rowsFieldset('Signers', 'signers', ['Name', 'Kind', 'Acronym', 'Location'], sigRows, () => signerRow({ kind: 'organization' })),
    el('div', { class: 'field' }, el('label', { for: 'edit-by', text: 'Your name (optional)' }),
      el('input', { id: 'edit-by', type: 'text', autocomplete: 'name', 'aria-describedby': 'by-hint' }),
      el('p', { id: 'by-hint', class: 'hint', text: 'Shown with the correction.' })),
    tokenField,
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', id: 'edit-save', text: 'Save corrections' }),
      el('button', { type: 'button', class: 'secondary', text: 'Cancel', onclick: closeEditor })),
    status);
  form.addEventListener('submit', (e) => { e.preventDefault(); save(form, recRows, sigRows, status, tokenField); });
  form.addEventListener('input', (e) => {
    if (status.classList.contains('error')) { status.textContent = ''; status.className = 'edit-status'; }
    if (e.target.id === 'edit-date') e.target.removeAttribute('aria-invalid');
  });
  slot.append(form);
  $('#edit-button').setAttribute('aria-expanded', 'true');
  $('#edit-title').focus();
}

function closeEditor() {
  $('#editor-slot').replaceChildren();
  $('#edit-button').setAttribute('aria-expanded', 'false');
  $('#edit-button').focus();
}

function rowsFieldset(title, key, columns, tbody, makeRow) {
  const add = el('button', { type: 'button', class: 'secondary', id: `add-${key}`, text: `Add ${title.toLowerCase().replace(/s$/, '')}` });
  add.addEventListener('click', () => {
    const r = makeRow();
    tbody.append(r);
    renumber(tbody, title);
    r.querySelector('input').focus();
  });
  renumber(tbody, title);
  return el('fieldset', { class: 'rows', id: `edit-${key}` }, el('legend', { text: title }),
    el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col', text: c })), el('th', {}, el('span', { class: 'visually-hidden', text: 'Remove' })))),
      tbody)), add);
}

/** Gives every input of the rows an accessible name with its row number. */
function renumber(tbody, title) {
  const one = title.toLowerCase().replace(/s$/, '');
  [...tbody.rows].forEach((tr, i) => {
    tr.querySelectorAll('[data-col]').forEach((input) => input.setAttribute('aria-label', `${one} ${i + 1} ${input.dataset.col}`));
    const rm = tr.querySelector('button.remove');
    if (rm) rm.setAttribute('aria-label', `Remove ${one} ${i + 1}`);
  });
}

function cellInput(col, value) {
  return el('td', {}, el('input', { type: 'text', 'data-col': col, value: value || '' }));
}

function removeButton(tr, title) {
  return el('td', {}, el('button', { type: 'button', class: 'remove secondary', text: 'Remove', onclick: () => {
    const tbody = tr.parentElement;
    const next = tr.nextElementSibling || tr.previousElementSibling;
    tr.remove();
    renumber(tbody, title);
    const focus = next ? next.querySelector('button.remove') : tbody.closest('fieldset').querySelector('button[id^="add-"]');
    if (focus) focus.focus();
  } }));
}

const originals = new WeakMap(); // row → the recipient or signer it was filled from

function recipientRow(r) {
  const tr = el('tr', {}, cellInput('name', r.name), cellInput('role', r.role));
  originals.set(tr, r);
  tr.append(removeButton(tr, 'Recipients'));
  return tr;
}

function signerRow(s) {
  const kind = el('select', { 'data-col': 'kind' },
    el('option', { value: 'organization', text: 'Organization' }), el('option', { value: 'person', text: 'Person' }));
  kind.value = s.kind === 'person' ? 'person' : 'organization';
  const tr = el('tr', {}, cellInput('name', s.name), el('td', {}, kind), cellInput('acronym', s.acronym), cellInput('location', s.location));
  originals.set(tr, s);
  tr.append(removeButton(tr, 'Signers'));
  return tr;
}

/** The rows as records for the server: the edited columns over the fields the form does not show. */
function rowsOf(tbody, cols, keep) {
  return [...tbody.rows].map((tr) => {
    const original = originals.get(tr) || {};
    const o = {};
    for (const k of keep) if (original[k] != null) o[k] = original[k];
    for (const c of cols) {
      const input = tr.querySelector(`[data-col="${c}"]`);
      const v = input ? input.value.trim() : '';
      o[c] = v || null;
    }
    return o;
  }).filter((o) => o.name || (cols.includes('role') && o.role));
}

const RECIPIENT_COLS = ['name', 'role'];
const SIGNER_COLS = ['name', 'kind', 'acronym', 'location'];
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

async function save(form, recRows, sigRows, status, tokenField) {
  const date = $('#edit-date').value.trim();
  if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    status.textContent = 'The date must be written as YYYY-MM-DD, for example 2018-09-14.';
    status.className = 'edit-status error';
    $('#edit-date').setAttribute('aria-invalid', 'true');
    $('#edit-date').focus();
    return;
  }
  $('#edit-date').removeAttribute('aria-invalid');
  const typed = $('#edit-token').value.trim();
  if (typed) token.set(typed);
  const t = token.get();
  if (!t) {
    tokenField.hidden = false;
    status.textContent = 'Enter your curator token to save.';
    status.className = 'edit-status error';
    $('#edit-token').focus();
    return;
  }
  const recipients = rowsOf(recRows, RECIPIENT_COLS, ['organization', 'cc']);
  const signers = rowsOf(sigRows, SIGNER_COLS, ['affiliation', 'title', 'raw', 'capacity']);
  const before = {
    recipients: (letter.recipients || []).filter((r) => r && (r.name || r.role)).map((r) => pick(r, [...RECIPIENT_COLS, 'organization', 'cc'])),
    signers: (letter.signers || []).filter((x) => x && x.name).map((x) => pick(x, [...SIGNER_COLS, 'affiliation', 'title', 'raw', 'capacity'])),
  };
  // only what changed is sent, so the correction records what a person actually decided
  const patch = {};
  const title = $('#edit-title').value.trim();
  if (title && title !== (letter.title || '')) patch.title = title;
  if (date && date !== (letter.date || '')) patch.date = date;
  if (!same(recipients.map((r) => pick(r, [...RECIPIENT_COLS, 'organization', 'cc'])), before.recipients)) patch.recipients = recipients;
  if (!same(signers.map((x) => pick(x, [...SIGNER_COLS, 'affiliation', 'title', 'raw', 'capacity'])), before.signers)) patch.signers = signers;
  if (!Object.keys(patch).length) {
    status.textContent = 'Nothing has changed yet.';
    status.className = 'edit-status';
    return;
  }
  const editor = $('#edit-by').value.trim();
  if (editor) patch.editedBy = editor;
  status.textContent = 'Saving…';
  status.className = 'edit-status';
  $('#edit-save').disabled = true;
  const { ok, status: code, body } = await getJson('/api/letters/' + encodeURIComponent(id), {
    method: 'PATCH', headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: 'Bearer ' + t },
    body: JSON.stringify(patch),
  });
  $('#edit-save').disabled = false;
  if (!ok) {
    if (code === 401 || code === 403) {
      token.set('');
      tokenField.hidden = false;
      $('#edit-token').value = '';
      status.textContent = 'The token was not accepted. Enter a valid curator token.';
      status.className = 'edit-status error';
      $('#edit-token').focus();
      return;
    }
    status.textContent = code === 404 || code === 405
      ? 'This archive does not accept corrections yet.'
      : `The corrections were not saved: ${body.error}`;
    status.className = 'edit-status error';
    return;
  }
  if (body && body.id === id && Array.isArray(body.signers)) letter = body;
  else {
    const again = await getJson('/api/letters/' + encodeURIComponent(id));
    if (again.ok) letter = again.body;
  }
  show();
  const badge = $('#corrected-badge');
  $('#letter-title').setAttribute('tabindex', '-1');
  $('#letter-title').focus();
  if (badge) badge.setAttribute('role', 'status');
}

load();
