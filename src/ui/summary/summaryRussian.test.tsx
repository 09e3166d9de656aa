/**
 * The summary and the medication list read in Russian on demo records: catalogue words, Russian dose units and
 * dates, Russian plurals, and no English word from the catalogue (names and codes from the record aside).
 */
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { PatientSummary } from './PatientSummary';
import { MedicationList } from '../medication-list/MedicationList';
import { DataAvailability } from '../record/DataAvailability';
import { ExclusionsReport } from '../exclusions/ExclusionsReport';
import { reason } from '../../domain/reasons';
import { MessagesProvider } from '../messages/MessagesProvider';
import { demoRecord, type DemoPatientId } from '../../../test/support/demo-record';

async function renderRu(id: DemoPatientId, view: (r: Awaited<ReturnType<typeof demoRecord>>) => ReactNode, options?: Parameters<typeof demoRecord>[1]) {
  const record = await demoRecord(id, options);
  return render(<MessagesProvider locale="ru" zone={record.zone}>{view(record)}</MessagesProvider>);
}

const field = (name: string) => screen.getByText(name, { selector: 'dt' }).nextElementSibling as HTMLElement;

describe('the summary in Russian', () => {
  it('third-trimester: third trimester in words; active enoxaparin 40 мг п/к каждые 24 ч; the region and its terms named in Russian', async () => {
    await renderRu('third-trimester', (r) => <PatientSummary record={r} />);
    expect(screen.getByRole('region', { name: 'Сводка' })).toBeInTheDocument();
    expect(field('Срок беременности сегодня')).toHaveTextContent('третий триместр');
    expect(field('Действующее назначение НМГ')).toHaveTextContent('Эноксапарин 40 мг п/к каждые 24 ч');
    expect(screen.getByText('Ближайшее запланированное событие', { selector: 'dt' })).toBeInTheDocument();
    expect(screen.queryByText(/Active LMWH|Gestation today|Next planned event/)).not.toBeInTheDocument();
  });

  it('no-lmwh: "not pregnant" as recorded, with the recorded date in Russian; no LMWH order found in the record (never "no LMWH")', async () => {
    await renderRu('no-lmwh', (r) => <PatientSummary record={r} />);
    expect(field('Срок беременности сегодня')).toHaveTextContent('Не беременна / текущей беременности нет');
    expect(field('Срок беременности сегодня')).toHaveTextContent('Статус беременности (записано 11 нояб. 2026): не беременна');
    expect(field('Действующее назначение НМГ')).toHaveTextContent('Назначение НМГ не найдено в карте');
    expect(field('Ближайшее запланированное событие')).toHaveTextContent('Запланированных событий в карте не найдено');
  });
});

describe('the medication list in Russian', () => {
  it('third-trimester: the orders table with Russian columns, мг, подкожно, a Russian date and the prophylactic class by booking weight', async () => {
    await renderRu('third-trimester', (r) => <MedicationList record={r} />);
    const table = screen.getByRole('table', { name: 'Назначения антикоагулянтов' });
    for (const col of ['Препарат', 'Доза', 'Кратность', 'Путь введения', 'Класс дозы']) expect(within(table).getByRole('columnheader', { name: col })).toBeInTheDocument();
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getByRole('rowheader')).toHaveTextContent('Эноксапарин');
    // The code match is one click away (the note), not in the cell's words.
    expect(within(row).getByRole('rowheader')).toHaveTextContent(/подробнее.*\(код: ПРОВЕРЕНО\)/);
    const cells = within(row).getAllByRole('cell');
    // Shown in Russian; the record's own text stays as written beside it.
    expect(cells[0]).toHaveTextContent('40 мгподробнеекак записано: 40 mg');
    expect(cells[1]).toHaveTextContent('каждые 24 ч');
    expect(cells[2]).toHaveTextContent('подкожно');
    expect(cells[3]).toHaveTextContent('С 17 июн. 2026, 18:00 (UTC+01:00)');
    expect(cells[4]).toHaveTextContent(/^активно/);
    expect(row).toHaveTextContent('Профилактическая');
    expect(row).toHaveTextContent('учтённая масса тела: при постановке на учёт, 72 кг');
    expect(row).toHaveTextContent('0,56 мг/кг на дозу, 0,56 мг/кг/сут');
    expect(row).not.toHaveTextContent(/per dose|From |Prophylactic/);
  });

  it('third-trimester: the last dose "введено", the booking weight with "через 70 дней" (plural many)', async () => {
    await renderRu('third-trimester', (r) => <MedicationList record={r} />);
    expect(screen.getByText('Последняя записанная доза')).toBeInTheDocument();
    expect(document.body).toHaveTextContent('последняя доза — 40 мг введено 24 нояб. 2026, 18:00 (UTC)');
    expect(document.body).toHaveTextContent('через 70 дней после начала беременности');
  });

  it('ivf-ohss (pregnancy not confirmed): no booking weight because there is no current pregnancy, the estradiol order as another relevant order', async () => {
    await renderRu('ivf-ohss', (r) => <MedicationList record={r} />);
    expect(document.body).toHaveTextContent('Текущей беременности нет, поэтому нет и массы тела при постановке на учёт.');
    expect(screen.getByText('Другие значимые назначения')).toBeInTheDocument();
    expect(document.body).toHaveTextContent(/Эстрадиол: .* · действует сейчас · с 10 нояб\. 2026/);
  });

  it('no-lmwh: nothing found is said as not found in the record, never as absent', async () => {
    await renderRu('no-lmwh', (r) => <MedicationList record={r} />);
    expect(document.body).toHaveTextContent('Назначение НМГ не найдено в карте');
    expect(document.body).toHaveTextContent('В карте не найдено записанной дозы со временем');
    expect(document.body).toHaveTextContent('Назначения эстрадиола или аспирина в карте не найдены');
  });
});

describe('the record notes in Russian', () => {
  it('an unavailable and an incomplete part: Russian heading, group names, "неизвестно", а не «нет», and a per-part retry', async () => {
    await renderRu('third-trimester', (r) => <DataAvailability record={r} onRetry={() => {}} />, { statuses: { appointments: 'unavailable', 'medication-requests': 'incomplete' } });
    expect(screen.getByRole('heading', { name: 'Часть карты прочитать не удалось' })).toBeInTheDocument();
    expect(screen.getByText('Записи на приём').closest('li')).toHaveTextContent('недоступно');
    expect(screen.getByText('Назначения препаратов').closest('li')).toHaveTextContent('прочитано не полностью');
    expect(screen.getByText(/«неизвестно», а не «нет»/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Повторить: Записи на приём' })).toBeInTheDocument();
  });

  it('records left out: the caption agrees in number (1 запись из 1 раздела; 3 записи из 2 разделов), the view and reason in Russian', () => {
    const one = [{ view: 'med.orders', reason: reason('med.do-not-perform'), source: { resourceType: 'MedicationRequest', id: 'mr-2' } }];
    const { unmount } = render(
      <MessagesProvider locale="ru" zone="UTC">
        <ExclusionsReport exclusions={one} dropped={[]} />
      </MessagesProvider>,
    );
    const section = screen.getByRole('region', { name: 'Исключённые записи' });
    expect(within(section).getByText('1 запись исключена из 1 раздела, с указанием причины')).toBeInTheDocument();
    expect(within(section).getByRole('rowheader')).toHaveTextContent('Назначения НМГ (1)');
    expect(section).toHaveTextContent('запись о том, что препарат НЕ следует вводить, а не назначение к введению');
    unmount();
    const three = [...one, { ...one[0]!, source: { resourceType: 'MedicationRequest', id: 'mr-3' } }, { view: 'med.weights', reason: reason('med.weight-no-date'), source: { resourceType: 'Observation', id: 'w-1' } }];
    render(
      <MessagesProvider locale="ru" zone="UTC">
        <ExclusionsReport exclusions={three} dropped={[]} />
      </MessagesProvider>,
    );
    expect(screen.getByText('3 записи исключены из 2 разделов, с указанием причины')).toBeInTheDocument();
  });
});
