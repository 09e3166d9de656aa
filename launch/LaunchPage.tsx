/**
 * The SMART launch page. It does one thing: decide (src/fhir/smart.ts) and call FHIR.oauth2.authorize.
 * - EHR launch (iss + launch) or iss-only standalone launch: only to a configured server, otherwise a clear refusal
 *   page naming the server, with no redirect and no request to it.
 * - No iss: a small form to pick a FHIR server (configured presets, or a typed address that the user must
 *   explicitly trust).
 */
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { fhirclient } from 'fhirclient/lib/types';
import { decideLaunch, decideStandalone, findServer, isPlaceholderClientId, parseHttpUrl, SmartConfigError, type LaunchDecision, type SmartConfig } from '../src/fhir/smart';

export interface LaunchPageProps {
  pageHref: string;
  loadConfig: () => Promise<SmartConfig>;
  /** FHIR.oauth2.authorize (redirects the page). */
  authorize: (options: fhirclient.AuthorizeParams) => Promise<unknown>;
}

type PageState =
  | { kind: 'loading' }
  | { kind: 'config-error'; message: string; details: string[] }
  | { kind: 'decided'; config: SmartConfig; decision: LaunchDecision }
  | { kind: 'authorizing'; label: string; iss: string; options: fhirclient.AuthorizeParams }
  | { kind: 'authorize-error'; label: string; iss: string };

export const SMART_LAUNCHER_R4 = 'https://launch.smarthealthit.org/v/r4/fhir';

export function LaunchPage({ pageHref, loadConfig, authorize }: LaunchPageProps) {
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const started = useRef(false);

  useEffect(() => {
    let live = true;
    loadConfig().then(
      (config) => {
        if (!live) return;
        const decision = decideLaunch(pageHref, config);
        if (decision.kind === 'authorize') setState({ kind: 'authorizing', label: decision.server.label, iss: decision.server.iss, options: decision.options });
        else setState({ kind: 'decided', config, decision });
      },
      (e: unknown) => {
        if (!live) return;
        const message = e instanceof SmartConfigError ? e.message : 'The launch configuration could not be loaded.';
        setState({ kind: 'config-error', message, details: e instanceof SmartConfigError ? e.details : [] });
      },
    );
    return () => {
      live = false;
    };
  }, [loadConfig, pageHref]);

  useEffect(() => {
    if (state.kind !== 'authorizing' || started.current) return;
    started.current = true;
    const { label, iss } = state;
    authorize(state.options).catch(() => {
      started.current = false;
      setState({ kind: 'authorize-error', label, iss });
    });
  }, [state, authorize]);

  switch (state.kind) {
    case 'loading':
      return (
        <main className="screen">
          <h1>Launching LMWH Monitor</h1>
          <p role="status">Reading the launch configuration…</p>
        </main>
      );
    case 'config-error':
      return (
        <main className="screen">
          <h1>LMWH Monitor cannot launch</h1>
          <p role="alert" className="screen-error">
            {state.message}
          </p>
          {state.details.length > 0 && (
            <ul>
              {state.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </main>
      );
    case 'authorizing':
      return (
        <main className="screen">
          <h1>Launching LMWH Monitor</h1>
          <p role="status" className="screen-status">
            <span className="spinner" aria-hidden="true" /> Connecting to {state.label}…
          </p>
        </main>
      );
    case 'authorize-error':
      return (
        <main className="screen">
          <h1>LMWH Monitor could not connect</h1>
          <p role="alert" className="screen-error">
            The SMART configuration of {state.label} (<code>{state.iss}</code>) could not be read, so the sign-in could not start. Check the
            network connection and relaunch LMWH Monitor.
          </p>
        </main>
      );
    case 'decided':
      return state.decision.kind === 'refuse' ? (
        <RefusedLaunch decision={state.decision} />
      ) : (
        <ServerPicker
          config={state.config}
          pageHref={pageHref}
          onAuthorize={(label, iss, options) => setState({ kind: 'authorizing', label, iss, options })}
        />
      );
  }
}

function RefusedLaunch({ decision }: { decision: Extract<LaunchDecision, { kind: 'refuse' }> }) {
  let text: ReactNode;
  switch (decision.reason) {
    case 'unconfigured-iss':
      text = (
        <>
          This launch asked LMWH Monitor to connect to the FHIR server <code>{decision.iss}</code>, which is not one of the servers it is configured
          for. Nothing was sent to that server.
        </>
      );
      break;
    case 'placeholder-client-id':
      text = (
        <>
          {decision.label} (<code>{decision.iss}</code>) is listed, but its client id has not been set up in LMWH Monitor&apos;s configuration yet.
        </>
      );
      break;
    case 'invalid-iss':
      text = (
        <>
          The launch link&apos;s FHIR server address is not a web address: <code>{decision.iss}</code>.
        </>
      );
      break;
    case 'missing-iss':
      text = <>The launch link has a launch code but no FHIR server address (iss).</>;
      break;
    case 'unsupported-parameter':
      text = <>The launch link contains parameters LMWH Monitor does not accept (fhirServiceUrl, patientId, clientId or encounterId).</>;
      break;
  }
  return (
    <main className="screen">
      <h1>Launch refused</h1>
      <p role="alert" className="screen-error">
        {text}
      </p>
      <p>
        If this link came from your EHR, ask the team that deploys LMWH Monitor to add the server to its launch configuration (smart-config.json).
        Otherwise, close this page.
      </p>
    </main>
  );
}

interface Preset {
  label: string;
  iss: string;
}

function ServerPicker({
  config,
  pageHref,
  onAuthorize,
}: {
  config: SmartConfig;
  pageHref: string;
  onAuthorize: (label: string, iss: string, options: fhirclient.AuthorizeParams) => void;
}) {
  const presets = useMemo(() => {
    const out: Preset[] = [];
    const local = `${new URL(pageHref).origin}/fhir`;
    const localEntry = findServer(config, local);
    if (localEntry && !isPlaceholderClientId(localEntry.clientId)) out.push({ label: localEntry.label, iss: local });
    const launcher = findServer(config, SMART_LAUNCHER_R4);
    if (launcher && !isPlaceholderClientId(launcher.clientId)) out.push({ label: launcher.label, iss: SMART_LAUNCHER_R4 });
    return out;
  }, [config, pageHref]);
  const [choice, setChoice] = useState<string>(presets[0]?.iss ?? 'other');
  const [other, setOther] = useState('');
  const [trusted, setTrusted] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const serverUrl = choice === 'other' ? other : choice;
  const typedUnknown = choice === 'other' && !!parseHttpUrl(other) && !findServer(config, other.trim());

  function submit(e: FormEvent) {
    e.preventDefault();
    if (choice === 'other' && other.trim() === '') {
      setError('Enter the FHIR server address.');
      return;
    }
    const d = decideStandalone(serverUrl, config, trusted, pageHref);
    if (d.kind === 'invalid') setError(d.message);
    else if (d.kind === 'needs-trust') setError('This server is not in LMWH Monitor\'s configuration. Tick "I trust this server" to continue.');
    else {
      setError(null);
      onAuthorize(d.server.label, d.server.iss, d.options);
    }
  }

  return (
    <main className="screen">
      <h1>Launch LMWH Monitor</h1>
      <p>Standalone launch: choose the FHIR server. It will ask you to sign in and to pick a patient.</p>
      <form className="launch-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>FHIR server</legend>
          {presets.map((p) => (
            <div className="option" key={p.iss}>
              <input type="radio" id={`server-${p.iss}`} name="server" value={p.iss} checked={choice === p.iss} onChange={() => setChoice(p.iss)} />
              <label htmlFor={`server-${p.iss}`}>
                {p.label} <code>{p.iss}</code>
              </label>
            </div>
          ))}
          <div className="option">
            <input type="radio" id="server-other" name="server" value="other" checked={choice === 'other'} onChange={() => setChoice('other')} />
            <label htmlFor="server-other">Another FHIR server</label>
          </div>
          {choice === 'other' && (
            <div className="field">
              <label htmlFor="server-address">Server address</label>
              <input
                type="url"
                id="server-address"
                value={other}
                placeholder="https://fhir.example.org/r4"
                onChange={(e) => {
                  setOther(e.target.value);
                  setTrusted(false);
                }}
                aria-describedby={error ? 'launch-error' : undefined}
              />
            </div>
          )}
        </fieldset>
        {typedUnknown && (
          <div className="trust">
            <p>
              <code>{other.trim()}</code> is not in LMWH Monitor&apos;s configuration. The app will use its default client id (
              <code>{config.defaults.clientId}</code>) and send you to that server&apos;s sign-in page. Only continue if you know this server.
            </p>
            <div className="option">
              <input type="checkbox" id="trust-server" checked={trusted} onChange={(e) => setTrusted(e.target.checked)} />
              <label htmlFor="trust-server">I trust this server</label>
            </div>
          </div>
        )}
        {error && (
          <p role="alert" id="launch-error" className="screen-error">
            {error}
          </p>
        )}
        <button type="submit">Launch</button>
      </form>
    </main>
  );
}
