// Letter Archive: search page and letter view. Text from letters is only ever set as textContent;
// the only HTML inserted is the server's snippets, which are escaped server-side except for <mark>.
const $ = (sel) => document.querySelector(sel);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

/** A snippet from the server: escaped text with <mark> around matches; rebuilt as DOM nodes. */
function snippet(html) {
  const p = el('p', { class: 'snippet' });
  const parts = html.split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === '<mark>') { marked = true; continue; }
    if (part === '</mark>') { marked = false; continue; }
    const text = new DOMParser().parseFromString(part, 'text/html').documentElement.textContent;
    p.append(marked ? el('mark', { text }) : document.createTextNode(text));
  }
  return p;
}

const FACET_NAMES = { signer: 'Signer organization', recipient: 'Recipient', year: 'Year', language: 'Language',
  format: 'Format', signers: 'Number of signers', signerKind: 'Signer kind', recipientRole: 'Recipient role' };

async function runSearch() {
  const params = new URLSearchParams(location.search);
  $('#q').value = params.get('q') || '';
  const res = await fetch('/api/search?' + params.toString());
  const body = await res.json();
  const results = $('#results');
  results.replaceChildren();
  if (!res.ok) { results.append(el('p', { class: 'error', text: body.error })); return; }
  results.append(el('p', { text: `${body.total} letter${body.total === 1 ? '' : 's'}` }));
  for (const hit of body.hits) {
    const link = el('a', { href: `/letter.html?id=${encodeURIComponent(hit.id)}`, text: hit.title || '(untitled)' });
    const recips = (hit.recipients || []).map((r) => r.name || r.role).join('; ');
    const div = el('article', { class: 'hit' }, el('h2', {}, link),
      el('div', { class: 'meta', text: `${hit.date || 'undated'} · ${hit.signerCount} signers${recips ? ' · to ' + recips : ''}` }));
    for (const s of hit.snippets || []) div.append(snippet(s));
    results.append(div);
  }
  const facets = $('#facets');
  facets.replaceChildren();
  for (const [name, values] of Object.entries(body.facets || {})) {
    if (!values.length) continue;
    const selected = params.getAll(name);
    const ul = el('ul');
    for (const v of values) {
      const id = `f-${name}-${v.value}`.replace(/[^\w-]/g, '_');
      const box = el('input', { type: 'checkbox', id });
      box.checked = selected.includes(v.value);
      box.addEventListener('change', () => {
        const p = new URLSearchParams(location.search);
        const now = p.getAll(name).filter((x) => x !== v.value);
        p.delete(name);
        if (box.checked) now.push(v.value);
        now.forEach((x) => p.append(name, x));
        p.delete('page');
        history.pushState(null, '', '?' + p.toString());
        runSearch();
      });
      ul.append(el('li', {}, el('label', { for: id }, box, el('span', { text: v.label }), el('span', { class: 'count', text: String(v.count) }))));
    }
    facets.append(el('section', { class: 'facet' }, el('h2', { text: FACET_NAMES[name] || name }), ul));
  }
}

async function showLetter() {
  const id = new URLSearchParams(location.search).get('id');
  const res = await fetch('/api/letters/' + encodeURIComponent(id));
  const body = await res.json();
  const main = $('#letter');
  if (!res.ok) { main.append(el('p', { class: 'error', text: body.error })); return; }
  document.title = (body.title || 'Letter') + ' — Letter Archive';
  main.append(el('h2', { text: body.title || '(untitled)' }),
    el('p', { class: 'meta', text: `${body.date || 'undated'} · ${body.language || ''} · ${body.format}` }),
    el('p', {}, el('a', { href: body.fileUrl, text: 'Download the original' })));
  const rec = el('ul');
  for (const r of body.recipients) rec.append(el('li', { text: [r.name, r.role].filter(Boolean).join(', ') }));
  const sig = el('ul');
  for (const s of body.signers) {
    const label = s.name + (s.acronym ? ` (${s.acronym})` : '') + (s.location ? ` — ${s.location}` : '');
    const li = el('li');
    if (s.organization) li.append(el('a', { href: '/?signer=' + encodeURIComponent(s.organization), text: label }));
    else li.textContent = label;
    sig.append(li);
  }
  main.append(el('h3', { text: `Recipients (${body.recipients.length})` }), rec,
    el('h3', { text: `Signers (${body.signerCount})` }), sig,
    el('h3', { text: 'Text' }), el('div', { class: 'letter-text', text: body.text }));
}

if ($('#letter')) {
  showLetter();
} else {
  $('#search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    if ($('#q').value.trim()) p.set('q', $('#q').value.trim());
    history.pushState(null, '', '?' + p.toString());
    runSearch();
  });
  window.addEventListener('popstate', runSearch);
  runSearch();
}
