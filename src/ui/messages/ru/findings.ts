/**
 * Тромбофилия и анамнез: как прочитана запись, потери беременности, подписи к показаниям. The same keys as
 * `en/findings.ts`; terms from docs/glossary-ru.md (привычное невынашивание, выкидыш, Д-димер).
 */
import type { findingsEn } from '../en/findings';

const MISCARRIAGE_RECORDS =
  '{n, plural, one {# запись о выкидыше} few {# записи о выкидыше} many {# записей о выкидыше} other {# записи о выкидыше}}';

export const findingsRu = {
  'reason.findings.detail': '{first}; {rest}',
  'reason.findings.clinical-status': 'клинический статус {status}',
  'reason.findings.clinical-status-missing': 'клинический статус не записан',
  'reason.findings.verification': 'верификация {status}',
  'reason.findings.note.aps-snomed-partial': '{code}: соответствие в справочнике частичное',
  'reason.findings.recorded-as': '«{label}»',
  'reason.findings.interpretation': 'интерпретация {flags}{mixed, select, true { (противоречивая)} other {}}',
  'reason.findings.value': 'значение «{text}»',
  'reason.findings.value-uninterpretable': 'значение «{text}» не интерпретируется',
  'reason.findings.value-number': 'значение {text} без интерпретации, которую приложение может прочитать',
  'reason.findings.readings-disagree': 'интерпретация и значение расходятся',
  'reason.findings.result-status': 'статус {status}',
  'reason.findings.excluded.verification': 'статус верификации {status}',
  'reason.findings.excluded.result-status': 'статус {status}',
  'reason.findings.excluded.no-value': 'нет значения',
  'reason.findings.losses.recurrent-coded': 'записан код привычного невынашивания',
  'reason.findings.losses.records': MISCARRIAGE_RECORDS,
  'reason.findings.losses.fewer': `${MISCARRIAGE_RECORDS}; в карте меньше 2 потерь (это не доказывает, что их меньше)`,
  'reason.findings.indication.fact': '{label} ({detail})',
  'reason.findings.indication.recurrent-miscarriage': 'Привычное невынашивание: {basis}',
  'reason.findings.indication.ddimer-flagged': 'Д-димер {value}, лаборатория отметила как повышенный',
  'reason.findings.indication.estradiol-order': 'Назначение эстрадиола: {order} (высока ли доза, решает врач)',
  'exclusions.view.findings': 'Тромбофилия и анамнез',
} as const satisfies Record<keyof typeof findingsEn, string>;
