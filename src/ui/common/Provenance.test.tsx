import { reason } from '../../domain/reasons';
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provenance } from './Provenance';
import { KnownValue } from './UnknownValue';
import { MessagesProvider } from '../messages/MessagesProvider';
import { byCode, byText, noMatch } from '../../domain/matchedBy';

describe('Provenance', () => {
  it('names the record and reveals its details on request', async () => {
    render(<Provenance sources={{ resourceType: 'Observation', id: 'dd-1', date: '2026-04-03T08:30:00+01:00', original: '0.62 mg/L', matchedBy: byCode('LOINC', '48065-7') }} />);
    const summary = screen.getByText('Source');
    expect(screen.getByText(/Observation\/dd-1/, { selector: '.provenance__ids' })).toBeInTheDocument();
    // Closed, the details are not built (a long table has one disclosure per row); the summary names the record.
    expect(screen.queryByText('0.62 mg/L')).toBeNull();
    await userEvent.click(summary);
    expect(screen.getByText('0.62 mg/L')).toBeVisible();
    expect(screen.getByText('LOINC 48065-7')).toBeVisible();
    await userEvent.click(summary);
    expect(screen.getByText('0.62 mg/L')).not.toBeVisible();
  });
  it('builds its details when the disclosure is opened by other means than its summary (find in page)', async () => {
    const { container } = render(<Provenance sources={{ resourceType: 'Observation', id: 'dd-2', original: '340 ng/mL' }} />);
    const details = container.querySelector('details');
    if (!details) throw new Error('no details element');
    details.open = true;
    expect(await screen.findByText('340 ng/mL')).toBeVisible();
  });
  it.each([
    ['en', 'Which time', 'time from issued (report time), not the specimen time'],
    ['ru', 'Какое это время', 'время выдачи результата, а не время взятия образца'],
  ] as const)('a date that is the report time (no specimen time) is labelled so beside it (%s)', async (locale, term, label) => {
    render(
      <MessagesProvider locale={locale} zone="UTC">
        <Provenance sources={{ resourceType: 'Observation', id: 'dd-3', date: '2026-11-01T09:00:00Z', dateFrom: 'issued' }} />
      </MessagesProvider>,
    );
    await userEvent.click(screen.getByText(locale === 'ru' ? 'Источник' : 'Source'));
    expect(screen.getByText('2026-11-01T09:00:00Z')).toBeVisible();
    expect(screen.getByText(term)).toBeVisible();
    expect(screen.getByText(label)).toBeVisible();
  });
  it('a date from the specimen time carries no report-time label', async () => {
    render(<Provenance sources={{ resourceType: 'Observation', id: 'dd-4', date: '2026-11-01T09:00:00Z' }} />);
    await userEvent.click(screen.getByText('Source'));
    expect(screen.getByText('2026-11-01T09:00:00Z')).toBeVisible();
    expect(screen.queryByText('Which time')).toBeNull();
  });
  it.each([
    ['en', 'SNOMED 723665008', "text match: 'bleeding' (fallback: no recognised code)", 'no recognised code (http://snomed.info/sct 80146002)'],
    ['ru', 'SNOMED 723665008', 'совпадение по тексту: «bleeding» (запасной способ: код не распознан)', 'код не распознан (http://snomed.info/sct 80146002)'],
  ] as const)('how each record was recognised is worded, a text match labelled as the fallback (%s)', async (locale, code, text, none) => {
    render(
      <MessagesProvider locale={locale} zone="UTC">
        <Provenance
          sources={[
            { resourceType: 'Condition', id: 'c1', matchedBy: byCode('SNOMED', '723665008') },
            { resourceType: 'Condition', id: 'c2', matchedBy: byText('bleeding') },
            { resourceType: 'Procedure', id: 'p1', matchedBy: noMatch({ system: 'http://snomed.info/sct', code: '80146002' }) },
          ]}
        />
      </MessagesProvider>,
    );
    await userEvent.click(screen.getByText(locale === 'ru' ? 'Источник' : 'Source'));
    expect(screen.getByText(code)).toBeVisible();
    expect(screen.getByText(text)).toBeVisible();
    expect(screen.getByText(none)).toBeVisible();
  });
  it('says so when a fact is not from the record', () => {
    render(<Provenance sources={[]} label="Source" />);
    expect(screen.getByText('Source: not from the record')).toBeInTheDocument();
  });
});

describe('KnownValue', () => {
  it('shows unknown with its reason, never a default', () => {
    render(<KnownValue value={{ known: false, reason: reason('med.no-dose-quantity') }} format={(v: number) => `${v} mg`} />);
    expect(screen.getByText(/Unknown/)).toHaveTextContent('Unknown (no dose quantity)');
  });
  it('formats a known value', () => {
    render(<KnownValue value={{ known: true, value: 40 }} format={(v: number) => `${v} mg`} />);
    expect(screen.getByText('40 mg')).toBeInTheDocument();
  });
});
