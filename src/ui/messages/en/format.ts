/** Words of the shared formatters in src/ui/format/ (dose, frequency, order status). Keys `format.*`. */
export const formatEn = {
  'format.dose': '{value} {unit}{perKg, select, yes {/kg} other {}}',
  'format.doseUnknown': 'dose unknown',
  'format.doseUnknownBecause': 'dose unknown ({reason})',
  'format.frequency': 'every {hours} h',
  'format.frequencyUnknown': 'frequency unknown',
  'format.frequencyUnknownBecause': 'frequency unknown ({reason})',
  'format.routeSc': 'SC',
  'format.statusUnknown': 'status unknown',
  'format.notAnOrder': '{status}; {why}',
  'format.aPlanNotAnOrder': 'a plan, not an order to give',
} as const;
