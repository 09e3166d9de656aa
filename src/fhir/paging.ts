/**
 * Following a search to its end. Every `next` link is followed (they are opaque: Epic sessionID, Oracle pageContext,
 * HAPI _getpages) with three guards, each ending in an explicit incomplete status rather than a silently short list:
 * a link seen twice (loop), a link to another origin (the requester would send the bearer token there), and a page
 * limit. Bundle.total is never used.
 */
import { parseSearchPage, type PageEntry } from './bundle';
import { absoluteUrl, isOnServerOrigin } from './references';
import { failureReason, isFatal, type FhirRequester } from './failures';
import type { GroupStatus } from '../domain/input';

export interface PagedEntry extends PageEntry {
  /** fullUrl -> resource of the page the entry came from (to resolve `urn:` references). */
  pageFullUrls: ReadonlyMap<string, fhir4.Resource>;
}

export interface SearchResult {
  status: GroupStatus;
  reason?: string;
  entries: PagedEntry[];
  warnings: string[];
  pages: number;
}

export interface PagingOptions {
  /** Resource type searched, for reasons ("the server refused Appointment (403)"). */
  resourceType: string;
  maxPages: number;
  signal?: AbortSignal | undefined;
  scopeLooksMissing?: ((type: string) => boolean) | undefined;
}

export async function searchAllPages(requester: FhirRequester, firstPath: string, options: PagingOptions): Promise<SearchResult> {
  const { resourceType: type, maxPages } = options;
  const seen = new Set<string>();
  const entries: PagedEntry[] = [];
  const warnings: string[] = [];
  let url: string | undefined = firstPath;
  let pages = 0;
  // Error-severity OperationOutcome entries inside a 200 searchset: the server says its answer is not whole.
  const serverErrors = new Set<string>();
  const withServerErrors = (reason: string | undefined): string => {
    const parts = reason ? [reason] : [];
    if (serverErrors.size > 0) parts.push(`the server reported an error inside the ${type} results: ${[...serverErrors].join('; ')}`);
    return parts.join('; ');
  };
  const done = (status: GroupStatus, reason?: string): SearchResult => ({
    status,
    ...(reason ? { reason } : {}),
    entries,
    warnings: [...new Set(warnings)],
    pages,
  });

  while (url !== undefined) {
    if (pages >= maxPages) {
      return done('incomplete', withServerErrors(`the ${type} search has more than ${maxPages} pages; stopped at the safety limit`));
    }
    const absolute = absoluteUrl(url, requester.serverUrl);
    if (seen.has(absolute)) {
      return done('incomplete', withServerErrors(`the server's next-page links for ${type} loop back to a page already read; stopped after ${pages} pages`));
    }
    seen.add(absolute);
    let json: unknown;
    try {
      json = await requester.get(pages === 0 ? url : absolute, options.signal ? { signal: options.signal } : undefined);
    } catch (error) {
      if (isFatal(error)) throw error;
      const reason = failureReason(error, { resourceType: type, action: 'search', scopeLooksMissing: options.scopeLooksMissing });
      return pages === 0 ? done('unavailable', reason) : done('incomplete', withServerErrors(`page ${pages + 1} of the ${type} search failed: ${reason}`));
    }
    const parsed = parseSearchPage(json);
    if (!parsed.ok) {
      return pages === 0
        ? done('unavailable', `the ${type} search failed: ${parsed.reason}`)
        : done('incomplete', withServerErrors(`page ${pages + 1} of the ${type} search failed: ${parsed.reason}`));
    }
    pages += 1;
    const page = parsed.page;
    for (const e of page.entries) entries.push({ ...e, pageFullUrls: page.fullUrls });
    warnings.push(...page.warnings);
    for (const error of page.errors) serverErrors.add(error);
    if (page.next !== undefined && !isOnServerOrigin(page.next, requester.serverUrl)) {
      return done('incomplete', withServerErrors(`the next page link of the ${type} search points to another server; not followed`));
    }
    url = page.next;
  }
  return serverErrors.size > 0 ? done('incomplete', withServerErrors(undefined)) : done('complete');
}
