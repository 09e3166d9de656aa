/** Раскрывающийся «Источник» у каждого факта. The same keys as `en/provenance.ts`. */
import type { provenanceEn } from '../en/provenance';

export const provenanceRu = {
  'provenance.source': 'Источник',
  'provenance.notFromRecord': '{label}: не из медицинской карты',
  'provenance.record': 'Запись',
  'provenance.dateAsRecorded': 'Дата, как записана',
  'provenance.asRecorded': 'Как записано',
  'provenance.roundedForReading': 'Как записано, с округлением для чтения',
  'provenance.exactlyAsRecorded': 'Точно как записано',
  'provenance.recognisedBy': 'Распознано по',
  'provenance.dateKind': 'Какое это время',
  'provenance.dateFromIssued': 'время выдачи результата, а не время взятия образца',
  'reason.match.code': '{system} {code}',
  'reason.match.text': 'совпадение по тексту: «{text}» (запасной способ: код не распознан)',
  'reason.match.none': 'не распознаны ни код, ни текст',
  'reason.match.none-coded': 'код не распознан ({hasSystem, select, true {{system} } other {}}{code})',
  'reason.match.answer': '{question} = {answer}',
  'reason.match.all': '{parts}',
  'reason.match.prescription': 'выдано по назначению {reference}',
} as const satisfies Record<keyof typeof provenanceEn, string>;
