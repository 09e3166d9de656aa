/** Почему часть карты не прочитана: коды уровня FHIR, предвыборки CDS и полноты поиска. The same keys as `en/fhirErrors.ts`. */
import type { fhirErrorsEn } from '../en/fhirErrors';
import { groupSelect } from '../en/fhirErrors';
import { availabilityRu } from './availability';

/** «поиск»/«чтение» в родительном падеже: «на запрос поиска Condition». */
const action = '{action, select, search {поиска} other {чтения}}';
const diagnostics = '{hasDiagnostics, select, true {: {diagnostics}} other {}}';

export const fhirErrorsRu = {
  'reason.fhir.forbidden-url': `запрос ${action} {type} отправил бы токен на другой сервер; не выполнен`,
  'reason.fhir.timeout': `нет ответа на запрос ${action} {type} за {hasTime, select, true {{amount} {unit, select, s {с} other {мс}}} other {отведённое время}}`,
  'reason.fhir.no-answer': `запрос ${action} {type} не выполнен (ошибка сети или нечитаемый ответ)`,
  'reason.fhir.not-json': `ответ сервера на запрос ${action} {type} не является данными FHIR (например, это веб-страница)`,
  'reason.fhir.not-fhir': `ответ сервера на запрос ${action} {type} пуст или не в формате FHIR`,
  'reason.fhir.refused': 'сервер отказал в доступе к {type} ({status}){scopesMissing, select, true {; предоставленные права доступа, по-видимому, его не включают} other {}}',
  'reason.fhir.busy': `сервер был слишком загружен, чтобы ответить на запрос ${action} {type} ({status}){retries, plural, =0 {} one {; отказ и после # повтора} few {; отказ и после # повторов} many {; отказ и после # повторов} other {; отказ и после # повтора}}`,
  'reason.fhir.rejected': `сервер отклонил запрос ${action} {type} (400)${diagnostics}`,
  'reason.fhir.search-not-offered': `сервер не поддерживает поиск {type} (404)${diagnostics}`,
  'reason.fhir.not-found': 'указанный ресурс {type} не найден (404)',
  'reason.fhir.server-failed': `ошибка сервера при запросе ${action} {type} ({status})${diagnostics}`,
  'reason.fhir.not-a-resource': 'сервер прислал данные, которые не являются ресурсом FHIR',
  'reason.fhir.outcome-instead': `вместо результатов сервер прислал сообщение об ошибке${diagnostics}`,
  'reason.fhir.wrong-resource': 'вместо результатов поиска сервер прислал {sent}',
  'reason.fhir.read-wrong-type': 'на запрос чтения {type} сервер ответил не ресурсом {type}',
  'reason.fhir.search-failed': 'поиск {type} не выполнен: {why}',
  'reason.fhir.page-failed': 'страница {page} результатов поиска {type} не прочитана: {why}',
  'reason.fhir.next-link-loop': 'ссылки сервера на следующие страницы {type} ведут на уже прочитанную страницу; чтение остановлено после {pages, plural, one {# страницы} few {# страниц} many {# страниц} other {# страницы}}',
  'reason.fhir.next-link-foreign': 'ссылка на следующую страницу поиска {type} ведёт на другой сервер; не выполнена',
  'reason.fhir.page-limit':
    'в поиске {type} больше {maxPages, plural, one {# страницы} few {# страниц} many {# страниц} other {# страницы}}; чтение остановлено на пределе безопасности, прочитано результатов: {read}{hasTotal, select, true { из {total}} other {}}; {newestFirst, select, true {более ранние результаты не показаны} other {остальные результаты не показаны}}',
  'reason.fhir.errors-in-results': 'сервер сообщил об ошибке в результатах поиска {type}: {errors}',
  'reason.fhir.not-in-capabilities': 'сервер не поддерживает поиск {type} (его нет в описании возможностей сервера)',
  'reason.fhir.other-patient-read': 'на запрос данных пациентки сервер ответил данными другой пациентки',
  'reason.fhir.session-ended': 'не прочитано: сеанс завершился раньше',
  'reason.fhir.still-reading': 'ещё читается',
  'reason.fhir.report-members-failed': 'часть результатов из лабораторных заключений не прочитана: {why}',
  'reason.fhir.report-members-foreign': '{n, plural, one {# ссылка} few {# ссылки} many {# ссылок} other {# ссылки}} на результаты лабораторных заключений {n, plural, one {ведёт} few {ведут} many {ведут} other {ведут}} на другой сервер; не выполнены',
  'reason.fhir.report-members-limit': 'результатов лабораторных заключений для чтения больше {max}; чтение остановлено на пределе безопасности',
  'reason.fhir.medications-failed': 'часть сведений о препаратах не прочитана: {why}',
  'reason.fhir.medication-refs-foreign': '{n, plural, one {# ссылка} few {# ссылки} many {# ссылок} other {# ссылки}} на препараты {n, plural, one {ведёт} few {ведут} many {ведут} other {ведут}} на другой сервер; не выполнены',
  'reason.fhir.medication-refs-unresolvable': '{n, plural, one {# ссылку} few {# ссылки} many {# ссылок} other {# ссылки}} на препараты не удалось разрешить',
  'reason.fhir.several': '{items}',
  'reason.fhir.not-requested': 'получено в ответ на поиск {type}, но не запрашивалось',
  'reason.fhir.other-patient': 'относится к другой пациентке, а не к той, для которой запущено приложение',
  'reason.fhir.type-not-requested': '{type} не запрашивался',
  'reason.fhir.no-patient-participant': 'среди участников нет пациентки: нельзя подтвердить, что запись относится к ней',
  'reason.fhir.no-patient-element': 'нет элемента {element}: нельзя подтвердить, что запись относится к этой пациентке',
  'reason.fhir.refers-to-non-patient': 'ссылается на {type}, а не на пациентку',
  'reason.fhir.urn-unresolved': 'ссылка на пациентку не разрешается: нельзя подтвердить, что запись относится к ней',
  'reason.fhir.contained-patient': 'ссылается на встроенную копию данных пациентки, а не на карту: нельзя подтвердить, что запись относится к ней',
  'reason.fhir.patient-ref-unreadable': 'ссылку на пациентку не удалось прочитать: нельзя подтвердить, что запись относится к ней',
  'reason.fhir.session-expired': 'сеанс завершён: запустите LMWH Monitor из МИС заново',
  'reason.fhir.network': 'сервер FHIR недоступен',
  'reason.fhir.record-failed': 'карту прочитать не удалось',
  'reason.record.group-status': `${groupSelect(availabilityRu)}: {status, select, unavailable {недоступно} other {прочитано не полностью}}{hasWhy, select, true { ({why})} other {}}`,
  'reason.record.groups-incomplete': '{items}',
  'reason.cds.not-prefetched': 'не входит в данные, заранее присланные МИС (предвыборку)',
  'reason.cds.no-prefetch': 'МИС не прислала предвыборку «{key}»',
  'reason.cds.prefetch-not-resource': 'предвыборка «{key}» не является ресурсом FHIR',
  'reason.cds.prefetch-paged': 'у предвыборки «{key}» есть неприсланные страницы',
  'reason.cds.medications-not-prefetched': 'препаратов по ссылкам нет в предвыборке: {n}',
} as const satisfies Record<keyof typeof fhirErrorsEn, string>;
