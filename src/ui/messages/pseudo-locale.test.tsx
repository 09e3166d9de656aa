/**
 * The pseudo-locale run on small components: every visible word and read-aloud label must come from the catalogue.
 * The same run (test/support/pseudoLocale.tsx) is meant to cover every section.
 */
import { describe, expect, it } from 'vitest';
import { findUntranslatedText, pseudoCatalogue, pseudoMessage, renderWithPseudoLocale, stripMarked } from '../../../test/support/pseudoLocale';
import { UnknownValue } from '../common/UnknownValue';
import { reason, type Reason } from '../../domain/reasons';
import { LanguageSwitch } from './LanguageSwitch';
import { createMessages } from './translator';

describe('pseudo-locale catalogue', () => {
  it('accents the text of a message but leaves ICU arguments and plural keywords working', () => {
    expect(pseudoMessage('Unknown: {reason}')).toBe('⟪Ûñķñöŵñ: {reason}⟫');
    const m = createMessages({ locale: 'en', zone: 'UTC', catalogue: pseudoCatalogue() });
    expect(m.t('duration.days', { n: 2 })).toBe('⟪2 ďáýš⟫');
    expect(m.t('duration.days', { n: 1 })).toBe('⟪1 ďáý⟫');
    expect(m.duration(2 * 86_400_000 + 3_600_000)).toBe('⟪⟪2 ďáýš⟫ ⟪1 ĥöûŕ⟫⟫');
  });

  it('nested markers are removed from the inside out', () => {
    expect(stripMarked('⟪Ûñ: ⟪ŕéášöñ⟫⟫ 12 FEU').trim()).toBe('12 FEU');
  });
});

describe('pseudo-locale run finds text that is not from the catalogue', () => {
  it('UnknownValue: every word comes from the catalogue (its reason as well)', () => {
    // A missing reason is shown as the catalogue's "no reason recorded" (section reason codes are not on this branch).
    const { container } = renderWithPseudoLocale(<UnknownValue reason={undefined as unknown as Reason} />);
    expect(container.textContent).toContain('⟪Ûñķñöŵñ⟫');
    expect(findUntranslatedText(container)).toEqual([]);
  });

  it('LanguageSwitch: the buttons and the group label come from the catalogue', () => {
    const { container } = renderWithPseudoLocale(<LanguageSwitch locale="en" onChange={() => undefined} />);
    expect(findUntranslatedText(container)).toEqual([]);
  });

  it('a literal sentence, a literal aria-label and a reason not yet in the catalogue are reported', () => {
    const { container } = renderWithPseudoLocale(
      <div>
        <p aria-label="Stop status">Last dose 40 mg</p>
        <UnknownValue reason={reason('no-such-code')} label="Not recorded" />
      </div>,
    );
    const found = findUntranslatedText(container);
    expect(found).toContainEqual({ where: 'text', leftover: 'Last dose', text: 'Last dose 40 mg' });
    expect(found).toContainEqual({ where: 'aria-label', leftover: 'Stop status', text: 'Stop status' });
    expect(found.map((f) => f.leftover)).toContain('Not recorded');
    expect(found.some((f) => f.text.includes('⟦reason.no-such-code⟧'))).toBe(true);
  });

  it('names and codes from the record can be allowed by the caller', () => {
    const { container } = renderWithPseudoLocale(<p>Clexane 40 mg</p>);
    expect(findUntranslatedText(container)).toHaveLength(1);
    expect(findUntranslatedText(container, ['Clexane'])).toEqual([]);
  });
});
