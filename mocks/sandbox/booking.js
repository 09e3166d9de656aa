// The booking page's script (served at /ehr/book.js): a file, not inline, so the page's Content-Security-Policy
// allows scripts from 'self' only. The patient comes from the form's data-patient attribute.
/* global document, window */
(() => {
  const cfg = { patient: document.getElementById('booking').dataset.patient };
  const form = document.getElementById('booking');
  const status = document.getElementById('cds-status');
  const cardsBox = document.getElementById('cds-cards');
  const actions = document.getElementById('confirm-actions');
  let pending = null;
  const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const md = (s) => esc(s).replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  const formData = () => ({ patient: cfg.patient, type: form.type.value, date: form.date.value, time: form.time.value });
  const post = async (path, body, headers = {}) => {
    const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(json.error || ('HTTP ' + res.status));
    return json;
  };
  async function launch(link) {
    const r = await post('/ehr/cds/launch', { patient: cfg.patient, url: link.url, appContext: link.appContext });
    window.location.assign(r.location);
  }
  function render(cards) {
    cardsBox.textContent = '';
    for (const c of cards) {
      const el = document.createElement('article');
      el.className = 'cds-card cds-card--' + (['info', 'warning', 'critical'].includes(c.indicator) ? c.indicator : 'info');
      el.setAttribute('aria-label', c.indicator + ': ' + c.summary);
      el.dataset.uuid = c.uuid || '';
      el.innerHTML = '<p class="cds-card__indicator">' + esc(c.indicator) + '</p><h3 class="cds-card__summary">' + esc(c.summary) + '</h3>' +
        (c.detail ? '<div class="cds-card__detail">' + md(c.detail) + '</div>' : '') +
        '<p class="cds-card__source">Source: ' + esc(c.source && c.source.label) + '</p>';
      for (const l of c.links || []) {
        const a = document.createElement('a');
        a.href = l.url;
        a.className = 'button';
        a.textContent = l.label;
        a.addEventListener('click', (e) => {
          if (l.type !== 'smart') return;
          e.preventDefault();
          launch(l).catch((err) => { status.textContent = 'The app could not be launched: ' + err.message; });
        });
        el.appendChild(a);
      }
      cardsBox.appendChild(el);
    }
  }
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    actions.hidden = true;
    cardsBox.textContent = '';
    if (!form.date.value) { status.textContent = 'Choose a date.'; return; }
    status.textContent = 'Asking the CDS service…';
    try {
      const prep = await post('/ehr/cds/prepare', formData());
      const answer = await post(prep.url, prep.request, { authorization: prep.authorization });
      pending = { ...formData(), id: prep.appointment.id };
      const n = (answer.cards || []).length;
      status.textContent = n === 0 ? 'The CDS service returned no cards for this booking.' : 'The CDS service returned ' + n + ' card' + (n > 1 ? 's' : '') + '.';
      render(answer.cards || []);
      actions.hidden = false;
    } catch (err) {
      status.textContent = 'The CDS service could not be asked: ' + err.message;
    }
  });
  document.getElementById('confirm').addEventListener('click', async () => {
    if (!pending) return;
    try {
      await post('/ehr/cds/book', pending);
      status.textContent = 'Booked.';
      actions.hidden = true;
      pending = null;
    } catch (err) {
      status.textContent = 'Not booked: ' + err.message;
    }
  });
  document.getElementById('cancel').addEventListener('click', () => {
    pending = null;
    actions.hidden = true;
    cardsBox.textContent = '';
    status.textContent = 'Cancelled: nothing was booked.';
  });
})();
