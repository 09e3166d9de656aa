/** The stop-criteria section as a Russian reader sees it, on the third-trimester demo record. */
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { DateTime } from 'luxon';
import { DEMO_TEST_NOW, DEMO_TEST_ZONE, demoRecord } from '../../../test/support/demo-record';
import { MessagesProvider } from '../messages/MessagesProvider';
import { StopCriteriaSection } from './StopCriteriaSection';

/** The deadline line (one per stop rule) whose visible source label is `label`. */
function lineOf(card: HTMLElement, label: string): HTMLElement {
  const lines = within(card)
    .getAllByText(label, { selector: '.rule-source__name' })
    .map((el) => el.closest('li.deadline'))
    .filter((li): li is HTMLElement => li !== null);
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe('stop criteria in Russian', () => {
  it("third trimester: the caesarean card gives the source's 48 h rule in the clinic's words, the deadline and the status in Russian", async () => {
    const record = await demoRecord('third-trimester');
    render(
      <MessagesProvider locale="ru" zone={DEMO_TEST_ZONE}>
        <StopCriteriaSection record={record} />
      </MessagesProvider>,
    );
    const section = screen.getByRole('region', { name: 'Запланированные операции и роды' });
    const card = within(section).getByRole('article');
    const source = lineOf(card, 'Статья-источник');
    expect(within(source).getByText('Источник: НМГ отменяют не менее чем за 2 дня до планового кесарева сечения или родов, чтобы избежать кровотечения.')).toBeInTheDocument();
    expect(within(source).getByText('Отмена НМГ не документирована')).toBeInTheDocument();
    expect(within(source).getByText(/активно, без даты окончания: действует дольше крайнего срока/, { selector: '.deadline__status-reason' })).toBeInTheDocument();

    const caesarean = DateTime.fromMillis(DEMO_TEST_NOW, { zone: DEMO_TEST_ZONE }).plus({ days: 3 }).set({ hour: 8, minute: 30, second: 0, millisecond: 0 });
    const time = source.querySelector('time')!;
    expect(time).toHaveAttribute('dateTime', caesarean.minus({ hours: 48 }).toISO());
    expect(time.closest('p')!.textContent).toMatch(/^Последняя доза не позднее 26 нояб\. 2026/);

    const asra = lineOf(card, 'ASRA 2018');
    expect(within(asra).getByText(/^Не менее 12 ч после профилактической дозы НМГ/)).toBeInTheDocument();
    expect(within(card).getByText(/Интервал источника \(48 ч\) строже, чем 12 ч\/24 ч в ASRA 2018/)).toBeInTheDocument();
    expect(within(card).getByText('К родам:')).toBeInTheDocument();
    // No English status or heading is left in the section.
    expect(section.textContent).not.toMatch(/Stop (not )?documented|Scheduled procedures|Last dose no later than|Source article/);
  });
});
