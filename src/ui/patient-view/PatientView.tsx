/** Placeholder main area until the clinical record view lands (another engineer replaces this file). */
export function PatientView() {
  return (
    <section className="patient-view" aria-labelledby="patient-view-heading">
      <h1 id="patient-view-heading">LMWH Monitor</h1>
      <p>Clinical record loading is being built.</p>
    </section>
  );
}
