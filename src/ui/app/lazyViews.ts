/**
 * The parts of the app page that are not needed for its first render, as their own chunks: the patient view (the
 * domain rules, the record views), the D-dimer plot (Recharts) and the worklist. main.tsx starts the downloads the
 * launch will need as soon as the app module runs, so they arrive while the launch completes and the data is read,
 * in parallel with the FHIR data and never after it; the first render (the "Connecting to the EHR…" screen) does not
 * wait. A worklist launch starts the worklist's chunk instead and fetches the patient view once the list has loaded or
 * a row is pointed at (preloadViewsWhenIdle), so it never competes with the cohort's requests.
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

/** From the worklist, once a patient's view is likely wanted: the patient view and the chart download when idle. */
export function preloadViewsWhenIdle(): void {
  // requestIdleCallback is missing in some browsers (Safari): the next task instead.
  (window.requestIdleCallback ?? setTimeout)(preloadViews);
}

type WorklistModule = typeof import('../worklist/Worklist');

let worklist: Promise<WorklistModule> | undefined;
let worklistLoaded: WorklistModule | undefined;

/**
 * The worklist's chunk, once: its screen, and startWorklist for the app shell. Started as the page starts on a
 * worklist launch (main.tsx). A failed download is not tried again here: React.lazy keeps a failure anyway.
 */
export const loadWorklist = (): Promise<WorklistModule> => (worklist ??= import('../worklist/Worklist').then((m) => (worklistLoaded = m)));

/** The worklist module once its chunk has arrived: rendered directly then (see loadedPatientView). */
export const loadedWorklist = (): WorklistModule | undefined => worklistLoaded;

export const LazyWorklist = lazy(() => loadWorklist().then((m) => ({ default: m.Worklist })));
