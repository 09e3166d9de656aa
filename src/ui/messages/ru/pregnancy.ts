/**
 * Срок беременности и его основание. The same keys as `en/pregnancy.ts`; terms from docs/glossary-ru.md (срок
 * беременности "35 нед. 5 дн.", ПДР, перенос эмбрионов, дата последней менструации).
 */
import type { pregnancyEn } from '../en/pregnancy';

const WHAT_DATE = '{what, select, edd {ПДР} other {дата последней менструации}}';
const WHAT_PROCEDURE = '{what, select, transfer {перенос эмбрионов} other {роды}}';

export const pregnancyRu = {
  'reason.pregnancy.dated-by': 'срок определён: {how}',
  'reason.pregnancy.dating-how': '{method}: {description}',
  'reason.pregnancy.dating-edd-only': 'ПДР {edd}{sourceGiven, select, true {} other { (источник не указан)}}',
  'reason.pregnancy.dating.edd': 'ПДР {edd}, {hasRecorded, select, true {записана {recorded}} other {дата записи не указана}}',
  'reason.pregnancy.dating.lmp':
    'последняя менструация {lmp} ({hasRecorded, select, true {записано {recorded}} other {дата записи не указана}}): ПДР {edd}',
  'reason.pregnancy.dating.ga':
    '{ultrasound, select, true {срок беременности по УЗИ} other {срок беременности}} {weeks}\u00a0нед. {days}\u00a0дн. на {at} ({code}, {original}): ПДР {edd}',
  'reason.pregnancy.dating.transfer':
    'перенос эмбрионов {at}, эмбрион {embryoDay}-х суток{hasTextMatch, select, true { (возраст эмбриона по совпадению текста: «{textMatch}»)} other {}}: ПДР {edd}',
  'reason.pregnancy.no-usable-edd': 'нет пригодной ПДР',
  'reason.pregnancy.method.edd': 'записанная ПДР',
  'reason.pregnancy.method.ivf-transfer': 'перенос эмбрионов',
  'reason.pregnancy.method.ultrasound-ga': 'срок беременности по УЗИ',
  'reason.pregnancy.method.lmp': 'последняя менструация',
  'reason.pregnancy.method.ga-observation': 'записанный срок беременности',
  'reason.pregnancy.no-dating':
    'не найдены ПДР, дата последней менструации, перенос с возрастом эмбрионов или наблюдение срока беременности{hasNotes, select, true {; {notes}} other {}}',
  'reason.pregnancy.transfer-undated': 'перенос эмбрионов {at} ({key}): {why}',
  'reason.pregnancy.transfer.ages-disagree': 'записи о возрасте эмбриона расходятся ({days}); по этому переносу срок не определить',
  'reason.pregnancy.transfer.ages-ambiguous': 'в тексте названо несколько возрастов эмбриона ({days}); по этому переносу срок не определить',
  'reason.pregnancy.transfer.no-age': 'возраст эмбриона (3, 5 или 6 сутки) не записан, поэтому по этому переносу срок не определить',
  'reason.pregnancy.embryo-day': '{day}-е сутки',
  'reason.pregnancy.birth-unmatched': 'роды {at} ({source}) не относятся ни к одной беременности с известным сроком',
  'reason.pregnancy.basis.confirmed-transfer':
    'срок определён по подтверждённому переносу эмбрионов (дата переноса + возраст эмбриона; для беременности после ВРТ — ACOG, заключение комитета № 700), а не по записанной ПДР {edd}: эта ПДР {direction, select, same {приходится на тот же день} later {позже на {days, plural, one {# день} few {# дня} many {# дней} other {# дня}}} other {раньше на {days, plural, one {# день} few {# дня} many {# дней} other {# дня}}}}{discrepancy, select, true { (расхождение больше {limit} дней: проверьте)} other {}}',
  'reason.pregnancy.datings-disagree': 'записи о сроке расходятся более чем на 7 дней: {items}',
  'reason.pregnancy.disagreeing-dating': '{description} ({days, number, ::sign-always}\u00a0дн.)',
  'reason.pregnancy.status-not-pregnant-during': 'статус «не беременна» записан {at}, в пределах дат этой беременности',
  'reason.pregnancy.ga.no-valid-time': 'не указано допустимое время',
  'reason.pregnancy.ga.not-placeable': 'время нельзя отнести к часовому поясу учреждения',
  'reason.pregnancy.ga.before-start': 'до начала этой беременности ({start}, ПДР − 280 дней)',
  'reason.pregnancy.ga.after-delivery': 'после записанных родов {delivery}',
  'reason.pregnancy.ga.beyond-45-weeks': 'более 45 недель от начала этой беременности: она завершилась или срок определён неверно',
  'reason.pregnancy.excluded.observation-status': '{code}: статус {status}',
  'reason.pregnancy.excluded.embryo-age-status': 'возраст эмбриона: статус {status}',
  'reason.pregnancy.excluded.embryo-age-unlinked': 'возраст эмбриона не связан ссылкой с процедурой переноса',
  'reason.pregnancy.excluded.embryo-age-unit':
    '{hasUnit, select, true {единица возраста эмбриона «{unit}» — не сутки} other {у возраста эмбриона нет единицы (ожидаются сутки)}}',
  'reason.pregnancy.excluded.embryo-age-value': 'возраст эмбриона {value} сут. — не целое число суток от 1 до 7',
  'reason.pregnancy.excluded.status-answer':
    'ответ о статусе беременности не распознан (ожидаются {expected})',
  'reason.pregnancy.excluded.date-unreadable': `${WHAT_DATE} ({code}): значение даты не читается`,
  'reason.pregnancy.excluded.date-imprecise': `${WHAT_DATE} ({code}) «{original}» указана не с точностью до дня`,
  'reason.pregnancy.excluded.date-unusable': `${WHAT_DATE}: дату нельзя использовать`,
  'reason.pregnancy.excluded.date-unplaceable': `${WHAT_DATE}: дату нельзя отнести к часовому поясу учреждения`,
  'reason.pregnancy.excluded.ga-no-date': 'срок беременности ({code}): нет даты наблюдения, к которой его привязать',
  'reason.pregnancy.excluded.ga-date-imprecise': 'срок беременности ({code}): дата наблюдения «{original}» указана не с точностью до дня',
  'reason.pregnancy.excluded.ga-value': 'срок беременности ({code}): {why}',
  'reason.pregnancy.ga-value.no-number': 'нет числового значения срока',
  'reason.pregnancy.ga-value.days-component': 'компонент «дни» срока беременности не читается',
  'reason.pregnancy.ga-value.unit': '{hasUnit, select, true {единица «{unit}» — не недели и не дни} other {нет единицы (ожидаются недели или дни)}}',
  'reason.pregnancy.ga-value.range': 'срок беременности {original} вне диапазона 0–45 недель',
  'reason.pregnancy.excluded.procedure-status': `${WHAT_PROCEDURE}: статус {status}`,
  'reason.pregnancy.excluded.procedure-no-date': `${WHAT_PROCEDURE} ({matched}): дата выполнения не читается`,
  'reason.pregnancy.excluded.transfer-date-imprecise': 'дата переноса эмбрионов «{original}» указана не с точностью до дня',
  'exclusions.view.pregnancy-dating': 'Срок беременности',
  'pregnancy.pickerLabel': 'ПДР {edd} ({method})',
} as const satisfies Record<keyof typeof pregnancyEn, string>;
