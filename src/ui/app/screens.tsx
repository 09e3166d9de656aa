/**
 * Whole-page states of the app page: launching, opened without a launch (how to launch), launch error, session
 * ended. Plain text a clinician can act on; never a stack trace or a blank page.
 */

/** The launch page's URL, from the app page's URL (the launch folder sits inside the app folder). */
export function launchPageUrl(appPageHref: string): string {
  const u = new URL('launch/', appPageHref);
  u.search = '';
  u.hash = '';
  return u.href;
}

/** The app page's folder URL (what an EHR registers as the redirect URL). */
export function appFolderUrl(appPageHref: string): string {
  const u = new URL('./', appPageHref);
  u.search = '';
  u.hash = '';
  return u.href;
}

export function LaunchingScreen() {
  return (
    <main className="screen">
      <h1>LMWH Monitor</h1>
      <p role="status" aria-live="polite" className="screen-status">
        <span className="spinner" aria-hidden="true" /> Connecting to the EHR…
      </p>
    </main>
  );
}

export function HowToLaunchScreen({ appPageHref }: { appPageHref: string }) {
  const launchPage = launchPageUrl(appPageHref);
  const appFolder = appFolderUrl(appPageHref);
  const ehrPage = new URL('/', appPageHref).href;
  return (
    <main className="screen">
      <h1>LMWH Monitor has to be launched</h1>
      <p>
        This page was opened without a launch, so LMWH Monitor does not know which patient or EHR to show. It reads a patient&apos;s record
        only when an EHR (or a SMART launcher) starts it.
      </p>
      <h2>From the EHR</h2>
      <p>Open the patient&apos;s chart and start LMWH Monitor from the EHR&apos;s apps menu.</p>
      <p>
        With the local sandbox EHR: open the <a href={ehrPage}>sandbox EHR page</a>, pick a demo patient and press &ldquo;Launch LMWH
        Monitor&rdquo;.
      </p>
      <h2>From the SMART Health IT launcher</h2>
      <p>
        At launch.smarthealthit.org choose an R4 provider EHR launch, set the App Launch URL to <code>{launchPage}</code> and the redirect URL to{' '}
        <code>{appFolder}</code>, then launch.
      </p>
      <h2>Standalone</h2>
      <p>
        <a href={launchPage}>Choose a FHIR server and a patient</a> on the launch page.
      </p>
    </main>
  );
}

export function LaunchErrorScreen({ message, appPageHref }: { message: string; appPageHref: string }) {
  return (
    <main className="screen">
      <h1>LMWH Monitor could not be launched</h1>
      <p role="alert" className="screen-error">
        {message}
      </p>
      <p>
        You can also start a standalone launch from the <a href={launchPageUrl(appPageHref)}>launch page</a>.
      </p>
    </main>
  );
}

export function SessionExpiredScreen() {
  return (
    <main className="screen">
      <h1>Your session has ended</h1>
      <p role="alert" className="screen-error">
        Your session has ended: relaunch LMWH Monitor from the EHR.
      </p>
      <p>The EHR&apos;s access for this launch has expired and could not be renewed. Nothing shown earlier has been changed or saved.</p>
    </main>
  );
}
