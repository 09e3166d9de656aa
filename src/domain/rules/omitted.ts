/** Guideline items deliberately not turned into rules, with the reason (kept as data so the UI can say so). */
export interface OmittedItem {
  source: string;
  item: string;
  reason: string;
}

export const OMITTED_ITEMS: readonly OmittedItem[] = [
  {
    source: 'ACOG Practice Bulletin 196 (2018)',
    item: 'Stop prophylactic LMWH >= 12 h and therapeutic >= 24 h before planned delivery',
    reason: 'PARTIAL in docs/clinical-reference.md 8.5 (secondary sources only); the same hours are shown from ASRA 2018 (VERIFIED).',
  },
  {
    source: 'ACOG Practice Bulletin 196 (2018)',
    item: 'Resume 4-6 h after vaginal and 6-12 h after caesarean delivery',
    reason: 'UNVERIFIED in docs/clinical-reference.md 8.5.',
  },
  {
    source: 'SOAP 2018',
    item: 'Hour intervals before neuraxial procedures',
    reason: 'Citation verified, but the LMWH intervals were not read here.',
  },
  {
    source: 'RCOG Green-top 37b (2015)',
    item: 'Therapeutic dose by early-pregnancy weight',
    reason: 'UNVERIFIED in docs/clinical-reference.md 5.2: no therapeutic weight check is made.',
  },
  {
    source: 'RCOG Green-top 37a (2015)',
    item: 'Elective caesarean schedule (18:00 dose, morning caesarean, catheter out before 14:00, 18:00 postnatal dose)',
    reason: 'PARTIAL (reproduction of RCOG text); not needed for the deadlines.',
  },
];
