/**
 * Слова карточек правил (критерии отмены, баннер, показания, предостережения) и причины модуля правил
 * (`reason.rules.*`). The same keys as `en/rules.ts`. Where English shows a raw code (order status, dose class, date
 * precision, dose unit, ingredient), a `select` on the same argument gives the Russian word and keeps the code for
 * anything unforeseen. Numbers the domain passes raw (doses, weights, counts that may be decimal) are read with
 * `{x, number}`, so Russian shows the decimal comma (0,53 мг/кг). Statuses as in docs/glossary-ru.md.
 */
import type { rulesEn } from '../en/rules';

/** "the event" / "the deadline", in the genitive every sentence below needs (до, после, раньше, дольше). */
const LIMIT = '{limit, select, event {события} other {крайнего срока}}';
const INCOMPLETE = 'Поиск назначений был неполным или недоступен{hasWhy, select, true { ({why})} other {}}';
/** MedicationRequest.status of an order that has ended (neuter: назначение). */
const ENDED = '{status, select, completed {завершено} stopped {прекращено} other {{status}}}';
const DAYS_GEN = '{days, plural, one {# дня} few {# дней} many {# дней} other {# дня}}';
const DOSE_UNIT = '{unit, select, mg {мг} IU {МЕ} other {{unit}}}';

export const rulesRu = {
  'reason.rules.anchor.no-date': 'в данных карты нет даты этого события',
  'reason.rules.anchor.unreadable': 'дату события не удалось прочитать',
  'reason.rules.anchor.imprecise': 'дата события известна только с точностью до {precision, select, year {года} month {месяца} other {{precision}}} ({original})',
  'reason.rules.order.ends-by': `заканчивается {end}, не позже ${LIMIT}`,
  'reason.rules.order.ended-already': `уже ${ENDED} (сейчас время раньше ${LIMIT})`,
  'reason.rules.order.ended-when-unknown': `${ENDED}, но по данным карты не видно, было ли это раньше ${LIMIT}`,
  'reason.rules.order.on-hold-before': `приостановлено с {since}, раньше ${LIMIT}`,
  'reason.rules.order.on-hold-after': `приостановлено {since}, после ${LIMIT}`,
  'reason.rules.order.on-hold-now': `сейчас приостановлено, раньше ${LIMIT} (с какого момента, не записано)`,
  'reason.rules.order.on-hold-since-unknown': 'приостановлено, но с какого момента, не записано',
  'reason.rules.order.active-no-end': `активно, без даты окончания: действует дольше ${LIMIT}`,
  'reason.rules.order.runs-until': `действует до {end}, дольше ${LIMIT}`,
  'reason.rules.order.status-unknown': 'статус назначения не записан',
  'reason.rules.order.reading': '{order}: {reading}',
  'reason.rules.join': '{a}; {b}',
  'reason.rules.status.runs-past': `{readings}.{incomplete, select, true { ${INCOMPLETE}, поэтому другие назначения могли не найтись.} other {}}`,
  'reason.rules.status.search-incomplete': `${INCOMPLETE}: отмену нельзя подтвердить, и нельзя сказать «назначения нет».`,
  'reason.rules.status.no-order':
    'Поиск назначений выполнен полностью, назначение НМГ не найдено.{plans, plural, =0 {} one { В данных карты # план или предложение НМГ: план или предложение — не назначение.} few { В данных карты # плана или предложения НМГ: план или предложение — не назначение.} many { В данных карты # планов или предложений НМГ: план или предложение — не назначение.} other { В данных карты # плана или предложения НМГ: план или предложение — не назначение.}} То, что назначение не найдено, не доказывает, что НМГ не применяются.',
  'reason.rules.status.unknown-orders': '{readings}.',
  'reason.rules.status.documented': '{readings}.',
  'reason.rules.status.no-deadline': 'Крайний срок вычислить нельзя: {why}.',
  'reason.rules.status.against-event': 'Источник не даёт интервала, поэтому назначения сопоставлены с самим событием. {status}',
  'reason.rules.deadline.none': 'Крайнего срока нет: {why}.',
  'reason.rules.deadline.no-interval':
    'Источник не даёт интервала: в нём сказано только «перед любой операцией». Рядом показаны интервалы руководств для класса дозы.',
  'reason.rules.interval.dose-class-unknown': 'Класс дозы неизвестен ({why}): используется самый длинный интервал руководств ({hours} ч).',
  'reason.rules.interval.intermediate':
    'Промежуточная доза ({why}): проверенный источник даёт интервалы только для профилактической и лечебной доз, поэтому используется самый длинный ({hours} ч).',
  'reason.rules.interval.dose-class': '{doseClass, select, prophylactic {Профилактическая доза} therapeutic {Лечебная доза} other {Доза: {doseClass}}} ({why}).',
  'reason.rules.date-only.midnight':
    'У события есть дата, но нет времени ({day}): отсчёт идёт от начала этого дня в часовом поясе {zone} ({anchor}), поэтому за {hours} ч до него — это {deadline} (00:00, за {days, plural, one {# день} few {# дня} many {# дней} other {# дня}}).',
  'reason.rules.date-only.clock-change':
    'У события есть дата, но нет времени ({day}): отсчёт идёт от начала этого дня в часовом поясе {zone} ({anchor}), поэтому за {hours} ч до него — это {deadline}. В этот промежуток переводятся часы, поэтому на часах это не полночь: крайний срок ровно за {hours} ч.',
  'reason.rules.dose-class.no-order': 'Текущее назначение НМГ с классом дозы не найдено.',
  'reason.rules.dose-class.from-order':
    '{order}: {doseClass, select, prophylactic {профилактическая доза} intermediate {промежуточная доза} therapeutic {лечебная доза} unknown {класс дозы неизвестен} other {доза: {doseClass}}}{hasWhy, select, true { ({why})} other {}}.',
  'reason.rules.difference.source-no-interval':
    'Источник не даёт интервала перед операцией; ASRA 2018 даёт {prophylactic} ч/{therapeutic} ч (профилактическая/лечебная доза) перед нейроаксиальной блокадой; строка руководства на этой карточке использует {used} ч для класса дозы.',
  'reason.rules.difference.source-stricter':
    'Интервал источника ({source} ч) строже, чем {prophylactic} ч/{therapeutic} ч в ASRA 2018 (профилактическая/лечебная доза, перед нейроаксиальной блокадой); строка ASRA выше использует {used} ч. Показаны оба, без объединения.',
  'reason.rules.not-applicable.embryo-transfer': 'Ни источник, ни используемые здесь руководства не дают правила отмены перед переносом эмбрионов.',
  'reason.rules.not-applicable.other': 'Ни одно правило отмены здесь не относится к событию такого типа.',
  'reason.rules.platelets.latest': 'Последний подсчёт тромбоцитов: {value, number} {unit}, {at}',
  'reason.rules.platelets.none': 'Подсчёт тромбоцитов в данных карты не найден',
  'reason.rules.heparin-days.unknown': 'Длительность применения гепарина до события: неизвестно (нет даты начала назначения)',
  'reason.rules.heparin-days.known': `Гепарин в течение ${DAYS_GEN} до события, по самой ранней дате начала назначения{isOver, select, true { (более {over, plural, one {# дня} few {# дней} many {# дней} other {# дня}})} other {}}`,
  'reason.rules.platelets-before-block.detail': '{heparin}. {platelets}.',
  'reason.rules.delivery.aspirin-ordered': 'Одновременно назначен аспирин: {orders}',
  'reason.rules.delivery.aspirin-none': 'Активное назначение аспирина не найдено',
  'reason.rules.delivery.aspirin-unknown': 'Аспирин: неизвестно (поиск назначений был неполным)',
  'reason.rules.delivery.allergy-recorded': 'В данных карты: {facts}',
  'reason.rules.delivery.allergy-fact': '{label}{unclear, select, true { (неясно)} other {}}',
  'reason.rules.delivery.allergy-none': 'Аллергия на гепарин и гепарин-индуцированная тромбоцитопения (ГИТ) не записаны',
  'reason.rules.delivery.allergy-unknown': 'Аллергия на гепарин / ГИТ: неизвестно (поиск аллергий и заболеваний был неполным)',
  'reason.rules.edd.applies-to-planned-birth': 'Это относится к плановому кесареву сечению или родам; ни одного такого события с датой в данных карты нет.',
  'reason.rules.stop-now.no-date': 'Дата не записана, поэтому неизвестно, относится ли это к текущей беременности.',
  'reason.rules.stop-now.in-pregnancy': 'Записано {at}, в текущую беременность (с {from}).',
  'reason.rules.stop-now.not-placed': 'Записано {at}; ни текущая беременность, ни дата начала назначения не записаны, поэтому запись не удалось расположить во времени.',
  'reason.rules.stop-now.after-order-start': 'Записано {at}, после начала активного назначения НМГ (текущая беременность не записана).',
  'reason.rules.stop-now.labour-source-note': 'Сам источник говорит о плановых родах (не менее чем за 2 дня), а не о начале родовой деятельности.',
  'reason.rules.anchor.estradiol-start': 'Начало эстрадиола ({order})',
  'reason.rules.caution.long-before': `{order}: начало {start}, за {days, plural, one {# день} few {# дня} many {# дней} other {# дня}} до {hasLabel, select, true {события «{anchor}»} other {начала текущей беременности}} ({anchorAt}); порог приложения — {threshold, plural, one {# день} few {# дня} many {# дней} other {# дня}}.`,
  'reason.rules.caution.dose-band': `Доза {direction, select, below {ниже} other {выше}} диапазона RCOG для массы тела при первой явке. {order}: {daily, number} ${DOSE_UNIT}/сут ({perKg, number} ${DOSE_UNIT}/кг/сут при массе тела при первой явке {kg, number} кг, {weighedAt}). В переписанной таблице RCOG для диапазона {band} ({doseClass, select, prophylactic {профилактическая доза} intermediate {промежуточная доза} therapeutic {лечебная доза} other {{doseClass}}}) указано {expected, number} ${DOSE_UNIT}/сут; с первоисточником не сверено.`,
  'reason.rules.caution.renal': 'Клиренс креатинина {value, number} {unit}, {at} (ниже {below} мл/мин) при текущем назначении НМГ: {orders}.',
  'reason.rules.caution.current-orders': 'Текущее назначение НМГ: {orders}.',
  'reason.rules.not-checked.no-start': 'Назначение НМГ с датой начала не найдено.',
  'reason.rules.not-checked.no-anchor': 'Для сравнения не записано ни события протокола ЭКО, ни начала беременности.',
  'reason.rules.not-checked.therapeutic': '{order}: лечебные дозы по массе тела (RCOG 37b) здесь не проверены, поэтому сверка с диапазоном не выполняется.',
  'reason.rules.not-checked.dose-class-unknown': '{order}: класс дозы неизвестен, поэтому сверка с диапазоном не выполняется.',
  'reason.rules.not-checked.ingredient': '{order}: таблица охватывает только эноксапарин, далтепарин и тинзапарин.',
  'reason.rules.not-checked.no-daily-dose': '{order}: суточную дозу не удалось прочитать из назначения.',
  'reason.rules.not-checked.no-weight': '{order}: масса тела не записана.',
  'reason.rules.not-checked.non-booking-weight': '{order}: записана только масса тела не при первой явке; таблица использует массу тела при первой явке.',
  'reason.rules.not-checked.unit': `{order}: суточная доза в ${DOSE_UNIT}, ожидались {expected, select, mg {мг} IU {МЕ} other {{expected}}} для {ingredient, select, enoxaparin {эноксапарина} dalteparin {далтепарина} tinzaparin {тинзапарина} other {{ingredient}}}.`,
  'reason.rules.not-checked.intermediate-band': '{order}: таблица даёт высокую профилактическую (промежуточную) дозу только для массы тела 50–90 кг.',
  'reason.rules.not-checked.no-clearance': 'Клиренс креатинина не записан.',

  'reason.rules.what-if.type-missing': 'Выберите тип события.',
  'reason.rules.what-if.date-missing': 'Введите дату события.',
  'reason.rules.what-if.date-unreadable': 'Дату не удалось прочитать: введите полную календарную дату.',
  'reason.rules.what-if.time-unreadable': 'Время не удалось прочитать: введите часы и минуты (от 00:00 до 23:59) или оставьте поле пустым.',
  'reason.rules.what-if.time-nonexistent': 'В этот день такого времени в часовом поясе учреждения нет (перевод часов): введите другое время.',

  'rules.status.stop-documented': 'Отмена НМГ документирована',
  'rules.status.stop-not-documented': 'Отмена НМГ не документирована',
  'rules.status.no-lmwh-order': 'Назначение НМГ не найдено',
  'rules.status.unknown': 'Неизвестно',
  'rules.records': 'Записи',
  'rules.search.problem': '{group}: {notRead, select, true {не прочитано} other {{status}}}{hasReason, select, true { ({reason})} other {}}',
  'rules.search.problemSeparator': '; ',
  'reason.rules.card.no-lmwh-order': 'Назначение НМГ не найдено: крайний срок последней дозы не рассчитывается. Добавьте гипотетическое событие, чтобы увидеть интервалы.',
} as const satisfies Record<keyof typeof rulesEn, string>;
