/**
 * Following a search to its end. Every `next` link is followed (they are opaque: Epic sessionID, Oracle pageContext,
 * HAPI _getpages) with three guards, each ending in an explicit incomplete status rather than a silently short list:
 * a link seen twice (loop), a link to another origin (the requester would send the bearer token there), and a page
 * limit. Bundle.total only words the page-limit reason ("500 of 5,000 read"); it never decides what is read.
 * A first page refused with 400 is asked again in a plainer shape (without `_sort`/`_count`) when one is given.
 */
import { parseSearchPage, type PageEntry, type SearchPage } from './bundle';
import { absoluteUrl, isOnServerOrigin } from './references';
import { failureReason, httpStatusOf, isFatal, type FhirRequester } from './failures';
import type { GroupStatus } from '../domain/input';
import { reasonParam, type Reason } from '../domain/reasons';
import { combinedReason, fhirReason, type FhirReason } from './fhirReasons';

export interface PagedEntry extends PageEntry {
  /** fullUrl -> resource of the page the entry came from (to resolve `urn:` references). */
  pageFullUrls: ReadonlyMap<string, fhir4.Resource>;
}

export interface SearchResult {
  status: GroupStatus;
  reason?: Reason;
  entries: PagedEntry[];
  warnings: string[];
  pages: number;
  /** Bundle.total of the first page, when the server sent one. */
  total?: number;
  /** The HTTP status of a refused first page (status unavailable), when the server answered with one. */
  refusedStatus?: number;
}

export interface PagingOptions {
  /** Resource type searched, for reasons ("the server refused Appointment (403)"). */
  resourceType: string;
  maxPages: number;
  signal?: AbortSignal | undefined;
  scopeLooksMissing?: ((type: string) => boolean) | undefined;
  /** Queue priority of the first page (lower first); follow-on pages go ahead of other searches' first pages. */
  priority?: number;
  /** Plainer first-page paths to try, in order, when the server answers 400 (e.g. it refuses `_sort` or `_count`). */
  fallbackPaths?: readonly string[];
  /** The search asks for the newest first, so what a page limit leaves out is the oldest. */
  newestFirst?: boolean;
  /** Patients one search covers (a patient-list search), named in the page-limit reason; default one. */
  patients?: number;
}

/** Follow-on pages of a started search run before first pages of searches one priority step later. */
export const FOLLOW_ON_PAGE_BOOST = 0.9;

interface PagingState {
  entries: PagedEntry[];
  warnings: string[];
  serverErrors: Set<string>;
  pages: number;
  total?: number;
}

export async function searchAllPages(requester: FhirRequester, firstPath: string, options: PagingOptions): Promise<SearchResult> {
  const { resourceType: type, maxPages } = options;
  const state: PagingState = { entries: [], warnings: [], serverErrors: new Set(), pages: 0 };
  const done = (status: GroupStatus, reason?: Reason) => finish(state, type, status, reason);
  const seen = new Set<string>();
  let url: string | undefined = firstPath;
  let fallbacks = [...(options.fallbackPaths ?? [])];
  let newestFirst = options.newestFirst ?? false;
  while (url !== undefined) {
    if (state.pages >= maxPages) return done('incomplete', pageLimitReason(state, type, maxPages, newestFirst, options.patients ?? 1));
    const absolute = absoluteUrl(url, requester.serverUrl);
    if (seen.has(absolute)) return done('incomplete', fhirReason('fhir.next-link-loop', { type, pages: state.pages }));
    seen.add(absolute);
    const answer = await fetchPage(requester, state.pages === 0 ? url : absolute, state.pages, options);
    if (!answer.ok) {
      if (answer.status === 400 && state.pages === 0 && fallbacks.length > 0) {
        url = fallbacks.shift();
        newestFirst = false;
        seen.clear();
        continue;
      }
      if (state.pages === 0) return { ...done('unavailable', answer.reason), ...(answer.status !== undefined ? { refusedStatus: answer.status } : {}) };
      return done('incomplete', fhirReason('fhir.page-failed', { page: state.pages + 1, type, why: reasonParam(answer.reason) }));
    }
    fallbacks = [];
    addPage(state, answer.page);
    if (answer.page.next !== undefined && !isOnServerOrigin(answer.page.next, requester.serverUrl)) {
      return done('incomplete', fhirReason('fhir.next-link-foreign', { type }));
    }
    url = answer.page.next;
  }
  return state.serverErrors.size > 0 ? done('incomplete') : done('complete');
}

type PageAnswer = { ok: true; page: SearchPage } | { ok: false; reason: FhirReason; status?: number | undefined };

async function fetchPage(requester: FhirRequester, url: string, pagesRead: number, options: PagingOptions): Promise<PageAnswer> {
  const type = options.resourceType;
  const priority = (options.priority ?? 0) - (pagesRead > 0 ? FOLLOW_ON_PAGE_BOOST : 0);
  let json: unknown;
  try {
    json = await requester.get(url, { ...(options.signal ? { signal: options.signal } : {}), priority });
  } catch (error) {
    if (isFatal(error)) throw error;
    return { ok: false, status: httpStatusOf(error), reason: failureReason(error, { resourceType: type, action: 'search', scopeLooksMissing: options.scopeLooksMissing }) };
  }
  const parsed = parseSearchPage(json);
  return parsed.ok ? parsed : { ok: false, reason: pagesRead === 0 ? fhirReason('fhir.search-failed', { type, why: reasonParam(parsed.reason) }) : parsed.reason };
}

function addPage(state: PagingState, page: SearchPage): void {
  if (state.pages === 0 && page.total !== undefined) state.total = page.total;
  state.pages += 1;
  for (const e of page.entries) state.entries.push({ ...e, pageFullUrls: page.fullUrls });
  state.warnings.push(...page.warnings);
  for (const error of page.errors) state.serverErrors.add(error);
}

function pageLimitReason(state: PagingState, type: string, maxPages: number, newestFirst: boolean, patients: number): FhirReason {
  const read = state.entries.filter((e) => e.mode === 'match').length;
  const hasTotal = state.total !== undefined && state.total > read;
  return fhirReason('fhir.page-limit', { type, maxPages, read, hasTotal, total: hasTotal ? state.total : 0, newestFirst, patients });
}

/** Error-severity OperationOutcome entries inside a 200 searchset: the server says its answer is not whole. */
function finish(state: PagingState, type: string, status: GroupStatus, reason?: Reason): SearchResult {
  const parts = reason ? [reason] : [];
  if (state.serverErrors.size > 0) parts.push(fhirReason('fhir.errors-in-results', { type, errors: [...state.serverErrors].join('; ') }));
  const combined = combinedReason(parts);
  return {
    status,
    ...(combined ? { reason: combined } : {}),
    entries: state.entries,
    warnings: [...new Set(state.warnings)],
    pages: state.pages,
    ...(state.total !== undefined ? { total: state.total } : {}),
  };
}
