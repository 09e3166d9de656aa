/** The "Source" disclosure on every fact (src/ui/common/Provenance.tsx). Keys `provenance.*`. */
export const provenanceEn = {
  'provenance.source': 'Source',
  'provenance.notFromRecord': '{label}: not from the record',
  'provenance.record': 'Record',
  'provenance.dateAsRecorded': 'Date as recorded',
  'provenance.asRecorded': 'As recorded',
  'provenance.recognisedBy': 'Recognised by',
  'provenance.dateKind': 'Which time',
  'provenance.dateFromIssued': 'time from issued (report time), not the specimen time',
} as const;
