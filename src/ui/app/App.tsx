/**
 * The launched app: TanStack Query, the session context, the header (facility time zone, reload, granted access),
 * the patient banner and the main view. A SessionExpiredError from any query replaces everything with the
 * "relaunch from the EHR" state (the requester has already tried the refresh token where there was one).
 */
import { MessagesProvider, useMessages } from '../messages/MessagesProvider';
import { LanguageSwitch, useLocaleSetting } from '../messages/LanguageSwitch';
import type { Locale } from '../messages/catalogue';
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { QueryClient, QueryClientProvider, useIsFetching } from '@tanstack/react-query';
import type { FhirRequester } from '../../fhir/client';
import { FhirHttpError, ForbiddenUrlError, SessionExpiredError } from '../../fhir/errors';
import { summariseScopes, type ParsedScopes } from '../../fhir/scopes';
import { READ_RESOURCE_TYPES } from '../../fhir/smart';
import { isValidZone, systemClock, type Clock } from '../../domain/time';
import { useFacilityZoneSetting } from './facilityZoneSetting';
import { AppContext, type AppContextValue } from './AppContext';
import { SessionExpiredScreen } from './screens';
import { PatientBanner } from '../patient-banner/PatientBanner';
import { LazyPatientView, loadedPatientView } from './lazyViews';
import { BackToWorklist } from '../worklist/BackToWorklist';
import { recordKey } from '../record/recordQuery';

export interface LaunchedSession {
  requester: FhirRequester;
  patientId: string;
  needPatientBanner: boolean;
  grantedScopes: ParsedScopes;
  /** SMART appContext of the launch (see launchFocus.ts). */
  appContext?: string;
  /** A provider launch without a patient: the worklist opens first (see src/ui/worklist). */
  worklist?: boolean;
  /** Per-server request timeout from smart-config.json; absent: the record loader's default. */
  requestTimeoutMs?: number;
  /** The facility zone smart-config.json declares for this server; absent: the user's choice, else the browser's. */
  facilityTimeZone?: string;
  /** smart-config.json's patientBatch for this server (worklist); absent: probed. */
  patientBatch?: boolean;
}

const LazyWorklist = lazy(() => import('../worklist/Worklist').then((mod) => ({ default: mod.Worklist })));

export interface AppProps {
  session: LaunchedSession;
  clock?: Clock;
  /** Facility time zone to start with; default the browser's. */
  initialZone?: string;
  /** For tests; App creates its own otherwise. */
  queryClient?: QueryClient;
}

/** Errors that another attempt will not fix: the session, the URL, or a 4xx answer. */
function isPermanent(error: unknown): boolean {
  return error instanceof SessionExpiredError || error instanceof ForbiddenUrlError || (error instanceof FhirHttpError && error.status < 500);
}

/** The app's QueryClient: no retry for permanent errors, one retry otherwise; no refetch on window focus. */
export function createAppQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => !isPermanent(error) && failureCount < 1,
        refetchOnWindowFocus: false,
      },
    },
  });
}

function zoneList(current: string): string[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  return Array.from(new Set([current, 'UTC', ...zones])).sort();
}

function FacilityZoneSetting({ zone, onChange, nowMs }: { zone: string; onChange: (z: string) => void; nowMs: number }) {
  const zones = useMemo(() => zoneList(zone), [zone]);
  const m = useMessages();
  return (
    <div className="setting">
      <label htmlFor="facility-zone">{m.t('app.facilityZone')}</label>
      <select id="facility-zone" value={zone} onChange={(e) => isValidZone(e.target.value) && onChange(e.target.value)}>
        {zones.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </select>
      <span className="setting-note">{m.offset(nowMs)}</span>
    </div>
  );
}

function GrantedAccess({ scopes }: { scopes: ParsedScopes }) {
  const summary = summariseScopes(scopes, READ_RESOURCE_TYPES);
  const m = useMessages();
  return (
    <details className="granted-access">
      <summary>{m.t('app.grantedAccess')}</summary>
      <p className="hint">{m.t('app.grantedAccessHint')}</p>
      <ul>
        {summary.lines.map((l) => (
          <li key={l.resourceType}>
            {m.t('app.scopes.line', { type: l.resourceType, access: l.access, queries: l.queries.join(m.t('app.scopes.or')) })}
          </li>
        ))}
      </ul>
      <ul>
        {summary.notes.map((n) => (
          <li key={n.code}>{m.t(`app.scopes.${n.code}`, { scopes: n.scopes.join(' ') })}</li>
        ))}
      </ul>
    </details>
  );
}

/**
 * While the patient view's chunk arrives: a busy, empty region. Rarely seen: the chunk is fetched from the moment the
 * app module runs, in parallel with the launch, and is normally in before the session is ready.
 */
function ViewLoading() {
  return <section className="patient-view" aria-busy="true" />;
}

function PatientViewSlot() {
  const loaded = loadedPatientView();
  if (loaded) return <loaded.PatientView />;
  return (
    <Suspense fallback={<ViewLoading />}>
      <LazyPatientView />
    </Suspense>
  );
}

interface AppHeaderProps {
  zone: string;
  onZoneChange: (z: string) => void;
  nowMs: number;
  locale: Locale;
  onLocaleChange: (l: Locale) => void;
  onReload: () => void;
  scopes: ParsedScopes;
  /** The record the reload reads again; absent on the worklist (the reload then reads the list again). */
  record?: { serverUrl: string; patientId: string };
}

/**
 * The one reload control: it reads the open record again (and the worklist on the worklist). While the record is
 * being read it says so and waits, so one click is one read.
 */
function ReloadButton({ onReload, record }: Pick<AppHeaderProps, 'onReload' | 'record'>) {
  const m = useMessages();
  const fetching = useIsFetching({ queryKey: record ? recordKey(record.serverUrl, record.patientId) : ['worklist'] }) > 0;
  const reading = fetching && record !== undefined;
  return (
    <button type="button" className="button app-toolbar__reload" onClick={onReload} disabled={reading}>
      {reading ? m.t('toolbar.reading') : m.t(record ? 'app.reload' : 'toolbar.reloadList')}
    </button>
  );
}

/** Inside the messages provider, so its words follow the chosen language. One compact toolbar: zone, language, reload, access. */
function AppHeader({ zone, onZoneChange, nowMs, locale, onLocaleChange, onReload, scopes, record }: AppHeaderProps) {
  const m = useMessages();
  return (
    <header className="app-header no-print">
      <span className="app-name">{m.t('app.name')}</span>
      <FacilityZoneSetting zone={zone} onChange={onZoneChange} nowMs={nowMs} />
      <LanguageSwitch locale={locale} onChange={onLocaleChange} />
      <ReloadButton onReload={onReload} record={record} />
      <GrantedAccess scopes={scopes} />
    </header>
  );
}

export function App({ session, clock = systemClock, initialZone, queryClient }: AppProps) {
  const [client] = useState(() => queryClient ?? createAppQueryClient());
  const [zoneUsed, setFacilityZone] = useFacilityZoneSetting(session.facilityTimeZone, initialZone);
  const facilityZone = zoneUsed.zone;
  const [expired, setExpired] = useState(false);
  const [locale, setLocale] = useLocaleSetting();
  // The patient whose view is open: the launch's, or the one picked on the worklist (none = the worklist).
  const [openPatientId, setOpenPatientId] = useState<string | undefined>(session.worklist ? undefined : session.patientId);

  useEffect(() => {
    // Any query failing with SessionExpiredError ends the session for the whole app.
    const check = (error: unknown) => {
      if (error instanceof SessionExpiredError) setExpired(true);
    };
    for (const q of client.getQueryCache().getAll()) check(q.state.error);
    return client.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') check(event.action.error);
    });
  }, [client]);

  const value: AppContextValue = useMemo(
    () => ({ ...session, patientId: openPatientId ?? '', facilityZone, facilityZoneFrom: zoneUsed.from, setFacilityZone, clock }),
    [session, openPatientId, facilityZone, zoneUsed.from, setFacilityZone, clock],
  );

  if (expired) return <SessionExpiredScreen />;

  return (
    <QueryClientProvider client={client}>
      <AppContext.Provider value={value}>
        <MessagesProvider locale={locale} zone={facilityZone}>
        <div className="app">
          <AppHeader
            zone={facilityZone}
            onZoneChange={setFacilityZone}
            nowMs={clock.now()}
            locale={locale}
            onLocaleChange={setLocale}
            onReload={() => void client.invalidateQueries()}
            scopes={session.grantedScopes}
            record={openPatientId === undefined ? undefined : { serverUrl: session.requester.serverUrl, patientId: openPatientId }}
          />
          {openPatientId === undefined ? (
            <main className="app-main">
              <Suspense fallback={<ViewLoading />}>
                <LazyWorklist onOpenPatient={setOpenPatientId} />
              </Suspense>
            </main>
          ) : (
            <>
              {session.worklist && <BackToWorklist onBack={() => setOpenPatientId(undefined)} />}
              <PatientBanner key={`banner-${openPatientId}`} />
              <main className="app-main">
                <PatientViewSlot key={openPatientId} />
              </main>
            </>
          )}
        </div>
        </MessagesProvider>
      </AppContext.Provider>
    </QueryClientProvider>
  );
}
