import { describe, expect, it } from 'vitest';
import { parseFhirDate } from '../../domain/time';
import { formatDate, formatInstant, formatMoment } from './displayTime';

describe('English dates that cannot be misread', () => {
  const t = Date.UTC(2026, 3, 3, 7, 30);
  it('writes the month as a word', () => expect(formatDate(t, 'Europe/London')).toBe('3 Apr 2026'));
  it('writes September as Sep (not the en-GB "Sept")', () => expect(formatDate(Date.UTC(2026, 8, 3, 12), 'Europe/London')).toBe('3 Sep 2026'));
  it('shows time with the zone offset', () => expect(formatInstant(t, 'Europe/London')).toBe('3 Apr 2026 08:30 (UTC+01:00)'));
  it('shows UTC as UTC', () => expect(formatInstant(t, 'UTC')).toBe('3 Apr 2026 07:30 (UTC)'));
  it('formats a moment at its precision', () => {
    expect(formatMoment(parseFhirDate('2026-04', 'UTC')!, 'UTC')).toBe('Apr 2026');
    expect(formatMoment(parseFhirDate('2026-04-03', 'Europe/Paris')!, 'Europe/Paris')).toBe('3 Apr 2026');
  });
});
