/** "Records left out" (src/ui/exclusions). Keys `exclusions.*`; view names of converted modules live beside their reasons. */
export const exclusionsEn = {
  'exclusions.heading': 'Records left out',
  'exclusions.none': 'Nothing was left out.',
  'exclusions.caption': '{records, plural, one {# record} other {# records}} left out of {views, plural, one {# view} other {# views}}, with the reason',
  'exclusions.column.view': 'View',
  'exclusions.column.reason': 'Reason',
  'exclusions.column.record': 'Record',
  'exclusions.group': '{view} ({n})',
  'exclusions.droppedView': 'Not read: belongs to another patient or was dropped by the FHIR layer',
} as const;
