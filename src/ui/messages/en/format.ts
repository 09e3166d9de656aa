/** Words of the shared formatters in src/ui/format/ (dose, frequency, order status). Keys `format.*`. */
export const formatEn = {
  'format.doseUnknownBecause': 'dose unknown ({reason})',
  'format.frequencyUnknownBecause': 'frequency unknown ({reason})',
  'format.statusUnknown': 'status unknown',
  'format.notAnOrder': '{status}; {why}',
  'format.aPlanNotAnOrder': 'a plan, not an order to give',
} as const;
