/** The "Source" disclosure on every fact (src/ui/common/Provenance.tsx). Keys `provenance.*`. */
export const provenanceEn = {
  'provenance.source': 'Source',
  'provenance.notFromRecord': '{label}: not from the record',
  'provenance.record': 'Record',
  'provenance.dateAsRecorded': 'Date as recorded',
  'provenance.asRecorded': 'As recorded',
  'provenance.roundedForReading': 'As recorded, rounded for reading',
  'provenance.exactlyAsRecorded': 'Exactly as recorded',
  'provenance.recognisedBy': 'Recognised by',
  'provenance.dateKind': 'Which time',
  'provenance.dateFromIssued': 'time from issued (report time), not the specimen time',
  // How a record was recognised (src/domain/matchedBy.ts): codes as published; a text match is labelled a fallback.
  'reason.match.code': '{system} {code}',
  'reason.match.text': "text match: ''{text}'' (fallback: no recognised code)",
  'reason.match.none': 'no recognised code or text',
  'reason.match.none-coded': 'no recognised code ({hasSystem, select, true {{system} } other {}}{code})',
  'reason.match.answer': '{question} = {answer}',
  'reason.match.all': '{parts}',
  'reason.match.prescription': 'dispensed for the order {reference}',
} as const;
