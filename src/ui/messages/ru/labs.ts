/**
 * Гемостазиограмма и анализы безопасности; причины проверки картины ГИТ и времени взятия анти-Ха. The same keys as
 * `en/labs.ts`. Units as Russian labs write them (×10⁹/л), decimal comma, terms from docs/glossary-ru.md. Counts
 * the domain passes as raw numbers are read with `{x, number}` for the decimal comma.
 */
import type { labsEn } from '../en/labs';

const HEPARIN_DAYS = 'дни {from}–{to} применения гепарина';

export const labsRu = {
  'reason.hit.no-heparin':
    'В данных карты нет назначения гепарина или записанной дозы гепарина: картина гепарин-индуцированной тромбоцитопении не проверяется.',
  'reason.hit.start-unknown':
    'Начало применения гепарина неизвестно (у назначений нет даты начала, и нет записанной дозы со временем): картину проверить нельзя.',
  'reason.hit.no-baseline': 'Нет подсчёта тромбоцитов до начала гепарина ({start}): картину проверить нельзя.',
  'reason.hit.baseline-unusable': 'Последний подсчёт тромбоцитов до гепарина ({original}) непригоден для оценки: картину проверить нельзя.',
  'reason.hit.no-count-after-start': 'Нет подсчёта тромбоцитов после начала гепарина ({start}); исходный уровень до гепарина {baseline, number} ×10⁹/л, {baselineWhen}.',
  'reason.hit.pattern': 'Возможная картина гепарин-индуцированной тромбоцитопении: {fall} ({window}).',
  'reason.hit.fall':
    'Тромбоциты {comparator}{value, number} ×10⁹/л, {when}: {atLeast, select, yes {не менее чем на } other {на }}{percent}% ниже исходного уровня до гепарина {baseline, number} ×10⁹/л, день {day} применения гепарина',
  'reason.hit.window': `{afterPrior, select, yes {${HEPARIN_DAYS} (гепарин вводился в предыдущие 100 дней)} other {${HEPARIN_DAYS}}}`,
  'reason.hit.fall-outside-window':
    'Тромбоциты снизились на 50% и более от исходного уровня до гепарина {baseline, number} ×10⁹/л ({baselineWhen}), но не в {window}: это не картина ГИТ; снижение показано.',
  'reason.hit.no-fall':
    'Снижения на 50% и более от исходного уровня до гепарина {baseline, number} ×10⁹/л ({baselineWhen}) нет в {n, plural, one {# подсчёте} few {# подсчётах} many {# подсчётах} other {# подсчёта}} после начала гепарина ({start}).',
  'reason.hit.order-no-start': 'у назначения {drug} {ref} нет даты начала: гепарин мог быть начат раньше, чем показано',
  'reason.hit.count-straddles-start': 'подсчёт тромбоцитов с датой {when} нельзя отнести ко времени до или после начала гепарина ({start})',
  'reason.hit.other-course': 'курс гепарина с {start}: {statement}',

  'reason.antixa.sample-no-time': 'у образца нет времени суток (записано как {recorded}), поэтому время после дозы неизвестно',
  'reason.antixa.no-dose': 'в данных карты нет записанной дозы (введение, сообщение пациентки или выдача препарата)',
  'reason.antixa.no-dose-before':
    'нет записанного времени дозы до взятия образца: {why, select, after {все записанные дозы со временем — после взятия образца{untimed, plural, =0 {} one { (# без времени)} few { (# без времени)} many { (# без времени)} other { (# без времени)}}} other {ни у одной записанной дозы нет времени}}',
  'reason.antixa.dose-no-time': 'у последней записанной дозы до взятия образца нет времени суток ({recorded}), поэтому время после дозы неизвестно',
  'reason.antixa.later-other-dose':
    '{kind, select, reported {доза со слов пациентки} dispensed {выданная доза (не доказательство инъекции)} other {введённая доза}} ({at}) позже последнего введения',
  'reason.antixa.not-lmwh': 'последняя доза — {drug}, а не НМГ: пик через 4 ч относится к подкожному введению НМГ',
  'reason.antixa.untimed-doses': 'записанных доз без времени: {n}; они не учитывались',

  'coag.heading': 'Гемостазиограмма (коагулограмма) и анализы безопасности',
  'coag.incomplete': 'Результаты гемостазиограммы могут быть неполными: {reason}',
  'coag.notRun': 'поиск показателей гемостаза не выполнялся',
  'coag.searchStatus': 'поиск: {status}',
  'coag.latest': 'Последний результат: ',
  'coag.statusMark': ' ({status})',
  'coag.rangeLabel': 'Референсный интервал (лаборатории):',
  'coag.flagLabel': 'Отметка лаборатории:',
  'coag.noneGiven': 'не указано',
  'coag.rangeFrom': 'от {low}{unit, select, none {} other { {unit}}}',
  'coag.rangeUpTo': 'до {high}{unit, select, none {} other { {unit}}}',
  'coag.asReported': 'Как в отчёте: {original} ({conversion})',
  'coag.trendNone': 'нет результатов',
  'coag.trend':
    '{n, plural, =1 {1 результат, {first}} one {# результат, {first} → {last}} few {# результата, {first} → {last}} many {# результатов, {first} → {last}} other {# результата, {first} → {last}}}',
  'coag.empty': 'Нет результатов: {label}',
  'coag.leftOut':
    '{label}: {n, plural, one {# результат не учтён} few {# результата не учтены} many {# результатов не учтены} other {# результата не учтены}}:',
  'coag.hide': 'Скрыть результаты: {label}',
  'coag.showAll': 'Показать все результаты: {label} ({n})',
  'coag.caption': 'Результаты: {label}',
  'coag.col.date': 'Дата',
  'coag.col.result': 'Результат (как в отчёте)',
  'coag.col.value': 'Значение',
  'coag.col.valueUnit': 'Значение ({unit})',
  'coag.col.range': 'Референсный интервал',
  'coag.col.status': 'Статус',
  'coag.col.sinceDose': 'Время после последней записанной дозы',
  'coag.col.source': 'Источник',
  'coag.statusFlag': '{status}; отметка лаборатории: {flag}',
  'coag.sinceDoseUnknown': 'Время после последней записанной дозы неизвестно',
  'coag.sampled':
    'образец взят через {since} после дозы, {kind, select, reported {принятой со слов пациентки} dispensed {выданной (не доказательство инъекции)} other {введённой}} {at}',
  'coag.window': '{window, select, in {в пределах пикового окна 3–5 ч} before {раньше пикового окна 3–5 ч} other {позже пикового окна 3–5 ч}}',
  'coag.timing': '{sampled} ({window})',
  'coag.notAdministered':
    '{kind, select, reported {доза со слов пациентки} other {выданная доза, не доказательство инъекции}}: введение до взятия образца не записано',
  'coag.peakNote': 'Оценивают пик: через 4 ч (3–5 ч) после подкожной дозы НМГ, в равновесном состоянии (с 3-й дозы).',
  'coag.reference': 'Клинический справочник, раздел {section}',
  'coag.doseSource': 'Источник сведений о дозе',
  'coag.hit.missed': 'Записи о препаратах не удалось прочитать полностью ({reason}): применение гепарина может быть пропущено.',
  'coag.hit.reasonNotGiven': 'причина не указана',
  'coag.hit.headingPattern': 'Возможная картина гепарин-индуцированной тромбоцитопении',
  'coag.hit.heading': 'Проверка на картину гепарин-индуцированной тромбоцитопении',
  'coag.hit.counts': 'Подсчёты тромбоцитов',
  'coag.hit.attribution':
    'Картина: снижение на 50% и более от исходного уровня до гепарина на 5–14-й день применения гепарина (раньше, если гепарин вводился в предыдущие 100 дней); картина описана в литературе по ГИТ; ссылка здесь не проверена.',
  'coag.hit.outside': 'Снижения на 50% и более вне этого периода (не картина ГИТ):',
  'coag.hit.started': 'Гепарин начат {start} ({drugs}).',
  'coag.hit.startSource': 'Источник даты начала',
  'coag.hit.guidance.lmwh-only-obstetric':
    'Акушерские пациентки, получающие только НМГ: риск ГИТ ниже 0,1%; рутинный контроль тромбоцитов не рекомендуется.',
  'coag.hit.guidance.ufh-obstetric':
    'Акушерские пациентки, получающие нефракционированный гепарин: риск ГИТ 0,1–1%; подсчёт тромбоцитов каждые 2–3 дня с 4-го по 14-й день.',
  'coag.hit.guidance.prior-heparin-100-days':
    'Гепарин в последние 100 дней: подсчёт тромбоцитов исходно и в течение 24 ч после начала гепарина.',
  'coag.hit.sourceLink': 'источник',
  'coag.noResultsFor': 'Нет результатов в записи: {list}',
} as const satisfies Record<keyof typeof labsEn, string>;
