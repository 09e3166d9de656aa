/** The one reference key of a record: `Type/id`, with one placeholder for a missing id. */
import type { SourceRef } from './types';

export function sourceKey(ref: Pick<SourceRef, 'resourceType' | 'id'>): string {
  return `${ref.resourceType}/${ref.id ?? '(no id)'}`;
}
