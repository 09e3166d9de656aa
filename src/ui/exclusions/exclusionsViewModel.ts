/**
 * "Records left out" as display data: every record a view left out, with the reason in words, grouped by view (in
 * order of first appearance) with counts; the resources the FHIR layer dropped before reading come last.
 */
import type { DroppedResource } from '../../domain/input';
import type { Exclusion, SourceRef } from '../../domain/types';
import type { MessageKey } from '../messages/catalogue';
import type { Messages } from '../messages/translator';

export interface ExclusionItem {
  view: string;
  reason: string;
  source: SourceRef;
}

export interface ExclusionsView {
  heading: string;
  empty?: string;
  caption: string;
  headers: { view: string; reason: string; record: string };
  groups: { view: string; title: string; items: ExclusionItem[] }[];
}

/** A view's name: its catalogue entry (`exclusions.view.<code>`), or the name as given by a module not yet on codes. */
export function viewName(view: string, m: Messages): string {
  const key = `exclusions.view.${view}`;
  return m.has(key) ? m.t(key as MessageKey) : view;
}

/** Items grouped by view name, in order of first appearance; dropped resources last. */
export function groupExclusions(exclusions: readonly Exclusion[], dropped: readonly DroppedResource[], m: Messages): [string, ExclusionItem[]][] {
  const groups = new Map<string, ExclusionItem[]>();
  const add = (i: ExclusionItem) => groups.set(i.view, [...(groups.get(i.view) ?? []), i]);
  for (const e of exclusions) add({ view: viewName(e.view, m), reason: m.reason(e.reason), source: e.source });
  const droppedView = m.t('exclusions.droppedView');
  for (const d of dropped) add({ view: droppedView, reason: m.reason(d.reason), source: { resourceType: d.resourceType, id: d.id } });
  return [...groups.entries()];
}

export function buildExclusionsView(exclusions: readonly Exclusion[], dropped: readonly DroppedResource[], m: Messages): ExclusionsView {
  const grouped = groupExclusions(exclusions, dropped, m);
  const total = grouped.reduce((n, [, items]) => n + items.length, 0);
  return {
    heading: m.t('exclusions.heading'),
    ...(total === 0 ? { empty: m.t('exclusions.none') } : {}),
    caption: m.t('exclusions.caption', { records: total, views: grouped.length }),
    headers: { view: m.t('exclusions.column.view'), reason: m.t('exclusions.column.reason'), record: m.t('exclusions.column.record') },
    groups: grouped.map(([view, items]) => ({ view, title: m.t('exclusions.group', { view, n: items.length }), items })),
  };
}
