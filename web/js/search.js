// The search page. Its whole state lives in the URL's query string, using the API's own parameter names,
// so a search is bookmarkable and back/forward replay it.
import { $, el, getJson, snippetNode, fold, dateLabel, plural, formatLabel, languageLabel, lastSearch } from './dom.js';

const FACETS = [
  { key: 'signer', title: 'Signer organization', filter: 'Filter organizations', lookup: true },
  { key: 'recipient', title: 'Recipient', filter: 'Filter recipients', lookup: true },
  { key: 'year', title: 'Year' },
  { key: 'language', title: 'Language', label: languageLabel },
  { key: 'format', title: 'Format', label: formatLabel },
  { key: 'signers', title: 'Number of signers', label: (v) => `${v} signer${v === '1' ? '' : 's'}` },
  { key: 'signerKind', title: 'Signer kind', label: (v) => (v === 'person' ? 'People' : v === 'organization' ? 'Organizations' : v) },
  { key: 'recipientRole', title: 'Recipient role' },
  { key: 'family', title: 'Letter family',
    label: (v) => ({ single: 'Single letters', versions: 'With versions', translations: 'With translations', campaign: 'Campaign copies' }[v] || v) },
];
const FACET_KEYS = FACETS.map((f) => f.key);
// what the page shows, and so all it asks the search for: these facets (up to 50 values, every year), the
// histogram and three snippets per hit; the month facet is never shown, so never counted
const ASK = { facets: FACETS.map((f) => `${f.key}:${f.key === 'year' ? 1000 : 50}`).join(',') + ',histogram', snippets: '3' };
const SHOWN = 8; // facet values shown before "Show all"
const MAX_DEPTH = 10000;

const ui = {
  expanded: new Set(), // facets showing all their values
  filterText: {}, // facet → text in its filter box
  labels: new Map(), // "facet\u0000value" → label, learned from every answer
  lastFacets: {}, // facet → values of the latest answer
  facetsEndpoint: true, // false once /api/facets answered 404
  seq: 0,
  dragFrom: null,
  suppressClick: false,
};

const params = () => new URLSearchParams(location.search);

function labelOf(facet, value) {
  const known = ui.labels.get(facet + '\u0000' + value);
  const def = FACETS.find((f) => f.key === facet);
  const base = known ?? value;
  return def && def.label && (known == null || known === value) ? def.label(value) : base;
}

/** Changes the URL (one history entry) and shows the search it describes. */
function go(mutate, { resetPage = true } = {}) {
  const p = params();
  mutate(p);
  if (resetPage) p.delete('page');
  const qs = p.toString();
  history.pushState(null, '', qs ? '?' + qs : location.pathname);
  render();
}

function toggleValue(facet, value, on) {
  go((p) => {
    const values = p.getAll(facet).filter((v) => v !== value);
    if (on) values.push(value);
    p.delete(facet);
    values.forEach((v) => p.append(facet, v));
    if (facet === 'signer' && values.length < 2) p.delete('signerMatch');
  });
}

async function render() {
  const p = params();
  $('#q').value = p.get('q') || '';
  const sort = p.get('sort');
  $('#sort').value = ['newest', 'oldest', 'signers'].includes(sort) ? sort : sort === 'relevance' || p.get('q') ? '' : 'newest';
  $('#collapse').checked = p.get('collapse') === 'family';
  lastSearch.set(location.pathname + location.search);
  const seq = ++ui.seq;
  $('#results').setAttribute('aria-busy', 'true');
  const ask = new URLSearchParams(p);
  ask.set('facets', ASK.facets);
  ask.set('snippets', ASK.snippets);
  const { ok, body } = await getJson('/api/search?' + ask.toString());
  if (seq !== ui.seq) return; // a newer search is on its way
  $('#results').removeAttribute('aria-busy');
  const focusedId = document.activeElement && document.activeElement.id;
  if (!ok) {
    showError(body.error);
    renderChips(p);
    return;
  }
  $('#error').hidden = true;
  learnLabels(body.facets || {});
  ui.lastFacets = body.facets || {};
  renderCount(p, body);
  renderChips(p);
  renderHistogram(p, body);
  renderHits(p, body);
  renderPager(p, body);
  renderActions(p);
  renderFacets(p, body.facets || {});
  if (!ui.painted) { ui.painted = true; requestAnimationFrame(() => performance.mark('results-painted')); }
  document.title = (p.get('q') ? `“${p.get('q')}” — ` : '') + 'Search — Letter Archive';
  if (focusedId && document.activeElement === document.body) {
    const again = document.getElementById(focusedId);
    if (again) again.focus(); else ui.pendingFocus = focusedId; // a filtered list fills in a moment
  }
}

function showError(message) {
  const box = $('#error');
  box.hidden = false;
  box.replaceChildren(el('p', { text: message || 'The search failed.' }));
  $('#count').textContent = 'No results';
  $('#hits').replaceChildren();
  $('#pager').replaceChildren();
  $('#histogram').hidden = true;
}

function learnLabels(facets) {
  for (const [facet, values] of Object.entries(facets)) {
    for (const v of values || []) if (v && v.value != null) ui.labels.set(facet + '\u0000' + v.value, v.label ?? v.value);
  }
}

function renderCount(p, body) {
  const total = Number(body.total) || 0;
  const q = p.get('q');
  const families = body.families != null ? Number(body.families) || 0 : null;
  $('#count').replaceChildren(el('strong', { text: plural(total, 'letter') }),
    q ? ` match “${q}”` : ' in the archive',
    families != null ? el('span', { id: 'family-count', text: `, ${families === 1 ? 'one family' : plural(families, 'family', 'families')} shown one hit each` }) : '');
}

// ---------- chips ----------

function renderChips(p) {
  const chips = [];
  for (const f of FACETS) {
    for (const value of p.getAll(f.key)) {
      const text = `${f.title}: ${labelOf(f.key, value)}`;
      chips.push(chip(text, () => toggleValue(f.key, value, false)));
    }
  }
  if (p.get('from') || p.get('to')) {
    const from = p.get('from'), to = p.get('to');
    const text = from && to ? (from === to ? `Date: ${from}` : `Date: ${from} – ${to}`) : from ? `Date: from ${from}` : `Date: until ${to}`;
    chips.push(chip(text, () => go((q) => { q.delete('from'); q.delete('to'); })));
  }
  const box = $('#chips');
  if (!chips.length) { box.replaceChildren(); return; }
  const list = el('ul', { class: 'chip-list', 'aria-label': 'Active filters' }, chips.map((c) => el('li', {}, c)));
  const clear = chips.length > 1 ? el('button', { type: 'button', class: 'link-button', text: 'Clear all filters',
    onclick: () => go((q) => { for (const k of [...FACET_KEYS, 'from', 'to', 'signerMatch']) q.delete(k); }) }) : null;
  box.replaceChildren(...[list, clear].filter(Boolean));
}

function chip(text, remove) {
  return el('button', { type: 'button', class: 'chip', 'aria-label': `Remove filter ${text}`, onclick: remove },
    el('span', { text }), el('span', { class: 'chip-x', 'aria-hidden': 'true', text: '×' }));
}

// ---------- histogram ----------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A bucket key as a number: a year, or year*12+month for months. */
function keyOf(value, unit) {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(String(value));
  if (!m) return null;
  return unit === 'month' ? Number(m[1]) * 12 + (m[2] ? Number(m[2]) - 1 : 0) : Number(m[1]);
}

function bucketParam(k, unit) {
  return unit === 'month' ? `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}` : String(k);
}

function bucketName(k, unit) {
  return unit === 'month' ? `${MONTH_NAMES[k % 12]} ${Math.floor(k / 12)}` : String(k);
}

function renderHistogram(p, body) {
  const fig = $('#histogram');
  const unit = body.histogramUnit === 'month' ? 'month' : 'year';
  const buckets = (body.histogram || []).map((h) => ({ key: keyOf(h.value, unit), count: Number(h.count) || 0 }))
    .filter((b) => b.key != null);
  if (!buckets.length) { fig.hidden = true; return; }
  fig.hidden = false;
  fig.dataset.unit = unit;
  $('#histogram-caption').firstChild.textContent = unit === 'month' ? 'Letters per month ' : 'Letters per year ';
  const byKey = new Map(buckets.map((b) => [b.key, b.count]));
  let lo = Math.min(...buckets.map((b) => b.key)), hi = Math.max(...buckets.map((b) => b.key));
  if (hi - lo > 80) lo = hi - 80; // keep bars readable; the year facet lists the rest
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const sel = selectedRange(p, unit);
  const span = hi - lo;
  const every = unit === 'month' ? (span > 12 ? 3 : 1) : span > 30 ? 10 : span > 12 ? 5 : span > 6 ? 2 : 1;
  const bars = [];
  for (let k = lo; k <= hi; k++) {
    const count = byKey.get(k) || 0;
    const bar = el('span', { class: 'bar' });
    bar.style.height = count ? `${Math.max(4, Math.round((count / max) * 100))}%` : '0';
    const inRange = sel && k >= sel[0] && k <= sel[1];
    const name = bucketName(k, unit);
    const short = unit === 'month' ? `${MONTHS[k % 12]}${k % 12 === 0 || k === lo ? ' ' + String(Math.floor(k / 12)).slice(2) : ''}` : String(k);
    const button = el('button', {
      type: 'button', class: 'year' + (inRange ? ' selected' : '') + (count ? '' : ' empty'),
      'data-key': k, 'data-value': bucketParam(k, unit), 'aria-label': `${name}: ${plural(count, 'letter')}`,
      'aria-pressed': inRange ? 'true' : 'false', title: `${name}: ${plural(count, 'letter')}`,
    }, el('span', { class: 'bar-area' }, bar),
    el('span', { class: 'year-label' + ((k - lo) % every === 0 ? '' : ' minor'), 'aria-hidden': 'true', text: short }));
    button.addEventListener('click', (e) => onBarClick(e, k, unit));
    button.addEventListener('pointerdown', (e) => { if (e.button === 0) { ui.dragFrom = k; markDrag(k); } });
    button.addEventListener('pointerenter', () => { if (ui.dragFrom != null) markDrag(k); });
    button.addEventListener('pointerup', () => {
      if (ui.dragFrom != null && ui.dragFrom !== k) {
        const [a, b] = [Math.min(ui.dragFrom, k), Math.max(ui.dragFrom, k)];
        ui.suppressClick = true;
        ui.dragFrom = null;
        setRange(a, b, unit);
      }
    });
    bars.push(button);
  }
  $('#bars').replaceChildren(...bars);
  const dated = buckets.reduce((n, b) => n + b.count, 0);
  const undated = body.undated != null ? Number(body.undated) || 0 : Math.max(0, (Number(body.total) || 0) - dated);
  $('#histogram-note').textContent = undated ? `${plural(undated, 'undated letter')} not shown.` : '';
}

function markDrag(k) {
  const [a, b] = [Math.min(ui.dragFrom, k), Math.max(ui.dragFrom, k)];
  for (const b2 of $('#bars').children) {
    const kk = Number(b2.dataset.key);
    b2.classList.toggle('dragging', kk >= a && kk <= b);
  }
}

document.addEventListener('pointerup', () => {
  if (ui.dragFrom != null) {
    ui.dragFrom = null;
    for (const b of $('#bars').children) b.classList.remove('dragging');
  }
});

/** The bucket range that from/to cover, or null when no date bound is set. */
function selectedRange(p, unit) {
  const from = p.get('from'), to = p.get('to');
  if (!from && !to) return null;
  const a = from ? keyOf(from, unit) : -Infinity;
  let b = to ? keyOf(to, unit) : Infinity;
  if (unit === 'month' && to && /^\d{4}$/.test(to)) b += 11; // a whole year runs to December
  return [a ?? -Infinity, b ?? Infinity];
}

function onBarClick(e, k, unit) {
  if (ui.suppressClick) { ui.suppressClick = false; return; }
  const sel = selectedRange(params(), unit);
  if (e.shiftKey && sel && Number.isFinite(sel[0])) {
    setRange(Math.min(sel[0], k), Math.max(Number.isFinite(sel[1]) ? sel[1] : k, k), unit);
  } else if (sel && sel[0] === k && sel[1] === k) {
    go((q) => { q.delete('from'); q.delete('to'); });
  } else {
    setRange(k, k, unit);
  }
}

function setRange(a, b, unit) {
  go((q) => { q.set('from', bucketParam(a, unit)); q.set('to', bucketParam(b, unit)); });
}

// ---------- hits ----------

function clip(text, n) {
  return text.length > n ? text.slice(0, n - 1).trimEnd() + '…' : text;
}

const OTHER_LABELS = [['same', 're-send', 're-sends'], ['version', 'version', 'versions'], ['translation', 'translation', 'translations'],
  ['campaign copy', 'copy', 'copies'], ['earliest', 'earliest letter', 'earliest letter']];

/**
 * The other letters of a collapsed hit's family, by their relation to the family's earliest letter:
 * "+3 versions, 1 translation". `others` counts every member by relation; the hit itself is left out, and the
 * earliest letter (not counted by relation) is the rest of `size`.
 */
function familyOthers(f) {
  if (!f || typeof f !== 'object' || !(Number(f.size) > 1)) return '';
  const counts = { ...(f.others && typeof f.others === 'object' ? f.others : {}) };
  if (f.relation && counts[f.relation] != null) counts[f.relation] = Number(counts[f.relation]) - 1;
  const listed = Object.values(counts).reduce((a, n) => a + (Number(n) || 0), 0);
  counts.earliest = Number(f.size) - 1 - listed;
  const parts = OTHER_LABELS.filter(([k]) => Number(counts[k]) > 0)
    .map(([k, one, many]) => `${Number(counts[k]).toLocaleString('en')} ${Number(counts[k]) === 1 ? one : many}`);
  return parts.length ? '+' + parts.join(', ') : '';
}

function renderHits(p, body) {
  const q = p.get('q');
  const items = (body.hits || []).map((hit) => {
    const href = '/letter.html?id=' + encodeURIComponent(hit.id) + (q ? '&q=' + encodeURIComponent(q) : '');
    const title = hit.title && hit.title.trim() ? hit.title.trim() : '(untitled letter)';
    const link = el('a', { href, text: clip(title, 180) });
    if (title.length > 180) link.setAttribute('title', title);
    const meta = [dateLabel(hit.date), languageLabel(hit.language), formatLabel(hit.format),
      hit.signerCount != null ? plural(Number(hit.signerCount), 'signer') : null].filter(Boolean);
    const others = familyOthers(hit.family);
    const article = el('article', { class: 'hit' },
      el('h2', {}, link),
      el('p', { class: 'meta' }, meta.map((m, i) => el('span', { text: m, class: i === 0 ? 'date' : null })),
        others ? el('a', { class: 'family-others', href: '/letter.html?id=' + encodeURIComponent(hit.id) + '#family',
          title: 'The other letters of its family', text: others }) : null));
    const recipients = (hit.recipients || []).filter((r) => r && (r.name || r.role));
    if (recipients.length) {
      const shown = recipients.slice(0, 3).map((r) => (r.name && r.role ? `${r.name} (${r.role})` : r.name || r.role));
      article.append(el('p', { class: 'recipients' }, el('span', { class: 'label', text: 'To ' }),
        shown.join('; ') + (recipients.length > 3 ? `; and ${recipients.length - 3} more` : '')));
    }
    const top = (hit.topSigners || []).filter(Boolean);
    if (top.length) {
      const more = Number(hit.signerCount) - top.length;
      const names = [];
      top.forEach((s, i) => {
        if (i) names.push(', ');
        names.push(el('a', { href: '/organization.html?key=' + encodeURIComponent(String(s)), class: 'org-link', text: clip(String(s), 60) }));
      });
      article.append(el('p', { class: 'signers' }, el('span', { class: 'label', text: 'Signed by ' }),
        ...names, more > 0 ? ` and ${more} more` : ''));
    }
    for (const s of hit.snippets || []) article.append(snippetNode(s));
    return el('li', {}, article);
  });
  $('#hits').setAttribute('start', String((Number(body.page || 1) - 1) * Number(body.size || 20) + 1));
  $('#hits').replaceChildren(...items);
  if (!items.length) {
    $('#hits').append(el('li', { class: 'empty' }, el('p', { text: 'No letters match. Remove a filter or try other words.' })));
  }
}

/** Export, network and feed links for the search on screen (paging and sort left out where they mean nothing). */
function renderActions(p) {
  const q = new URLSearchParams(p);
  for (const k of ['page', 'size', 'searchAfter']) q.delete(k);
  const feed = new URLSearchParams(q);
  feed.delete('sort');
  const withFormat = (f) => { const x = new URLSearchParams(q); x.set('format', f); return x.toString(); };
  $('#export-csv').href = '/api/export?' + withFormat('csv');
  $('#export-json').href = '/api/export?' + withFormat('json');
  const net = new URLSearchParams(feed); net.set('format', 'gexf');
  $('#network-link').href = '/api/network?' + net.toString();
  $('#feed-link').href = '/api/search.atom' + (feed.toString() ? '?' + feed.toString() : '');
  let alt = document.querySelector('link[rel="alternate"][type="application/atom+xml"]');
  if (!alt) { alt = el('link', { rel: 'alternate', type: 'application/atom+xml', title: 'Letters of this search' }); document.head.append(alt); }
  alt.href = $('#feed-link').href;
}

// ---------- paging ----------

function renderPager(p, body) {
  const size = Number(body.size) || 20;
  // collapsed to families, the pages run over families, not letters
  const total = Math.min(Number(body.families != null ? body.families : body.total) || 0, MAX_DEPTH);
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Number(body.page) || 1, pages);
  const nav = $('#pager');
  if (pages <= 1) { nav.replaceChildren(); return; }
  const link = (n, text, label) => {
    const q = params();
    if (n === 1) q.delete('page'); else q.set('page', String(n));
    const a = el('a', { href: '?' + q.toString(), text, 'aria-label': label || `Page ${n}` });
    if (n === page) a.setAttribute('aria-current', 'page');
    a.addEventListener('click', (e) => {
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      go((qq) => { if (n === 1) qq.delete('page'); else qq.set('page', String(n)); }, { resetPage: false });
      $('#results').focus();
      window.scrollTo(0, 0);
    });
    return a;
  };
  const items = [];
  if (page > 1) items.push(link(page - 1, '‹ Previous', 'Previous page'));
  const nums = new Set([1, pages, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pages));
  let prev = 0;
  for (const n of [...nums].sort((a, b) => a - b)) {
    if (n - prev > 1) items.push(el('span', { class: 'gap', 'aria-hidden': 'true', text: '…' }));
    items.push(link(n, String(n)));
    prev = n;
  }
  if (page < pages) items.push(link(page + 1, 'Next ›', 'Next page'));
  nav.replaceChildren(el('ul', {}, items.map((i) => el('li', {}, i))));
}

// ---------- facets ----------

function renderFacets(p, facets) {
  const panels = [];
  for (const f of FACETS) {
    const values = facets[f.key] || [];
    const selected = p.getAll(f.key);
    if (values.length || selected.length) panels.push(facetPanel(f, values, selected, p));
    if (f.key === 'year') panels.push(datePanel(p));
  }
  $('#facets').replaceChildren(...panels);
}

/** From/to dates typed in full or in part (YYYY, YYYY-MM, YYYY-MM-DD), as the histogram sets them. */
function datePanel(p) {
  const input = (id, label, value) => [el('label', { for: id, class: 'small-label', text: label }),
    el('input', { id, type: 'text', inputmode: 'numeric', class: 'date-input', value: value || '', placeholder: 'YYYY-MM-DD', 'aria-describedby': 'dates-hint' })];
  const error = el('p', { id: 'dates-error', class: 'error small', role: 'alert' });
  const form = el('form', { class: 'facet dates', 'aria-labelledby': 'dates-title', novalidate: true },
    el('h3', { id: 'dates-title', text: 'Date' }),
    el('div', { class: 'date-row' }, el('div', {}, ...input('date-from', 'From', p.get('from'))), el('div', {}, ...input('date-to', 'To', p.get('to')))),
    el('p', { id: 'dates-hint', class: 'hint', text: 'A year, a month (2018-09) or a day (2018-09-14).' }),
    error,
    el('button', { type: 'submit', class: 'secondary small', text: 'Apply dates' }));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const from = $('#date-from').value.trim(), to = $('#date-to').value.trim();
    const bad = [from, to].find((v) => v && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v));
    if (bad) { error.textContent = `“${bad}” is not a date: write 2018, 2018-09 or 2018-09-14.`; return; }
    go((q) => { if (from) q.set('from', from); else q.delete('from'); if (to) q.set('to', to); else q.delete('to'); });
  });
  return form;
}

function facetPanel(f, values, selected, p) {
  const titleId = `facet-${f.key}-title`;
  const section = el('section', { class: 'facet', 'aria-labelledby': titleId, 'data-facet': f.key },
    el('h3', { id: titleId, text: f.title }));
  if (f.key === 'signer') section.append(matchSwitch(p, selected.length));
  const list = el('ul', { class: 'facet-values', id: `facet-${f.key}-values` });
  if (f.filter && (values.length > SHOWN || ui.filterText[f.key])) {
    const inputId = `facet-${f.key}-filter`;
    const input = el('input', { id: inputId, type: 'search', class: 'facet-filter', autocomplete: 'off',
      'aria-controls': list.id, placeholder: 'Type to filter' });
    input.value = ui.filterText[f.key] || '';
    let timer = null;
    input.addEventListener('input', () => {
      ui.filterText[f.key] = input.value;
      clearTimeout(timer);
      timer = setTimeout(() => fillFiltered(f, list, input.value.trim(), p), 150);
    });
    section.append(el('label', { for: inputId, class: 'small-label', text: f.filter }), input);
  }
  section.append(list);
  if (ui.filterText[f.key] && ui.filterText[f.key].trim()) {
    fillFiltered(f, list, ui.filterText[f.key].trim(), p);
  } else {
    fillList(f, list, values, selected, p, section);
  }
  return section;
}

function matchSwitch(p, selectedCount) {
  const match = p.get('signerMatch') === 'all' ? 'all' : 'any';
  const radio = (value, text) => {
    const id = `signer-match-${value}`;
    const input = el('input', { type: 'radio', name: 'signerMatch', id, value });
    input.checked = match === value;
    input.addEventListener('change', () => {
      if (input.checked) go((q) => { if (value === 'all') q.set('signerMatch', 'all'); else q.delete('signerMatch'); });
    });
    return el('span', { class: 'radio' }, input, el('label', { for: id, text }));
  };
  return el('fieldset', { class: 'match-switch' + (selectedCount < 2 ? ' quiet' : '') },
    el('legend', { text: 'Letters signed by' }), radio('any', 'any of'), radio('all', 'all of'));
}

function valueItem(f, value, label, count, checked, idSuffix = '') {
  const id = `f-${f.key}-${idSuffix}${[...String(value)].map((c) => (/[A-Za-z0-9]/.test(c) ? c : '_' + c.codePointAt(0).toString(16))).join('')}`;
  const box = el('input', { type: 'checkbox', id, value });
  box.checked = checked;
  box.addEventListener('change', () => toggleValue(f.key, value, box.checked));
  return el('li', {}, box, el('label', { for: id },
    el('span', { class: 'value-label', text: label }),
    count != null ? el('span', { class: 'count', text: Number(count).toLocaleString('en'), 'aria-label': `(${plural(Number(count), 'letter')})` }) : null),
    f.key === 'signer' ? el('a', { class: 'org-profile', href: '/organization.html?key=' + encodeURIComponent(value), title: `Profile of ${label}`, 'aria-label': `Profile of ${label}`, text: '›' }) : null);
}

function fillList(f, list, values, selected, p, section) {
  const items = [];
  const known = new Set(values.map((v) => String(v.value)));
  // selected values the answer does not list (e.g. picked from a filtered list) stay visible and checked
  for (const value of selected) if (!known.has(value)) items.push(valueItem(f, value, labelOf(f.key, value), null, true));
  const expanded = ui.expanded.has(f.key);
  values.forEach((v, i) => {
    const checked = selected.includes(String(v.value));
    if (!expanded && i >= SHOWN && !checked) return;
    const label = f.label && (v.label == null || v.label === v.value) ? f.label(String(v.value)) : (v.label ?? v.value);
    items.push(valueItem(f, String(v.value), String(label), v.count, checked));
  });
  list.replaceChildren(...items);
  if (values.length > SHOWN) {
    const button = el('button', { type: 'button', class: 'link-button more', 'aria-controls': list.id,
      'aria-expanded': expanded ? 'true' : 'false', text: expanded ? 'Show fewer' : `Show all ${values.length}` });
    button.addEventListener('click', () => {
      if (ui.expanded.has(f.key)) ui.expanded.delete(f.key); else ui.expanded.add(f.key);
      fillList(f, list, values, params().getAll(f.key), p, section);
      const again = section.querySelector('button.more');
      if (again) again.focus();
    });
    section.append(button);
  }
}

/** The values matching the filter box: asked of /api/facets over all letters, or picked from those shown. */
async function fillFiltered(f, list, text, p) {
  const section = list.closest('.facet');
  const more = section && section.querySelector('button.more');
  if (!text) {
    if (more) more.remove();
    fillList(f, list, ui.lastFacets[f.key] || [], params().getAll(f.key), p, section);
    return;
  }
  if (more) more.remove();
  const selected = params().getAll(f.key);
  let values = null;
  const scope = 'in these results';
  if (f.lookup && ui.facetsEndpoint) {
    const ctx = params();
    for (const k of ['page', 'sort', 'size', 'searchAfter', f.key, ...(f.key === 'signer' ? ['signerMatch'] : [])]) ctx.delete(k);
    ctx.set('prefix', text); ctx.set('sort', 'count'); ctx.set('limit', '50');
    const { ok, status, body } = await getJson(`/api/facets/${encodeURIComponent(f.key)}?${ctx.toString()}`);
    if (ok && body && Array.isArray(body.values)) { values = body.values; learnLabels({ [f.key]: values }); }
    else if (status === 404 || status === 405) ui.facetsEndpoint = false;
  }
  if ((ui.filterText[f.key] || '').trim() !== text) return; // typed on meanwhile
  if (!values) {
    const needle = fold(text);
    values = (ui.lastFacets[f.key] || []).filter((v) => fold(String(v.label ?? v.value)).includes(needle) || fold(String(v.value)).includes(needle));
  }
  const items = values.map((v) => valueItem(f, String(v.value), String(v.label ?? v.value), v.count, selected.includes(String(v.value)), 'm-'));
  if (!items.length) items.push(el('li', { class: 'none', text: `No match for “${text}” ${scope}.` }));
  list.replaceChildren(...items);
  list.setAttribute('aria-label', `${f.title} matching “${text}” ${scope}`);
  if (ui.pendingFocus && document.activeElement === document.body) {
    const again = document.getElementById(ui.pendingFocus);
    if (again) again.focus();
  }
  ui.pendingFocus = null;
}

// ---------- wiring ----------

function setupSyntaxHelp() {
  const toggle = $('#syntax-toggle');
  const help = $('#syntax-help');
  const set = (open) => { toggle.setAttribute('aria-expanded', String(open)); help.classList.toggle('open', open); };
  toggle.addEventListener('click', () => set(toggle.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && help.classList.contains('open')) { set(false); toggle.focus(); } });
}

$('#search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = $('#q').value.trim();
  go((p) => { if (text) p.set('q', text); else p.delete('q'); });
});
$('#collapse').addEventListener('change', () => {
  const on = $('#collapse').checked;
  go((p) => { if (on) p.set('collapse', 'family'); else p.delete('collapse'); p.delete('page'); });
});

$('#sort').addEventListener('change', () => {
  const v = $('#sort').value;
  go((p) => { if (v) p.set('sort', v); else p.delete('sort'); });
});
window.addEventListener('popstate', render);
setupSyntaxHelp();
// on a phone-sized screen the filters start folded, so the results come first into view
if (window.matchMedia('(max-width: 48rem)').matches) $('#filters-box').open = false;
render();
