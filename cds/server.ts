/**
 * The CDS service as its own process: `npm run cds` (built to dist-cds/server.mjs by `npm run build`).
 * Environment:
 *   PORT                 listen port (default 8090)
 *   CDS_BASE_URL         public base URL of this service (default http://localhost:PORT); tokens' `aud` is checked
 *                        against CDS_BASE_URL/cds-services/<id>
 *   CDS_TRUSTED_ISSUERS  comma-separated `iss=jwksUrl` pairs whose JWT bearer is accepted
 *   CDS_APP_LAUNCH_URL   the app's SMART launch URL for the card link (default http://localhost:8080/app/launch/)
 *   CDS_FACILITY_ZONE    IANA zone the deadlines are written in (default UTC)
 */
import { createServer } from 'node:http';
import { isValidZone } from '../src/domain/time';
import { createCdsHandler, withErrors } from './handler';
import { parseTrustedIssuers } from './bearer';

const port = Number(process.env.PORT ?? '8090');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(1);
}
const zone = process.env.CDS_FACILITY_ZONE ?? 'UTC';
if (!isValidZone(zone)) {
  console.error(`CDS_FACILITY_ZONE must be an IANA time zone, got "${zone}"`);
  process.exit(1);
}
const baseUrl = process.env.CDS_BASE_URL ?? `http://localhost:${port}`;
const trustedIssuers = parseTrustedIssuers(process.env.CDS_TRUSTED_ISSUERS);
const handler = withErrors(
  createCdsHandler({ baseUrl, trustedIssuers, zone, appLaunchUrl: process.env.CDS_APP_LAUNCH_URL ?? 'http://localhost:8080/app/launch/' }),
);

const server = createServer((req, res) => {
  handler(req, res).then((handled) => {
    if (!handled) {
      res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: 'Not found.' }));
    }
  });
});
server.listen(port, () => {
  console.warn(`CDS Hooks service: ${baseUrl}/cds-services (trusted issuers: ${trustedIssuers.map((i) => i.iss).join(', ') || 'none'})`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
