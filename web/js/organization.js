// An organization's page: its names, letters per year, co-signers, recipients, the co-signer network (drawn
// with cytoscape.js) and its latest letters. Every name from the archive is set as text, never as HTML.
import { $, el, getJson, dateLabel, plural, languageLabel } from './dom.js';

const page = new URLSearchParams(location.search);
const key = page.get('key') || '';
let profile = null;
let graph = null;

async function load() {
  if (!key.trim()) return fail('This address does not name an organization.', []);
  const { ok, body } = await getJson('/api/organizations/' + encodeURIComponent(key) + '?top=15&latest=10');
  if (!ok) return fail(body.error, body.closest || []);
  profile = body;
  if (profile.key !== key) history.replaceState(null, '', '?key=' + encodeURIComponent(profile.key));
  show();
  network();
}

function fail(message, closest) {
  $('#org').removeAttribute('aria-busy');
  const box = $('#error');
  box.hidden = false;
  box.replaceChildren(el('h1', { text: 'Organization not found' }), el('p', { text: message || 'The organization could not be loaded.' }));
  if (closest.length) {
    box.append(el('p', { text: 'Did you mean:' }), el('ul', {}, closest.map((c) => el('li', {}, orgLink(c.key, c.label), ` (${plural(c.letters, 'letter')})`))));
  }
}

const orgHref = (k) => '/organization.html?key=' + encodeURIComponent(k);
const orgLink = (k, label) => el('a', { href: orgHref(k), class: 'org-link', text: label || k });

function show() {
  const p = profile;
  document.title = `${p.label} — Letter Archive`;
  const article = $('#org');
  article.removeAttribute('aria-busy');
  const feed = '/api/organizations/' + encodeURIComponent(p.key) + '/letters.atom';
  let alt = document.querySelector('link[rel="alternate"]');
  if (!alt) { alt = el('link', { rel: 'alternate', type: 'application/atom+xml', title: `Letters signed by ${p.label}` }); document.head.append(alt); }
  alt.href = feed;
  const names = [...new Set([...(p.acronyms || []), ...(p.spellings || []).map((s) => s.value)])].filter((n) => n !== p.label);
  const head = el('header', { class: 'org-head' },
    el('h1', { id: 'org-title', text: p.label }),
    names.length ? el('p', { class: 'muted', id: 'org-names' }, 'Also written ', names.slice(0, 8).join(' · ')) : null,
    el('p', { class: 'org-stats' },
      el('strong', { id: 'org-letters', text: plural(p.letters, 'letter') }),
      p.firstDate ? ` · ${dateLabel(p.firstDate)} to ${dateLabel(p.lastDate)}` : ' · undated'),
    el('p', { class: 'org-actions' },
      el('a', { href: '/?signer=' + encodeURIComponent(p.key), id: 'org-search', text: 'Search its letters' }),
      el('a', { href: feed, id: 'org-feed', type: 'application/atom+xml', text: 'Subscribe (Atom feed)' })));

  const years = section('timeline', 'Letters per year', timeline(p.years || []));
  const cos = section('cosigners', 'Signs most often with', table(['Organization', 'Letters together', 'Share of its letters'],
    (p.coSigners || []).map((c) => [orgLink(c.key || c.value, c.label), String(c.count), `${Math.round((c.share || 0) * 100)}%`]),
    'No other organization signed its letters.'));
  const rec = section('recipients', 'Writes to', table(['Recipient', 'Letters'], (p.recipients || []).map((r) => [r.label, String(r.count)]), 'No recipient recognized.'),
    (p.recipientRoles || []).length ? el('h3', { text: 'Roles' }) : null,
    (p.recipientRoles || []).length ? table(['Role', 'Letters'], p.recipientRoles.map((r) => [r.label, String(r.count)])) : null);
  const facts = section('facts', 'Names, places, people', el('dl', { class: 'org-facts' },
    fact('Spellings', (p.spellings || []).map((s) => `${s.value} (${s.count})`)),
    fact('Acronyms', p.acronyms || []),
    fact('Aliases in the organization table', p.aliases || []),
    fact('Languages', (p.languages || []).map((l) => `${languageLabel(l.value)} (${l.count})`)),
    fact('Locations given', (p.locations || []).map((l) => `${l.value} (${l.count})`)),
    fact('People who signed for it', (p.people || []).map((l) => `${l.value} (${l.count})`))));

  const net = section('network', 'Co-signer network',
    el('form', { class: 'network-controls', id: 'network-form' },
      el('label', { for: 'net-min', text: 'At least' }), el('input', { id: 'net-min', type: 'number', min: '1', value: '2', class: 'narrow' }),
      el('span', { text: 'letters together, from' }), el('input', { id: 'net-from', type: 'text', placeholder: 'YYYY', class: 'narrow', inputmode: 'numeric' }),
      el('label', { for: 'net-to', text: 'to' }), el('input', { id: 'net-to', type: 'text', placeholder: 'YYYY', class: 'narrow', inputmode: 'numeric' }),
      el('button', { type: 'submit', class: 'secondary', text: 'Draw' })),
    el('p', { id: 'network-status', class: 'muted', role: 'status' }),
    el('div', { id: 'network-graph', class: 'network-graph', role: 'img', 'aria-label': `Co-signer network of ${p.label}` }),
    el('p', { class: 'hint', text: 'Circle size: letters signed; line width: letters signed together. Select an organization to open its page.' }),
    el('p', { class: 'downloads', id: 'network-downloads' }));

  const latest = section('latest', 'Latest letters', el('ol', { class: 'latest' }, (p.latest || []).map((h) => el('li', {},
    el('a', { href: '/letter.html?id=' + encodeURIComponent(h.id), text: h.title && h.title.trim() ? h.title.trim() : '(untitled letter)' }),
    el('span', { class: 'meta', text: ` ${dateLabel(h.date)} · ${plural(h.signerCount, 'signer')}` })))),
    el('p', {}, el('a', { href: '/?signer=' + encodeURIComponent(p.key), text: `All ${plural(p.letters, 'letter')} →` })));

  article.replaceChildren(head, el('div', { class: 'org-grid' }, years, net, cos, rec, facts, latest));
  $('#network-form').addEventListener('submit', (e) => { e.preventDefault(); network(); });
}

function section(id, title, ...children) {
  return el('section', { class: 'org-section', id: `org-${id}`, 'aria-labelledby': `org-${id}-title` },
    el('h2', { id: `org-${id}-title`, text: title }), ...children);
}

function fact(term, values) {
  if (!values.length) return null;
  return el('div', {}, el('dt', { text: term }), el('dd', { text: values.join(' · ') }));
}

function table(cols, rows, empty) {
  if (!rows.length) return el('p', { class: 'muted', text: empty || 'None.' });
  return el('table', { class: 'org-table' },
    el('thead', {}, el('tr', {}, cols.map((c) => el('th', { scope: 'col', text: c })))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c, i) => el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : { class: 'num' }, c))))));
}

/** One bar per year from the first to the last, empty years included; each links to that year's letters. */
function timeline(years) {
  if (!years.length) return el('p', { class: 'muted', text: 'None of its letters is dated.' });
  const counts = new Map(years.map((y) => [Number(y.value), y.count]));
  const first = Math.min(...counts.keys()), last = Math.max(...counts.keys());
  const max = Math.max(...counts.values());
  const bars = [];
  for (let y = first; y <= last; y++) {
    const n = counts.get(y) || 0;
    const bar = el('span', { class: 'bar-fill' });
    bar.style.height = `${Math.max(n ? 4 : 0, Math.round((n / max) * 100))}%`;
    bars.push(el('a', { class: 'year-bar' + (n ? '' : ' empty'), href: `/?signer=${encodeURIComponent(profile.key)}&year=${y}`,
      'aria-label': `${y}: ${plural(n, 'letter')}`, title: `${y}: ${plural(n, 'letter')}` },
      el('span', { class: 'bar-count', text: n ? String(n) : '' }), el('span', { class: 'bar-track' }, bar), el('span', { class: 'bar-year', text: String(y) })));
  }
  return el('div', { class: 'timeline', id: 'timeline', role: 'group', 'aria-label': 'Letters per year' }, bars);
}

async function network() {
  const q = new URLSearchParams();
  q.set('min', $('#net-min').value || '2');
  if ($('#net-from').value.trim()) q.set('from', $('#net-from').value.trim());
  if ($('#net-to').value.trim()) q.set('to', $('#net-to').value.trim());
  q.set('limit', '25');
  const base = '/api/organizations/' + encodeURIComponent(profile.key) + '/network?' + q.toString();
  $('#network-status').textContent = 'Counting co-signers…';
  const { ok, body } = await getJson(base);
  if (!ok) { $('#network-status').textContent = body.error; return; }
  const n = body;
  $('#network-status').textContent = n.nodes.length > 1
    ? `${plural(n.nodes.length - 1, 'co-signer')} with at least ${q.get('min')} letters together, ${plural(n.edges.length, 'link')}, over ${plural(n.letters, 'letter')}.`
    : 'No organization co-signed that many of its letters; lower the minimum.';
  $('#network-downloads').replaceChildren('Download: ',
    el('a', { href: base + '&format=gexf', download: '', text: 'GEXF (Gephi)' }), ' · ',
    el('a', { href: base + '&format=graphml', download: '', text: 'GraphML (Cytoscape)' }), ' · ',
    el('a', { href: base + '&format=csv', download: '', text: 'CSV edge list' }));
  draw(n);
}

/** Letters an organization co-signed with the centre of the network. */
function weightTo(n, id) {
  const e = n.edges.find((x) => (x.source === n.center && x.target === id) || (x.target === n.center && x.source === id));
  return e ? e.weight : 0;
}

function draw(n) {
  const container = $('#network-graph');
  if (graph) { graph.destroy(); graph = null; }
  if (typeof window.cytoscape !== 'function') { container.textContent = 'The network drawing library did not load.'; return; }
  const maxLetters = Math.max(1, ...n.nodes.map((x) => x.letters));
  const maxWeight = Math.max(1, ...n.edges.map((e) => e.weight));
  const elements = [
    ...n.nodes.map((x) => ({ data: { id: x.id, label: x.label, letters: x.letters, size: 18 + 42 * Math.sqrt(x.letters / maxLetters) }, classes: x.id === n.center ? 'center' : '' })),
    ...n.edges.map((e) => ({ data: { id: `${e.source}\u0001${e.target}`, source: e.source, target: e.target, weight: e.weight, width: 1 + 7 * (e.weight / maxWeight) } })),
  ];
  graph = window.cytoscape({
    container,
    elements,
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: { 'background-color': '#3a6ea5', width: 'data(size)', height: 'data(size)', label: 'data(label)', 'font-size': 13, color: '#1b1b1b', 'text-wrap': 'ellipsis', 'text-max-width': 110, 'min-zoomed-font-size': 7, 'text-valign': 'bottom', 'text-margin-y': 3, 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
      { selector: 'node.center', style: { 'background-color': '#c25400', 'font-weight': 'bold' } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': '#9fb3c8', opacity: 0.45, 'curve-style': 'haystack' } },
      { selector: 'node:active, node.hover', style: { 'z-index': 10, 'text-max-width': 400 } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#083d6e' } },
    ],
    // the organization in the middle, its co-signers on rings: the more letters together, the closer
    layout: { name: 'concentric', animate: false, padding: 30, minNodeSpacing: 28, avoidOverlap: true,
      concentric: (node) => (node.id() === n.center ? 1e9 : weightTo(n, node.id())), levelWidth: () => Math.max(1, maxWeight / 3) },
  });
  graph.on('tap', 'node', (e) => { if (e.target.id() !== n.center) location.href = orgHref(e.target.id()); });
  // the same neighbours as links, for keyboards and screen readers
  const list = el('ul', { class: 'neighbours', id: 'neighbours' }, n.nodes.filter((x) => x.id !== n.center)
    .map((x) => el('li', {}, orgLink(x.id, x.label), ` (${plural(x.letters, 'letter')})`)));
  const old = $('#neighbours');
  if (old) old.replaceWith(list); else container.after(el('details', { class: 'neighbour-list' }, el('summary', { text: 'The organizations in the network, as a list' }), list));
}

load();
