// The upload page: drop or choose files, one request per file with its own progress bar, then per file
// what the archive made of it. File names and server messages are shown as text only.
import { $, el, getJson, token } from './dom.js';

const queue = [];

// the hint names the server's own limit per file
getJson('/api/health').then((r) => {
  const max = r.ok && r.body ? Number(r.body.maxFileBytes) : NaN;
  if (Number.isFinite(max) && max > 0) $('#files-hint').textContent = `Up to ${sizeLabel(max)} per file.`;
});
let running = false;
let counter = 0;

function showToken() {
  const known = !!token.get();
  $('#token-field').hidden = known;
  $('#token-known').hidden = !known;
}

$('#token-forget').addEventListener('click', () => {
  token.set('');
  showToken();
  $('#token').focus();
});

$('#files').addEventListener('change', () => {
  add([...$('#files').files]);
  $('#files').value = '';
});

const drop = $('#drop');
['dragenter', 'dragover'].forEach((t) => drop.addEventListener(t, (e) => {
  e.preventDefault();
  e.dataTransfer.dropEffect = 'copy';
  drop.classList.add('over');
}));
['dragleave', 'drop'].forEach((t) => drop.addEventListener(t, () => drop.classList.remove('over')));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  add([...(e.dataTransfer.files || [])]);
});
// dropping a file next to the zone must not navigate away to it
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());

function add(files) {
  if (!files.length) return;
  const typed = $('#token').value.trim();
  if (typed) { token.set(typed); $('#token').value = ''; }
  if (!token.get()) {
    $('#upload-status').textContent = 'Enter the upload token first, then choose the files again.';
    $('#upload-status').className = 'upload-status error';
    showToken();
    $('#token').focus();
    return;
  }
  showToken();
  for (const file of files) {
    const n = ++counter;
    const progress = el('progress', { max: '100', value: '0', id: `progress-${n}`, 'aria-label': `Upload of ${file.name}` });
    const result = el('div', { class: 'result', id: `result-${n}` }, el('span', { class: 'muted', text: 'Waiting…' }));
    const item = el('li', { class: 'upload', 'data-state': 'waiting' },
      el('p', { class: 'file' }, el('span', { class: 'file-name', text: file.name }), el('span', { class: 'muted', text: ` ${sizeLabel(file.size)}` })),
      progress, result);
    $('#uploads').append(item);
    queue.push({ file, item, progress, result });
  }
  $('#upload-status').className = 'upload-status';
  $('#upload-status').textContent = `${files.length === 1 ? '1 file' : files.length + ' files'} queued.`;
  pump();
}

async function pump() {
  if (running) return;
  running = true;
  let done = 0;
  while (queue.length) {
    const job = queue.shift();
    await send(job);
    done++;
  }
  running = false;
  $('#upload-status').textContent = `${done === 1 ? 'The file has' : 'All ' + done + ' files have'} been sent; each shows its result below (a scan, its pages as they are read).`;
}

function send({ file, item, progress, result }) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.open('POST', '/api/letters');
    xhr.setRequestHeader('Authorization', 'Bearer ' + token.get());
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.responseType = 'text';
    item.dataset.state = 'sending';
    result.replaceChildren(el('span', { class: 'muted', text: 'Sending…' }));
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100);
    });
    xhr.upload.addEventListener('load', () => {
      progress.value = 100;
      result.replaceChildren(el('span', { class: 'muted', text: 'Reading the letter…' }));
    });
    xhr.addEventListener('load', () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      progress.value = 100;
      showResult(xhr.status, body, item, result);
      resolve();
    });
    xhr.addEventListener('error', () => {
      item.dataset.state = 'error';
      result.replaceChildren(el('p', { class: 'error', text: 'The archive could not be reached. Check the connection and try again.' }));
      resolve();
    });
    xhr.send(form);
  });
}

function showResult(status, body, item, result) {
  if (status === 401 || status === 403) {
    token.set('');
    showToken();
    item.dataset.state = 'error';
    result.replaceChildren(el('p', { class: 'error', text: 'The upload token was not accepted. Enter a valid token and choose the file again.' }));
    return;
  }
  if (status === 202 && body && !Array.isArray(body)) {
    // a scan: stored, read with OCR in the background; follow its job until the letter is searchable
    follow(body, item, result);
    return;
  }
  if (status >= 200 && status < 300 && body) {
    const entries = Array.isArray(body) ? body : Array.isArray(body.results) ? body.results : [body];
    item.dataset.state = entries.some((e) => isError(e)) ? 'partial' : 'done';
    if (entries.length === 1 && !Array.isArray(body) && !body.results) {
      result.replaceChildren(outcome(entries[0], status));
    } else {
      result.replaceChildren(el('p', { text: `${entries.length} letter${entries.length === 1 ? '' : 's'} in this file:` }),
        el('ul', { class: 'entries' }, entries.map((e) => {
          const li = el('li', {}, e && (e.file || e.name) ? el('span', { class: 'file-name', text: `${e.file || e.name}: ` }) : null);
          if (e && Number(e.status) === 202 && e.job) {
            const slot = el('span', {});
            li.append(slot);
            follow({ id: e.id, url: e.job, state: e.state, pagesDone: e.pagesDone, pagesTotal: e.pagesTotal }, null, slot);
          } else li.append(outcome(e, e && e.status));
          return li;
        })));
    }
    return;
  }
  item.dataset.state = 'error';
  result.replaceChildren(el('p', { class: 'error', text: errorText(status, body) }));
}

/** Shows an OCR job's progress (pages read of pages) until its letter is stored and searchable, or it fails. */
function follow(job, item, result) {
  // a file's own bar, full once it is sent, goes on to count the pages read (one bar per file, never a full
  // upload bar above an unfinished job); an entry of a ZIP gets a bar of its own
  const own = item ? item.querySelector('progress') : null;
  const bar = own || el('progress', {});
  bar.max = Math.max(1, job.pagesTotal || 1);
  bar.value = job.pagesDone || 0;
  bar.classList.add('ocr-progress');
  bar.setAttribute('aria-label', 'Pages read with OCR');
  const label = el('span', { class: 'muted ocr-label' });
  const cancel = el('button', { type: 'button', class: 'link-button', text: 'Cancel' });
  const box = el('div', { class: 'ocr-job', 'data-job': job.id }, el('p', { class: 'ocr-line' }, label, ' ', cancel), own ? null : bar);
  result.replaceChildren(box);
  if (item) item.dataset.state = 'ocr';
  let stopped = false;
  cancel.addEventListener('click', async () => {
    cancel.disabled = true;
    const r = await fetch(job.url, { method: 'DELETE', headers: { Authorization: 'Bearer ' + token.get(), Accept: 'application/json' } });
    if (!r.ok) cancel.disabled = false;
  });
  const show = (j) => {
    const total = Math.max(1, j.pagesTotal || 1);
    bar.max = total;
    bar.value = Math.min(total, j.pagesDone || 0);
    const pages = `${j.pagesDone || 0} of ${j.pagesTotal || '?'} page${j.pagesTotal === 1 ? '' : 's'}`;
    if (j.state === 'queued') label.textContent = `Scanned letter: waiting to be read with OCR (${j.pagesTotal || '?'} page${j.pagesTotal === 1 ? '' : 's'})…`;
    else if (j.state === 'running') label.textContent = `Reading the scan with OCR: ${pages}…`;
    else if (j.state === 'done') {
      stopped = true;
      if (item) item.dataset.state = 'done';
      const link = el('a', { href: '/letter.html?id=' + encodeURIComponent(j.letterId), text: j.file || 'the letter' });
      result.replaceChildren(el('span', { class: j.status === 200 ? 'duplicate' : 'created' },
        el('strong', { text: j.status === 200 ? 'Already in the archive: ' : 'Added (read with OCR, now searchable): ' }), link));
      // named by its title, as a letter added at once is
      getJson('/api/letters/' + encodeURIComponent(j.letterId)).then((r) => {
        const title = r.ok && r.body && r.body.title ? String(r.body.title).trim() : '';
        if (title) link.textContent = title.length > 120 ? title.slice(0, 119) + '…' : title;
      });
    } else if (j.state === 'cancelled') {
      stopped = true;
      if (item) item.dataset.state = 'error';
      result.replaceChildren(el('p', { class: 'error', text: 'Cancelled: the scan was not added.' }));
    } else if (j.state === 'failed') {
      stopped = true;
      if (item) item.dataset.state = 'error';
      result.replaceChildren(el('p', { class: 'error', text: errorText(Number(j.status) || 500, j) }));
    }
  };
  show(job);
  const poll = async () => {
    if (stopped) return;
    const r = await getJson(job.url);
    if (r.ok && r.body) show(r.body);
    if (!stopped) setTimeout(poll, 1000);
  };
  setTimeout(poll, 500);
}

function isError(e) {
  return !e || (e.status && Number(e.status) >= 400) || (e.error && !e.id);
}

function outcome(e, status) {
  if (isError(e)) return el('span', { class: 'error', text: errorText(Number(e && e.status) || status, e) });
  const letter = e.letter && e.letter.id ? e.letter : e;
  const title = letter.title && String(letter.title).trim() ? String(letter.title).trim() : '(untitled letter)';
  const link = el('a', { href: '/letter.html?id=' + encodeURIComponent(letter.id), text: title.length > 120 ? title.slice(0, 119) + '…' : title });
  if (e.duplicate || status === 200 || e.outcome === 'duplicate') {
    return el('span', { class: 'duplicate' }, el('strong', { text: 'Already in the archive: ' }), link);
  }
  return el('span', { class: 'created' }, el('strong', { text: 'Added: ' }), link);
}

function errorText(status, body) {
  const detail = body && typeof body.error === 'string' ? body.error : '';
  switch (status) {
    case 400: return `The upload was refused: ${detail || 'the request was not understood.'}`;
    case 404: case 405: return 'This archive does not accept uploads yet.';
    case 409: return `This letter was deleted from the archive${detail ? ` (${detail})` : ''}.`;
    case 413: return `The file is too large for the archive${detail ? ` (${detail})` : ''}.`;
    case 415: return `This kind of file cannot be read as a letter${detail ? ` (${detail})` : ''}.`;
    case 422: return `No letter could be read from this file${detail ? `: ${detail}` : ''}.`;
    case 503: return 'The archive is busy. Try again in a minute.';
    case 0: return 'The archive could not be reached.';
    default: return `The upload failed (${status})${detail ? `: ${detail}` : ''}.`;
  }
}

function sizeLabel(n) {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

showToken();
