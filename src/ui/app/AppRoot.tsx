/**
 * The app page's states around the launch: launching -> ready (App) | no launch (how to launch) | launch error.
 * The launch itself (FHIR.oauth2.ready) is started once by main.tsx and handed in as a promise, so React re-renders
 * (or StrictMode's double effects) can never exchange the single-use code twice.
 */
import type { Reason } from '../../domain/reasons';
import { useEffect, useState, type ReactNode } from 'react';
import { describeLaunchError, type LaunchOutcome } from '../../fhir/client';
import { parseScopes } from '../../fhir/scopes';
import type { Clock } from '../../domain/time';
import { App, type LaunchedSession } from './App';
import { HowToLaunchScreen, LaunchErrorScreen, LaunchingScreen } from './screens';
import '../messages/bootCatalogue';
import { loadFullCatalogue } from '../messages/catalogueRegistry';
import { MessagesProvider } from '../messages/MessagesProvider';
import { applyDocumentLang, initialLocale } from '../messages/locale';
import { defaultZone } from '../../domain/time';

type RootState = { kind: 'launching' } | { kind: 'no-launch' } | { kind: 'error'; reason: Reason } | { kind: 'ready'; session: LaunchedSession };

export interface AppRootProps {
  launch: Promise<LaunchOutcome>;
  appPageHref: string;
  clock?: Clock;
}

export function AppRoot({ launch, appPageHref, clock }: AppRootProps) {
  const [state, setState] = useState<RootState>({ kind: 'launching' });
  useEffect(() => {
    let live = true;
    // The app's words arrive as their own chunk, fetched while the launch completes; the app renders once both are in.
    Promise.all([launch, loadFullCatalogue()]).then(
      ([outcome]) => {
        if (!live) return;
        if (outcome.kind === 'no-launch') setState({ kind: 'no-launch' });
        else {
          const { grantedScope, ...rest } = outcome.session;
          setState({ kind: 'ready', session: { ...rest, grantedScopes: parseScopes(grantedScope) } });
        }
      },
      (e: unknown) => {
        // The words of the error arrive with the catalogue: wait for it (or its failure) before showing the error.
        const reason = describeLaunchError(e);
        void loadFullCatalogue()
          .catch(() => undefined)
          .then(() => {
            if (live) setState({ kind: 'error', reason });
          });
      },
    );
    return () => {
      live = false;
    };
  }, [launch]);

  switch (state.kind) {
    case 'launching':
      return <LaunchingScreen />;
    case 'no-launch':
      return (
        <ReaderLanguage>
          <HowToLaunchScreen appPageHref={appPageHref} />
        </ReaderLanguage>
      );
    case 'error':
      return (
        <ReaderLanguage>
          <LaunchErrorScreen reason={state.reason} appPageHref={appPageHref} />
        </ReaderLanguage>
      );
    case 'ready':
      return <App session={state.session} {...(clock ? { clock } : {})} />;
  }
}

/**
 * The pages shown without a session (how to launch, launch error) in the reader's language, as the launch page is.
 * They are shown once the whole catalogue is in; the launching screen stays in the first render's words.
 */
function ReaderLanguage({ children }: { children: ReactNode }) {
  const [locale] = useState(() => initialLocale());
  useEffect(() => applyDocumentLang(locale), [locale]);
  return (
    <MessagesProvider locale={locale} zone={defaultZone()}>
      {children}
    </MessagesProvider>
  );
}
