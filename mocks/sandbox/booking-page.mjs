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

/** The page's script (`booking.js` beside this file), served by the sandbox at this path. */
export const BOOKING_SCRIPT_PATH = '/ehr/book.js';

/**
 * The page's own policy: its script and styles from the sandbox only, requests to the sandbox (its CDS client
 * routes and the CDS service at `serviceOrigin`), framed by nothing but the sandbox.
 * @param {string} serviceOrigin
 */
export const bookingPageCsp = (serviceOrigin) =>
  `default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' ${serviceOrigin}; img-src data:; form-action 'self'; frame-ancestors 'self'; base-uri 'none'`;

/**
 * @param {{ patient: { id: string, name: string }, zone: string, nowMs: number }} args
 */
export function bookingPage({ patient, zone, nowMs }) {
  const options = PROCEDURE_TYPES.map((t) => `<option value="${esc(t.value)}">${esc(t.label)}</option>`).join('');
  return page(
    `Book a procedure: ${patient.name}`,
    `<main>
<p><a href="/">Back to the patient list</a>. Times are in ${esc(zone)}; sandbox clock ${esc(new Date(nowMs).toISOString())}.</p>
<form id="booking" novalidate data-patient="${esc(patient.id)}">
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
<script src="${BOOKING_SCRIPT_PATH}"></script>`,
  );
}
