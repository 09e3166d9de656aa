// @ts-check
/**
 * The sandbox EHR's "Book a procedure" page: the clinician picks a type, date and time; the page asks the CDS
 * service (appointment-book) before anything is stored, shows its cards as EHRs do (indicator colour, summary,
 * detail, source, the SMART link "Open LMWH Monitor"), and stores the booking only when the clinician confirms.
 */
import { esc, page } from './pages.mjs';

/** The procedures this page can book, with the SNOMED CT code the app's event reader recognises. */
export const PROCEDURE_TYPES = [
  { value: 'caesarean', label: 'Elective caesarean section', code: '177141003', display: 'Elective cesarean section' },
  { value: 'induction', label: 'Induction of labour', code: '236958009', display: 'Induction of labour' },
  { value: 'surgery', label: 'Laparoscopy (surgery)', code: '73632009', display: 'Laparoscopy' },
  { value: 'retrieval', label: 'Oocyte retrieval', code: '177037000', display: 'Oocyte retrieval' },
];

/**
 * @param {{ patient: { id: string, name: string }, zone: string, nowMs: number }} args
 */
export function bookingPage({ patient, zone, nowMs }) {
  const options = PROCEDURE_TYPES.map((t) => `<option value="${esc(t.value)}">${esc(t.label)}</option>`).join('');
  const config = JSON.stringify({ patient: patient.id }).replace(/</g, '\\u003c');
  return page(
    `Book a procedure: ${patient.name}`,
    `<main>
<p><a href="/">Back to the patient list</a>. Times are in ${esc(zone)}; sandbox clock ${esc(new Date(nowMs).toISOString())}.</p>
<form id="booking" novalidate>
<fieldset>
<legend>Procedure</legend>
<div><label for="type">Type</label> <select id="type" name="type">${options}</select></div>
<div><label for="date">Date</label> <input id="date" name="date" type="date" required></div>
<div><label for="time">Time</label> <input id="time" name="time" type="time" value="08:30"></div>
<div class="booking-actions"><button type="submit">Check and book</button></div>
</fieldset>
</form>
<section aria-labelledby="cds-heading">
<h2 id="cds-heading">Decision support</h2>
<p id="cds-status" role="status">Not checked yet.</p>
<div id="cds-cards" class="cds-cards"></div>
<div class="booking-actions" id="confirm-actions" hidden>
<button type="button" id="confirm">Confirm booking</button>
<button type="button" id="cancel">Cancel</button>
</div>
</section>
</main>
<script>
(() => {
  const cfg = ${config};
  const form = document.getElementById('booking');
  const status = document.getElementById('cds-status');
  const cardsBox = document.getElementById('cds-cards');
  const actions = document.getElementById('confirm-actions');
  let pending = null;
  const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const md = (s) => esc(s).replace(/\\*\\*([^*]+)\\*\\*/g, '<strong>$1</strong>');
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
</script>`,
  );
}
