// @ts-check
/** Server-rendered HTML pages of the local sandbox EHR (plain, accessible, no scripts). */
import { FAULT_SYNTAX } from './faults.mjs';

/** @param {unknown} s */
export function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * The pages' stylesheet, served at this path (before the data is loaded too): the pages' Content-Security-Policy
 * has `style-src 'self'`, no inline styles.
 */
export const PAGE_STYLESHEET_PATH = '/sandbox.css';

/**
 * @param {string} title
 * @param {string} body
 * @param {string} [head] extra head elements
 */
export function page(title, body, head = '') {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${esc(title)}</title>${head}
<link rel="stylesheet" href="${PAGE_STYLESHEET_PATH}">
</head>
<body>
<header class="ehr"><p>Sandbox EHR (local, test data only)</p><h1>${esc(title)}</h1></header>
${body}
</body>
</html>`;
}

/**
 * Completed years between a FHIR date and an instant.
 * @param {string | undefined} birthDate
 * @param {number} nowMs
 * @returns {number | null}
 */
export function ageAt(birthDate, nowMs) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(birthDate ?? '');
  if (!m) return null;
  const now = new Date(nowMs);
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : 1;
  const d = m[3] ? Number(m[3]) : 1;
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < mo || (now.getUTCMonth() + 1 === mo && now.getUTCDate() < d)) age--;
  return age >= 0 ? age : null;
}

/**
 * @typedef {{ id: string, name: string, birthDate?: string, scenario: string }} PatientRow
 */

/**
 * The EHR's patient list.
 * @param {{ patients: PatientRow[], nowMs: number, origin: string, problems: string[], cohortHtml?: string }} args
 */
export function ehrHomePage({ patients, nowMs, origin, problems, cohortHtml = '' }) {
  const rows = patients
    .map((p) => {
      const age = ageAt(p.birthDate, nowMs);
      return `<tr>
<th scope="row">${esc(p.name)}</th>
<td>${p.birthDate ? esc(p.birthDate) : 'unknown'}</td>
<td>${age === null ? 'unknown' : `${age} years`}</td>
<td>${esc(p.scenario)}</td>
<td><button type="submit" name="patient" value="${esc(p.id)}">Launch LMWH Monitor<span class="sr-only"> for ${esc(p.name)}</span></button></td>
<td><a class="button" href="/ehr/book?patient=${encodeURIComponent(p.id)}">Book a procedure<span class="sr-only"> for ${esc(p.name)}</span></a></td>
</tr>`;
    })
    .join('\n');
  const standalone = `/app/launch/?iss=${encodeURIComponent(`${origin}/fhir`)}`;
  return page(
    'Patients',
    `<main>
<p>Clock of this sandbox: <strong>${esc(new Date(nowMs).toISOString())}</strong>. FHIR base: <code>${esc(origin)}/fhir</code>.</p>
<form method="get" action="/launch">
<fieldset>
<legend>Launch options</legend>
<div><label for="token_lifetime">Access-token lifetime</label>
<select id="token_lifetime" name="token_lifetime"><option value="3600" selected>3600 s (1 hour)</option><option value="60">60 s (test expiry and refresh)</option></select></div>
<div><label for="grant">Granted scopes</label>
<select id="grant" name="grant"><option value="full" selected>Full (everything asked)</option><option value="trimmed">Trimmed (no Appointment, ServiceRequest, MedicationDispense, no refresh)</option><option value="v1">SMART v1 only (.read scopes)</option></select></div>
<div><label for="fault">Fault to inject (optional)</label>
<input id="fault" name="fault" list="fault-examples" aria-describedby="fault-help">
<datalist id="fault-examples"><option value="429"></option><option value="403-Encounter"></option><option value="500-page-2"></option><option value="expire-after-20"></option><option value="slow-1000"></option><option value="hang-Encounter"></option></datalist>
<small id="fault-help">${esc(FAULT_SYNTAX)}; several with commas</small></div>
<div><input type="checkbox" id="write" name="write" value="1"> <label for="write">Grant write scopes if the app asks (write=1)</label></div>
<div><input type="checkbox" id="iframe" name="iframe" value="1"> <label for="iframe">Open the app inside the EHR (iframe)</label></div>
<div><input type="checkbox" id="need_patient_banner" name="need_patient_banner" value="false"> <label for="need_patient_banner">Hide the app's patient banner (need_patient_banner=false)</label></div>
</fieldset>
<p><button type="submit" name="worklist" value="1">Launch worklist</button> (provider launch as the sandbox clinician, no patient in context)</p>
<h2>Patients (${patients.length})</h2>
${
  patients.length === 0
    ? '<p>No patients are loaded. Add FHIR files with <code>SANDBOX_DATA</code>.</p>'
    : `<table>
<caption class="sr-only">Patients in this sandbox EHR</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Birth date</th><th scope="col">Age</th><th scope="col">Scenario</th><th scope="col">EHR launch</th><th scope="col">Scheduling</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
}
${cohortHtml}
</form>
<h2>Standalone launch</h2>
<p><a href="${esc(standalone)}">Standalone launch of LMWH Monitor</a> (you pick the patient at the sandbox's sign-in step).</p>
${
  problems.length > 0
    ? `<h2>Data load problems (${problems.length})</h2><ul>${problems.slice(0, 200).map((p) => `<li>${esc(p)}</li>`).join('')}</ul>`
    : ''
}
</main>`,
  );
}

/**
 * The EHR page that embeds the app in an iframe.
 * @param {{ patient: PatientRow, nowMs: number, src: string }} args
 */
export function iframePage({ patient, nowMs, src }) {
  const age = ageAt(patient.birthDate, nowMs);
  return page(
    `Chart: ${patient.name}`,
    `<section class="banner" aria-label="Patient">
<strong>${esc(patient.name)}</strong> · born ${patient.birthDate ? esc(patient.birthDate) : 'unknown'} · ${age === null ? 'age unknown' : `${age} years`} · <a href="/">Back to patient list</a>
</section>
<main class="framed"><iframe title="LMWH Monitor" src="${esc(src)}"></iframe></main>`,
  );
}

/**
 * Standalone-launch patient picker.
 * @param {{ patients: PatientRow[], pendingId: string }} args
 */
export function pickerPage({ patients, pendingId }) {
  const rows = patients
    .map(
      (p) => `<tr><th scope="row">${esc(p.name)}</th><td>${p.birthDate ? esc(p.birthDate) : 'unknown'}</td>
<td><button type="submit" name="patient" value="${esc(p.id)}">Select<span class="sr-only"> ${esc(p.name)}</span></button></td></tr>`,
    )
    .join('\n');
  return page(
    'Select a patient',
    `<main>
<p>LMWH Monitor asks for access to one patient's record. Choose the patient.</p>
<form method="post" action="/auth/authorize/pick">
<input type="hidden" name="pending" value="${esc(pendingId)}">
<table><caption class="sr-only">Patients</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Birth date</th><th scope="col">Choose</th></tr></thead>
<tbody>${rows}</tbody></table>
</form>
</main>`,
  );
}

/** @param {string} title @param {string} message */
export function errorPage(title, message) {
  return page(title, `<main><p role="alert">${esc(message)}</p><p><a href="/">Back to the patient list</a></p></main>`);
}

/** Shown while the sandbox loads its data (503); reloads itself every 2 s without a script. */
export function loadingPage() {
  return page(
    'Loading',
    '<main><p role="status">The sandbox EHR is loading its patients. This page reloads by itself.</p></main>',
    '<meta http-equiv="refresh" content="2">',
  );
}
