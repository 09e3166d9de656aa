/** Words used across sections: durations, generic states, provenance. Keys are `common.*` and `duration.*`. */
export const commonEn = {
  'duration.days': '{n, plural, one {# day} other {# days}}',
  'duration.hours': '{n, plural, one {# hour} other {# hours}}',
  'duration.minutes': '{n, plural, one {# minute} other {# minutes}}',
  'duration.months': '{n, plural, one {# month} other {# months}}',
  'duration.join': '{a} {b}',
  'duration.in': 'in {span}',
  'duration.ago': '{span} ago',
  'duration.now': 'now',
  'common.unknownBecause': 'Unknown: {reason}',
  'common.unknown': 'Unknown',
  'common.listSeparator': ', ',
  'common.missingReason': 'no reason recorded',
  'common.language': 'Language',
  // Each language is named in itself, in every catalogue.
  'common.languageName.en': 'English',
  'common.languageName.ru': 'Русский',
} as const;
