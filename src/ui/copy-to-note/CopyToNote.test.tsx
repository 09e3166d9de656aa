import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoRecord } from '../../../test/support/demo-record';
import type { ClinicalRecord } from '../../domain/record';
import { StopCriteriaSection } from '../stop-criteria/StopCriteriaSection';
import { useWhatIfCards, useWhatIfEvents } from '../stop-criteria/useWhatIfEvents';
import { CopyToNote, notePatient } from './CopyToNote';
import { renderInZone } from '../../../test/support/renderInZone';
import { createMessages } from '../messages/translator';

function setClipboard(value: unknown) {
  Object.defineProperty(navigator, 'clipboard', { value, configurable: true, writable: true });
}

afterEach(() => setClipboard(undefined));

describe('CopyToNote', () => {
  it('copies the summary with patient name, date of birth, MRN and the caesarean deadline; says so politely', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    setClipboard({ writeText });
    renderInZone(<CopyToNote record={await demoRecord('third-trimester')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy to note' }));
    expect(await screen.findByText('Copied to clipboard')).toHaveAttribute('role', 'status');
    expect(writeText).toHaveBeenCalledTimes(1);
    const text = writeText.mock.calls[0]![0] as string;
    expect(text).toContain('Patient: Olivia Rose Marchetti; date of birth: 8 Jul 1995; identifier: MRN DEMO-1002');
    expect(text).toContain('Event: Elective caesarean section: 28 Nov 2026 08:30 (UTC)\n');
    expect(text).toContain('Last dose no later than 26 Nov 2026 08:30 (UTC). Status: Stop not documented.');
    expect(text).toMatch(/^D-dimer: \d+ results \(FEU\), .* ng\/mL FEU; latest 1850 ng\/mL FEU on .* \(preliminary\); 1 result in DDU, not converted: 300 ng\/mL DDU\.$/m);
    expect(text).not.toMatch(/third-trimester-|v1\.0\.0|\(in \d/);
    expect(text).toContain('Information only');
    expect(text).not.toMatch(/\d{2}\/\d{2}/);
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('clipboard blocked (EHR iframe without permission): a read-only textarea with the text selected and the instruction', async () => {
    setClipboard({ writeText: vi.fn().mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError')) });
    renderInZone(<CopyToNote record={await demoRecord('bleeding')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy to note' }));
    const area = (await screen.findByRole('textbox', { name: 'Press Ctrl+C (Cmd+C on Mac) to copy' })) as HTMLTextAreaElement;
    expect(area).toHaveAttribute('readonly');
    expect(area.value).toContain('Sarah Jane Okonkwo');
    expect(area.value).toContain('Stop-now finding: Vaginal bleeding in early pregnancy');
    expect(area.value).toContain('Information only');
    await waitFor(() => expect(area).toHaveFocus());
    expect([area.selectionStart, area.selectionEnd]).toEqual([0, area.value.length]);
    expect(screen.queryByText('Copied to clipboard')).not.toBeInTheDocument();
  });

  it('no clipboard API at all: the same fallback', async () => {
    setClipboard(undefined);
    renderInZone(<CopyToNote record={await demoRecord('no-lmwh')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy to note' }));
    const area = (await screen.findByRole('textbox')) as HTMLTextAreaElement;
    expect(area.value).toContain('Grace Lindqvist');
    expect(area.value).toContain('Planned events: none found in the record.');
  });

  it('the exact text can be read before copying', async () => {
    const { container } = renderInZone(<CopyToNote record={await demoRecord('third-trimester')} />);
    const pre = container.querySelector('details pre');
    expect(pre?.textContent).toContain('Olivia Rose Marchetti');
    expect(pre?.textContent).toContain('Information only');
    expect(screen.getByText('Text that will be copied').tagName).toBe('SUMMARY');
  });

  it('a what-if caesarean entered in the section is in the note, marked as entered here', async () => {
    const record = await demoRecord('no-lmwh');
    function Harness({ r }: { r: ClinicalRecord }) {
      const whatIf = useWhatIfEvents();
      const cards = useWhatIfCards(whatIf.events, r.rules.context);
      return (
        <>
          <StopCriteriaSection record={r} whatIf={whatIf} />
          <CopyToNote record={r} extraCards={cards} />
        </>
      );
    }
    const user = userEvent.setup();
    renderInZone(<Harness r={record} />);
    await user.type(screen.getByLabelText('Date'), '2026-12-02');
    await user.type(screen.getByLabelText('Time (optional)'), '08:30');
    await user.click(screen.getByRole('button', { name: 'Add and show the stop criteria' }));
    const writeText = vi.fn().mockResolvedValue(undefined);
    setClipboard({ writeText });
    fireEvent.click(screen.getByRole('button', { name: 'Copy to note' }));
    await screen.findByText('Copied to clipboard');
    const text = writeText.mock.calls[0]![0] as string;
    expect(text).toContain('Event: Caesarean section [Entered here, not in the record.]: 2 Dec 2026 08:30 (UTC)');
    expect(text).toContain('Status: No LMWH order found.');
  });
});

describe('notePatient', () => {
  it('leaves out what the Patient does not have (the note then says "not recorded")', () => {
    expect(notePatient({ resourceType: 'Patient', id: 'x' }, createMessages({ zone: 'UTC' }))).toEqual({});
    expect(notePatient(undefined, createMessages({ zone: 'UTC' }))).toEqual({});
  });
});
