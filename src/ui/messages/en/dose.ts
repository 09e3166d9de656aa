/** Doses, frequencies, routes and drug names (src/ui/format/dose.ts). Keys `dose.*`. */
import type { AnticoagulantDrug, RouteKind } from '../../../domain/medication';

const drugsEn = {
  'dose.drug.enoxaparin': 'Enoxaparin',
  'dose.drug.dalteparin': 'Dalteparin',
  'dose.drug.nadroparin': 'Nadroparin',
  'dose.drug.tinzaparin': 'Tinzaparin',
  'dose.drug.certoparin': 'Certoparin',
  'dose.drug.lmwh-unspecified': 'LMWH (drug not named)',
  'dose.drug.heparin': 'Unfractionated heparin',
  'dose.drug.fondaparinux': 'Fondaparinux',
} as const satisfies Record<`dose.drug.${AnticoagulantDrug}`, string>;

const routesEn = {
  'dose.route.subcutaneous': 'subcutaneous',
  'dose.route.intravenous': 'intravenous',
  'dose.route.intramuscular': 'intramuscular',
  'dose.route.oral': 'oral',
  'dose.route.other': 'other',
} as const satisfies Record<`dose.route.${RouteKind}`, string>;

export const doseEn = {
  ...drugsEn,
  ...routesEn,
  'dose.routeShort.subcutaneous': 'SC',
  'dose.amount': '{value} {unit}{perKg, select, true {/kg} other {}}',
  'dose.every': 'every {hours} h',
  'dose.doseUnknown': 'dose unknown',
  'dose.frequencyUnknown': 'frequency unknown',
} as const;
