/**
 * Reading one page of a search Bundle. Entries are sorted into data (search.mode match or absent), included resources
 * (search.mode include, e.g. Medication from `_include=MedicationRequest:medication`) and server messages
 * (search.mode outcome, or any OperationOutcome entry: Epic puts one in every searchset). Bundle.total is kept only
 * to say how many results a search stopped short of; it never decides what is read.
 */
import { diagnosticsParams, fhirReason, type FhirReason } from './fhirReasons';

export interface PageEntry {
  resource: fhir4.Resource;
  mode: 'match' | 'include';
  fullUrl?: string;
}

export interface SearchPage {
  entries: PageEntry[];
  /** Text of warning / information issues in OperationOutcome entries. */
  warnings: string[];
  /** Text of error / fatal issues in OperationOutcome entries: the server says it could not answer in full. */
  errors: string[];
  /** fullUrl -> resource, to resolve `urn:` references within the page. */
  fullUrls: Map<string, fhir4.Resource>;
  next?: string;
  /** Bundle.total when the server sent a non-negative integer. */
  total?: number;
}

export type PageParse = { ok: true; page: SearchPage } | { ok: false; reason: FhirReason };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isResource(v: unknown): v is fhir4.Resource {
  return isObject(v) && typeof v.resourceType === 'string';
}

/** One human-readable line per issue: diagnostics, else details.text, else the first coding's display, else the code. */
export function outcomeIssues(outcome: fhir4.OperationOutcome): { severity: string; text: string }[] {
  return (outcome.issue ?? []).map((issue) => {
    const text =
      issue.diagnostics ??
      issue.details?.text ??
      issue.details?.coding?.find((c) => c.display)?.display ??
      issue.details?.coding?.find((c) => c.code)?.code ??
      issue.code ??
      'no details given';
    return { severity: issue.severity ?? 'unknown', text };
  });
}

/** Diagnostics of an OperationOutcome as one line, for a reason text ("Must have either code or category."). */
export function outcomeSummary(outcome: unknown): string | undefined {
  if (!isResource(outcome) || outcome.resourceType !== 'OperationOutcome') return undefined;
  const texts = outcomeIssues(outcome as fhir4.OperationOutcome).map((i) => i.text);
  return texts.length ? texts.join('; ') : undefined;
}

export function nextLink(bundle: fhir4.Bundle): string | undefined {
  return bundle.link?.find((l) => l.relation === 'next' && typeof l.url === 'string' && l.url.length > 0)?.url;
}

export function parseSearchPage(json: unknown): PageParse {
  if (!isResource(json)) return { ok: false, reason: fhirReason('fhir.not-a-resource') };
  if (json.resourceType === 'OperationOutcome') return { ok: false, reason: fhirReason('fhir.outcome-instead', diagnosticsParams(outcomeSummary(json))) };
  if (json.resourceType !== 'Bundle') return { ok: false, reason: fhirReason('fhir.wrong-resource', { sent: json.resourceType }) };
  const bundle = json as fhir4.Bundle;
  const page: SearchPage = { entries: [], warnings: [], errors: [], fullUrls: new Map() };
  for (const entry of bundle.entry ?? []) {
    const resource = entry.resource;
    if (!isResource(resource)) continue;
    if (entry.fullUrl) page.fullUrls.set(entry.fullUrl, resource);
    const mode = entry.search?.mode;
    if (mode === 'outcome' || resource.resourceType === 'OperationOutcome') {
      if (resource.resourceType !== 'OperationOutcome') continue;
      for (const issue of outcomeIssues(resource as fhir4.OperationOutcome)) {
        if (issue.severity === 'error' || issue.severity === 'fatal') page.errors.push(issue.text);
        else page.warnings.push(issue.text);
      }
      continue;
    }
    page.entries.push({ resource, mode: mode === 'include' ? 'include' : 'match', ...(entry.fullUrl ? { fullUrl: entry.fullUrl } : {}) });
  }
  const next = nextLink(bundle);
  if (next) page.next = next;
  if (Number.isInteger(bundle.total) && bundle.total! >= 0) page.total = bundle.total!;
  return { ok: true, page };
}
