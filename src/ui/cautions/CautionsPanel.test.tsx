import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { demoRecord } from '../../../test/support/demo-record';
import { CautionsPanel } from './CautionsPanel';
import { renderInZone } from '../../../test/support/renderInZone';

describe('CautionsPanel', () => {
  it('planned surgery: creatinine clearance 28 mL/min under product labelling, with the Observation and the order as records', async () => {
    renderInZone(<CautionsPanel record={await demoRecord('planned-surgery')} />);
    const renal = screen.getByText(/Below a creatinine clearance of 30 mL\/min/).closest('li') as HTMLElement;
    expect(within(renal).getByText('Enoxaparin label', { selector: '.rule-source__name' })).toBeInTheDocument();
    expect(within(renal).getByText(/Creatinine clearance 28 mL\/min/)).toBeInTheDocument();
    expect(within(renal).getByText(/Observation\/planned-surgery-obs-crcl, MedicationRequest\/planned-surgery-medreq-enoxaparin/, { selector: '.provenance__ids' })).toBeInTheDocument();
    // ASH 2018 beside the source's panel control, labelled as a guideline.
    const panel = screen.getByText(/under strict control of the coagulation panel/).closest('li.caution') as HTMLElement;
    expect(within(panel).getByText('Source article', { selector: '.rule-source__name' })).toBeInTheDocument();
    expect(within(panel).getByText('ASH 2018', { selector: '.rule-source__name' })).toBeInTheDocument();
  });

  it('recurrent miscarriage: the renal check is listed as not checked, with the reason', async () => {
    renderInZone(<CautionsPanel record={await demoRecord('recurrent-miscarriage')} />);
    const notChecked = screen.getByRole('heading', { name: 'Not checked' }).parentElement as HTMLElement;
    expect(within(notChecked).getByText(/Not checked: no creatinine clearance is recorded\./)).toBeInTheDocument();
    expect(within(notChecked).getByText(/Enoxaparin label/)).toBeInTheDocument();
  });

  it('no LMWH: no caution, and the check that could not be made is still named', async () => {
    renderInZone(<CautionsPanel record={await demoRecord('no-lmwh')} />);
    expect(screen.getByText(/No caution applies to what the record shows; some checks could not be made/)).toBeInTheDocument();
    expect(screen.getByText(/Not checked: no LMWH order with a start date was found\./)).toBeInTheDocument();
  });
});
