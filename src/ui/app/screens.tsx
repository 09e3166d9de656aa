/**
 * Whole-page states of the app page: launching, opened without a launch (how to launch), launch error, session
 * ended. Plain text a clinician can act on; never a stack trace or a blank page.
 */
import type { Reason } from '../../domain/reasons';
import { useMessages } from '../messages/MessagesProvider';

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
  const m = useMessages();
  return (
    <main className="screen">
      <h1>{m.t('launching.title')}</h1>
      <p role="status" aria-live="polite" className="screen-status">
        <span className="spinner" aria-hidden="true" /> {m.t('launching.connecting')}
      </p>
    </main>
  );
}

export function HowToLaunchScreen({ appPageHref }: { appPageHref: string }) {
  const m = useMessages();
  const launchPage = launchPageUrl(appPageHref);
  const appFolder = appFolderUrl(appPageHref);
  const ehrPage = new URL('/', appPageHref).href;
  return (
    <main className="screen">
      <h1>{m.t('screens.howTo.title')}</h1>
      <p>{m.t('screens.howTo.intro')}</p>
      <h2>{m.t('screens.howTo.fromEhr')}</h2>
      <p>{m.t('screens.howTo.fromEhrText')}</p>
      <p>
        {m.t('screens.howTo.sandboxBefore')} <a href={ehrPage}>{m.t('screens.howTo.sandboxLink')}</a>
        {m.t('screens.howTo.sandboxAfter')}
      </p>
      <h2>{m.t('screens.howTo.fromLauncher')}</h2>
      <p>
        {m.t('screens.howTo.launcherBefore')} <code>{launchPage}</code> {m.t('screens.howTo.launcherMiddle')} <code>{appFolder}</code>
        {m.t('screens.howTo.launcherAfter')}
      </p>
      <h2>{m.t('screens.howTo.standalone')}</h2>
      <p>
        <a href={launchPage}>{m.t('screens.howTo.standaloneLink')}</a> {m.t('screens.howTo.standaloneAfter')}
      </p>
    </main>
  );
}

export function LaunchErrorScreen({ reason, appPageHref }: { reason: Reason; appPageHref: string }) {
  const m = useMessages();
  return (
    <main className="screen">
      <h1>{m.t('screens.error.title')}</h1>
      <p role="alert" className="screen-error">
        {m.reason(reason)}
      </p>
      <p>
        {m.t('screens.error.standaloneBefore')} <a href={launchPageUrl(appPageHref)}>{m.t('screens.error.standaloneLink')}</a>
        {m.t('screens.error.standaloneAfter')}
      </p>
    </main>
  );
}

export function SessionExpiredScreen() {
  const m = useMessages();
  return (
    <main className="screen">
      <h1>{m.t('screens.expired.title')}</h1>
      <p role="alert" className="screen-error">
        {m.t('screens.expired.alert')}
      </p>
      <p>{m.t('screens.expired.text')}</p>
    </main>
  );
}
