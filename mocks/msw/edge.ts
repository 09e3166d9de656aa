/**
 * Hand-written MSW handlers for paging and error edge cases, meant to be put in front of a flavour with
 * `server.use(...)` (MSW checks runtime handlers first). Each answers searches of one resource type on `baseUrl`;
 * its pages are addressed with a `_page=<n>` parameter (the first page has none). Every page holds one resource of
 * the launch patient, id `<type>-edge-<n>`, with a `subject` reference (use types whose patient element is `subject`).
 */
import { http, HttpResponse, type HttpHandler } from 'msw';

type PageScript = (page: number, url: URL) => { status: number; body: unknown };

export function edgeResource(type: string, page: number, patientId: string): fhir4.Resource {
  return { resourceType: type, id: `${type}-edge-${page}`, subject: { reference: `Patient/${patientId}` } } as fhir4.Resource;
}

export function searchset(entries: fhir4.Resource[], next?: string): fhir4.Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    // A misleading total, as Epic sends: the loader must not use it.
    total: entries.length,
    ...(next ? { link: [{ relation: 'next', url: next }] } : {}),
    entry: entries.map((resource) => ({ fullUrl: `urn:uuid:${resource.resourceType}-${resource.id}`, resource, search: { mode: 'match' } })),
  };
}

/** A search of `type` answered page by page by `script`; page 1 is the request without `_page`. */
export function scriptedSearch(baseUrl: string, type: string, script: PageScript): HttpHandler {
  const base = baseUrl.replace(/\/+$/, '');
  return http.get(`${base}/${type}`, ({ request }) => {
    const url = new URL(request.url);
    const page = Number(url.searchParams.get('_page') ?? '1');
    const { status, body } = script(page, url);
    return HttpResponse.json(body as Record<string, unknown>, { status });
  });
}

const pageUrl = (baseUrl: string, type: string, patientId: string, page: number) =>
  `${baseUrl.replace(/\/+$/, '')}/${type}?patient=${patientId}&_page=${page}`;

/** Pages 1 -> 2 -> 3 -> 2 -> 3 ...: a `next` link loop. */
export function nextLinkLoop(baseUrl: string, type: string, patientId: string): HttpHandler {
  return scriptedSearch(baseUrl, type, (page) => ({
    status: 200,
    body: searchset([edgeResource(type, page, patientId)], pageUrl(baseUrl, type, patientId, page === 3 ? 2 : page + 1)),
  }));
}

/** Page 1 links to `foreignUrl` (another origin). */
export function foreignNextLink(baseUrl: string, type: string, patientId: string, foreignUrl: string): HttpHandler {
  return scriptedSearch(baseUrl, type, (page) => ({ status: 200, body: searchset([edgeResource(type, page, patientId)], foreignUrl) }));
}

/** Pages until `failAt`, which answers `status` with an OperationOutcome. */
export function failingPage(baseUrl: string, type: string, patientId: string, failAt = 2, status = 500): HttpHandler {
  return scriptedSearch(baseUrl, type, (page) =>
    page >= failAt
      ? { status, body: { resourceType: 'OperationOutcome', issue: [{ severity: 'fatal', code: 'exception', diagnostics: 'Internal server error' }] } }
      : { status: 200, body: searchset([edgeResource(type, page, patientId)], pageUrl(baseUrl, type, patientId, page + 1)) },
  );
}

/** Endless pages (each links to the next): only a page limit stops it. */
export function endlessPages(baseUrl: string, type: string, patientId: string): HttpHandler {
  return scriptedSearch(baseUrl, type, (page) => ({
    status: 200,
    body: searchset([edgeResource(type, page, patientId)], pageUrl(baseUrl, type, patientId, page + 1)),
  }));
}

/** `pages` pages, then the end. */
export function manyPages(baseUrl: string, type: string, patientId: string, pages: number): HttpHandler {
  return scriptedSearch(baseUrl, type, (page) => ({
    status: 200,
    body: searchset([edgeResource(type, page, patientId)], page < pages ? pageUrl(baseUrl, type, patientId, page + 1) : undefined),
  }));
}

/** 403 with an OperationOutcome for every search of `type`. */
export function forbiddenSearch(baseUrl: string, type: string): HttpHandler {
  return scriptedSearch(baseUrl, type, () => ({
    status: 403,
    body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden', diagnostics: `Not authorized for ${type}` }] },
  }));
}

/** One page with exactly these entries (e.g. another patient's resource, an OperationOutcome). */
export function fixedSearch(baseUrl: string, type: string, bundle: fhir4.Bundle): HttpHandler {
  return scriptedSearch(baseUrl, type, () => ({ status: 200, body: bundle }));
}

/** Never answers a search of `type` (a stalled server or network); the request stays open until aborted. */
export function hangingSearch(baseUrl: string, type: string): HttpHandler {
  const base = baseUrl.replace(/\/+$/, '');
  // Once the client gives up, a network error ends the request quietly.
  return http.get(`${base}/${type}`, ({ request }) => new Promise<Response>((resolve) => request.signal.addEventListener('abort', () => resolve(HttpResponse.error()))));
}

/**
 * Answers the first `times` requests for `type` with `status` (429 or 503) and the given Retry-After, then lets the
 * request through to the next handler (the flavour).
 */
export function busyFirst(baseUrl: string, type: string, status: number, times: number, retryAfter?: string): HttpHandler & { refused: () => number } {
  const base = baseUrl.replace(/\/+$/, '');
  let refused = 0;
  const handler = http.get(`${base}/${type}`, () => {
    if (refused >= times) return undefined;
    refused += 1;
    return HttpResponse.json(
      { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'throttled', diagnostics: 'Too many requests' }] },
      { status, headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter } },
    );
  });
  return Object.assign(handler, { refused: () => refused });
}

/**
 * `total` resources of `type` for the patient, newest first, `_count` honoured up to `maxPage` (default page 20),
 * addressed with `_offset`; Bundle.total is the real total.
 */
export function largeSearch(baseUrl: string, type: string, patientId: string, total: number, maxPage = 100): HttpHandler {
  const base = baseUrl.replace(/\/+$/, '');
  return http.get(`${base}/${type}`, ({ request }) => {
    const url = new URL(request.url);
    const offset = Number(url.searchParams.get('_offset') ?? '0');
    const size = Math.min(Number(url.searchParams.get('_count') ?? '20') || 20, maxPage);
    const ids = Array.from({ length: Math.max(0, Math.min(size, total - offset)) }, (_, i) => offset + i + 1);
    const next = new URL(url);
    next.searchParams.set('_offset', String(offset + size));
    const bundle = searchset(ids.map((i) => edgeResource(type, i, patientId)), offset + size < total ? next.href : undefined);
    return HttpResponse.json({ ...bundle, total } as unknown as Record<string, unknown>);
  });
}
