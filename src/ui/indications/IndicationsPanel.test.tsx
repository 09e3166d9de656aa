import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { demoRecord } from '../../../test/support/demo-record';
import { IndicationsPanel } from './IndicationsPanel';
import { renderInZone } from '../../../test/support/renderInZone';

const item = (name: string) => screen.getByRole('heading', { level: 3, name: new RegExp(`^${name}`) }).closest('li') as HTMLElement;

describe('IndicationsPanel', () => {
  it('recurrent miscarriage: antiphospholipid antibodies, lupus anticoagulant and Factor V Leiden, each with its records', async () => {
    renderInZone(<IndicationsPanel record={await demoRecord('recurrent-miscarriage')} />);
    expect(screen.getByRole('region', { name: 'Indications the source lists, found in the record' })).toBeInTheDocument();
    expect(screen.getByText(/not a recommendation to treat/)).toBeInTheDocument();

    const apl = item('Antiphospholipid antibodies');
    expect(within(apl).getByText('present')).toBeInTheDocument();
    expect(within(apl).getByText('Source article', { selector: '.rule-source__name' })).toBeInTheDocument();
    expect(within(apl).getByText(/The source names antiphospholipid antibodies/)).toBeInTheDocument();
    expect(within(apl).getByText(/48 GPL\/mL/, { selector: 'li' })).toBeInTheDocument();
    expect(within(apl).getByText(/Observation\/recurrent-miscarriage-obs-acl-igg$/, { selector: '.provenance__ids' })).toBeInTheDocument();
    expect(within(apl).getByText(/Condition\/recurrent-miscarriage-cond-aps/, { selector: '.provenance__ids' })).toBeInTheDocument();
    // The negative beta-2 glycoprotein I result is listed as negative, not hidden.
    expect(within(apl).getByText(/4 SGU .*\[tested-negative\]/, { selector: 'li' })).toBeInTheDocument();

    const la = item('Lupus anticoagulant');
    expect(within(la).getByText(/1\.6 ratio/, { selector: 'li' })).toBeInTheDocument();
    expect(within(la).getByText(/Observation\/recurrent-miscarriage-obs-la-drvvt-ratio/, { selector: '.provenance__ids' })).toBeInTheDocument();

    const fvl = item('Factor V Leiden');
    expect(within(fvl).getByText(/Heterozygous/, { selector: 'li' })).toBeInTheDocument();
    expect(within(fvl).getByText(/Observation\/recurrent-miscarriage-obs-fvl/, { selector: '.provenance__ids' })).toBeInTheDocument();
    expect(within(fvl).getByText('ESHRE', { selector: '.rule-source__name' })).toBeInTheDocument();
  });

  it('no LMWH: none found, said plainly', async () => {
    renderInZone(<IndicationsPanel record={await demoRecord('no-lmwh')} />);
    expect(screen.getByText('None found in the record.')).toBeInTheDocument();
  });

  it('an incomplete condition search: "none found" is never said without saying why', async () => {
    renderInZone(<IndicationsPanel record={await demoRecord('no-lmwh', { statuses: { conditions: 'incomplete' } })} />);
    expect(screen.queryByText('None found in the record.')).not.toBeInTheDocument();
    expect(screen.getByText(/could not be read completely \(Conditions: incomplete \(the conditions search failed: test: conditions incomplete\)\)/)).toBeInTheDocument();
  });
});
