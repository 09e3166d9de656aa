/**
 * The parts of the app page that are not needed for its first render, as their own chunks: the patient view (the
 * domain rules, the record views) and the D-dimer plot (Recharts). main.tsx starts both downloads as soon as the app
 * module runs, so they arrive while the launch completes and the record is read, in parallel with the FHIR data and
 * never after it; the first render (the "Connecting to the EHR…" screen, the header, the banner) does not wait.
 */
import { lazy } from 'react';

let patientView: Promise<typeof import('../patient-view/PatientView')> | undefined;

/** Loads the patient view chunk once (retried after a failure). */
export function loadPatientView(): Promise<typeof import('../patient-view/PatientView')> {
  patientView ??= import('../patient-view/PatientView');
  patientView.catch(() => {
    patientView = undefined;
  });
  return patientView;
}

export const LazyPatientView = lazy(() => loadPatientView().then((m) => ({ default: m.PatientView })));

/** Starts the downloads of the later chunks (errors surface where they are rendered, not here). */
export function preloadViews(): void {
  loadPatientView().catch(() => undefined);
  import('../timeline/DdimerPlot').catch(() => undefined);
}
