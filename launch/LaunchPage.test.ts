import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { fhirclient } from 'fhirclient/lib/types';
import { renderLaunchPage } from './LaunchPage';
import { SmartConfigError, validateSmartConfig, type SmartConfig } from '../src/fhir/smart';

const r = validateSmartConfig(JSON.parse(readFileSync(resolve(import.meta.dirname, '../public/smart-config.json'), 'utf8')));
if (!r.ok) throw new Error('shipped config invalid');
const config: SmartConfig = r.config;
const PAGE = 'http://localhost:8080/app/launch/';

type AuthorizeMock = ReturnType<typeof vi.fn<(options: fhirclient.AuthorizeParams) => Promise<unknown>>>;

function renderPage(pageHref: string, opts: { loadConfig?: () => Promise<SmartConfig>; authorize?: AuthorizeMock; locale?: 'en' | 'ru' } = {}) {
  const authorize: AuthorizeMock = opts.authorize ?? vi.fn(async () => undefined);
  const root = document.createElement('div');
  document.body.append(root);
  void renderLaunchPage(root, { pageHref, loadConfig: opts.loadConfig ?? (async () => config), authorize, ...(opts.locale ? { locale: opts.locale } : {}) });
  return { authorize };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('LaunchPage', () => {
  it('in Russian: a refused launch is worded from the Russian launch catalogue, the server address kept as written', async () => {
    renderPage(`${PAGE}?iss=${encodeURIComponent('https://evil.example/fhir')}&launch=L1`, { locale: 'ru' });
    expect(await screen.findByRole('heading', { name: 'Запуск отклонён' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('подключиться к серверу FHIR https://evil.example/fhir, которого нет');
    expect(screen.getByRole('alert').querySelector('code')).toHaveTextContent('https://evil.example/fhir');
  });

  it('EHR launch from the local sandbox: authorizes once with the sandbox client id and PKCE', async () => {
    const { authorize } = renderPage(`${PAGE}?iss=${encodeURIComponent('http://localhost:8080/fhir')}&launch=L1`);
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Connecting to Local sandbox EHR'));
    await vi.waitFor(() => expect(authorize).toHaveBeenCalledTimes(1));
    expect(authorize.mock.calls[0]?.[0]).toMatchObject({ clientId: 'lmwh-monitor', launch: 'L1', pkceMode: 'unsafeV1', redirectUri: 'http://localhost:8080/app/' });
  });

  it('a forged launch to an unconfigured server is refused, shows the server, and never authorizes', async () => {
    const { authorize } = renderPage(`${PAGE}?iss=${encodeURIComponent('https://evil.example/fhir')}&launch=L1`);
    expect(await screen.findByRole('heading', { name: 'Launch refused' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('https://evil.example/fhir');
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing was sent to that server.');
    expect(authorize).not.toHaveBeenCalled();
  });

  it('a broken configuration is reported with its problems', async () => {
    renderPage(PAGE, {
      loadConfig: async () => {
        throw new SmartConfigError({ kind: 'invalid' }, [{ code: 'client-id-missing', server: { id: 'x' } }]);
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('The launch configuration is invalid.');
    expect(screen.getByText('server "x": clientId is missing')).toBeInTheDocument();
  });

  it('when the SMART configuration of the server cannot be read, says so instead of hanging', async () => {
    const authorize: AuthorizeMock = vi.fn(async () => {
      throw new Error('Failed to fetch the well-known json');
    });
    renderPage(`${PAGE}?iss=${encodeURIComponent('http://localhost:8080/fhir')}&launch=L1`, { authorize });
    expect(await screen.findByRole('alert')).toHaveTextContent('could not be read');
  });

  describe('standalone: no iss', () => {
    it('offers the local sandbox and the SMART launcher; launching the sandbox uses launch/patient', async () => {
      const { authorize } = renderPage(PAGE);
      const sandbox = await screen.findByRole('radio', { name: /Local sandbox EHR/ });
      expect(sandbox).toBeChecked();
      expect(screen.getByRole('radio', { name: /SMART Health IT launcher/ })).toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Launch' }));
      await vi.waitFor(() => expect(authorize).toHaveBeenCalledTimes(1));
      expect(authorize.mock.calls[0]?.[0]).toMatchObject({ iss: 'http://localhost:8080/fhir', clientId: 'lmwh-monitor' });
      expect(authorize.mock.calls[0]?.[0].scope?.split(' ')[0]).toBe('launch/patient');
    });

    it('a typed server that is not configured needs "I trust this server" before anything happens', async () => {
      const { authorize } = renderPage(PAGE);
      await userEvent.click(await screen.findByRole('radio', { name: 'Another FHIR server' }));
      await userEvent.type(screen.getByLabelText('Server address'), 'https://fhir.other.example/r4');
      await userEvent.click(screen.getByRole('button', { name: 'Launch' }));
      expect(screen.getByRole('alert')).toHaveTextContent('Tick "I trust this server"');
      expect(authorize).not.toHaveBeenCalled();
      await userEvent.click(screen.getByRole('checkbox', { name: 'I trust this server' }));
      await userEvent.click(screen.getByRole('button', { name: 'Launch' }));
      await vi.waitFor(() => expect(authorize).toHaveBeenCalledTimes(1));
      expect(authorize.mock.calls[0]?.[0]).toMatchObject({ iss: 'https://fhir.other.example/r4', clientId: 'lmwh-monitor' });
    });

    it('plain http to another computer is rejected even when trusted', async () => {
      const { authorize } = renderPage(PAGE);
      await userEvent.click(await screen.findByRole('radio', { name: 'Another FHIR server' }));
      await userEvent.type(screen.getByLabelText('Server address'), 'http://fhir.other.example/r4');
      await userEvent.click(screen.getByRole('checkbox', { name: 'I trust this server' }));
      await userEvent.click(screen.getByRole('button', { name: 'Launch' }));
      expect(screen.getByRole('alert')).toHaveTextContent('Only https://');
      expect(authorize).not.toHaveBeenCalled();
    });

    it('an empty address asks for one', async () => {
      renderPage(PAGE);
      await userEvent.click(await screen.findByRole('radio', { name: 'Another FHIR server' }));
      await userEvent.click(screen.getByRole('button', { name: 'Launch' }));
      expect(screen.getByRole('alert')).toHaveTextContent('Enter the FHIR server address.');
    });
  });
});
