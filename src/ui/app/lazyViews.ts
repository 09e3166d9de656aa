/**
 * The parts of the app page that are not needed for its first render, as their own chunks: the patient view (the
 * domain rules, the record views) and the D-dimer plot (Recharts). main.tsx starts both downloads as soon as the app
 * module runs, so they arrive while the launch completes and the record is read, in parallel with the FHIR data and
 * never after it; the first render (the "Connecting to the EHR…" screen, the header, the banner) does not wait.
 */
import { lazy } from 'react';

type PatientViewModule = typeof import('../patient-view/PatientView');

let patientView: Promise<PatientViewModule> | undefined;
let patientViewLoaded: PatientViewModule | undefined;

/** Loads the patient view chunk once (retried after a failure). */
export function loadPatientView(): Promise<PatientViewModule> {
  patientView ??= import('../patient-view/PatientView').then((m) => (patientViewLoaded = m));
  patientView.catch(() => {
    patientView = undefined;
  });
  return patientView;
}

/**
 * The patient view module when its chunk has already arrived (the usual case: it is fetched from the start). Rendered
 * directly then, because a lazy component suspends at least once and React holds a revealed Suspense boundary back
 * for up to 300 ms.
 */
export function loadedPatientView(): PatientViewModule | undefined {
  return patientViewLoaded;
}

export const LazyPatientView = lazy(() => loadPatientView().then((m) => ({ default: m.PatientView })));

/** Starts the downloads of the later chunks (errors surface where they are rendered, not here). */
export function preloadViews(): void {
  loadPatientView().catch(() => undefined);
  import('../timeline/DdimerPlot').catch(() => undefined);
}
