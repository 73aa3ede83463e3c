/**
 * What each policy key does, in both languages of the Group Policy templates
 * and the README's table. One entry per key of the schema (a test checks
 * none is missing and none is left over).
 */
export interface PolicyText {
  en: string;
  uk: string;
}

export const policySectionTexts: Record<string, PolicyText> = {
  settings: { en: 'Operator settings', uk: 'Налаштування оператора' },
  externalLinkAllowlist: { en: 'Links', uk: 'Посилання' },
  lists: { en: 'Reasons and outcomes', uk: 'Причини й результати' },
  sip: { en: 'Telephony', uk: 'Телефонія' },
  calls: { en: 'Calls', uk: 'Дзвінки' },
  scripts: { en: 'Call scripts', uk: 'Скрипти' },
  privacy: { en: 'Personal data', uk: 'Персональні дані' },
  referenceFiles: { en: 'Reference files', uk: 'Довідкові файли' },
  performance: { en: 'Performance sheet', uk: 'Показники' },
  updates: { en: 'Updates', uk: 'Оновлення' },
  outbound: { en: 'Outbound lists', uk: 'Обдзвін' },
  sync: { en: 'Team sync', uk: 'Командна робота' },
};

const json = { en: ' (JSON text)', uk: ' (текст JSON)' };

export const policyKeyTexts: Record<string, PolicyText> = {
  'settings.language': { en: 'Interface language: uk or en.', uk: 'Мова інтерфейсу: uk або en.' },
  'settings.theme': {
    en: 'Appearance: system, light or dark.',
    uk: 'Вигляд: system, light або dark.',
  },
  'settings.hotkeys': {
    en: `Call hotkeys, e.g. {"answer":"F2","hangUp":"F4",…}${json.en}.`,
    uk: `Гарячі клавіші дзвінків, напр. {"answer":"F2","hangUp":"F4",…}${json.uk}.`,
  },
  'settings.audio': {
    en: `Audio devices by name: {"microphone":"…","speaker":"…","ring":"…"}${json.en}.`,
    uk: `Аудіопристрої за назвою: {"microphone":"…","speaker":"…","ring":"…"}${json.uk}.`,
  },
  'settings.autoAnswer': {
    en: 'Answer inbound calls automatically when Ready.',
    uk: 'Автоматично відповідати на вхідні дзвінки в стані «Готовий».',
  },
  'settings.headset': {
    en: 'The headset to use (its name as Settings lists it).',
    uk: 'Гарнітура (назва, як у Налаштуваннях).',
  },
  'settings.globalCallHotkeys': {
    en: 'Answer and hang up from any program.',
    uk: 'Відповідати й завершувати з будь-якої програми.',
  },
  externalLinkAllowlist: {
    en: `Web addresses the operator may open from Pult${json.en}.`,
    uk: `Адреси, які оператор може відкрити з Pult${json.uk}.`,
  },
  'lists.notReadyReasons': {
    en: `Not Ready reasons offered, e.g. ["break","lunch"]${json.en}.`,
    uk: `Причини «Не готовий», напр. ["break","lunch"]${json.uk}.`,
  },
  'lists.dispositions': {
    en: `Call outcomes offered in wrap-up${json.en}.`,
    uk: `Результати дзвінка в підсумку${json.uk}.`,
  },
  'lists.refusalReasons': {
    en: `Refusal reasons: [{"code":"…","uk":"…","en":"…"}]${json.en}.`,
    uk: `Причини відмови: [{"code":"…","uk":"…","en":"…"}]${json.uk}.`,
  },
  'sip.wsUrl': {
    en: 'The PBX every workstation uses (wss://…); shown locked.',
    uk: 'АТС для всіх робочих місць (wss://…); заблоковано в Налаштуваннях.',
  },
  'sip.plainWebSocketHosts': {
    en: `Hosts a PBX may be reached on by plain ws://${json.en}.`,
    uk: `Хости, до яких дозволено звичайний ws://${json.uk}.`,
  },
  'calls.whenNotReady': {
    en: 'Inbound calls while Not Ready: decline, or ringWithoutAutoAnswer.',
    uk: 'Вхідні в стані «Не готовий»: decline (відхиляти) або ringWithoutAutoAnswer.',
  },
  'calls.dialRules.format': {
    en: 'How external numbers are dialled: e164, international or national.',
    uk: 'Формат набору зовнішніх номерів: e164, international або national.',
  },
  'calls.dialRules.externalPrefix': {
    en: 'Digits dialled before an external number (e.g. 9).',
    uk: 'Префікс виходу на місто (напр. 9).',
  },
  'calls.wrapUp.limitSeconds': {
    en: 'Wrap-up time limit in seconds (0: none).',
    uk: 'Ліміт часу на підсумок, с (0 — без ліміту).',
  },
  'calls.wrapUp.whenTimeUp': {
    en: 'When wrap-up time is up: ready (back to work) or stay.',
    uk: 'Коли час підсумку минув: ready (до роботи) або stay.',
  },
  'calls.departments': {
    en: `Department lines for transfer: [{"name":"…","number":"…"}]${json.en}.`,
    uk: `Лінії відділів для переведення: [{"name":"…","number":"…"}]${json.uk}.`,
  },
  'scripts.lines': {
    en: `Which script each dialled line gets: [{"line":"…","script":"…"}]${json.en}.`,
    uk: `Який скрипт для якої лінії: [{"line":"…","script":"…"}]${json.uk}.`,
  },
  'scripts.editors': {
    en: `Windows user names that may edit and publish scripts${json.en}.`,
    uk: `Імена користувачів Windows, які можуть редагувати скрипти${json.uk}.`,
  },
  'scripts.operatorsMay.goBack': {
    en: 'Operators may go back a step in a script.',
    uk: 'Оператор може повертатися на крок назад.',
  },
  'scripts.operatorsMay.finishEarly': {
    en: 'Operators may finish a script before its end.',
    uk: 'Оператор може завершити скрипт достроково.',
  },
  'scripts.folder': {
    en: 'A folder of script files IT ships (read-only here).',
    uk: 'Тека зі скриптами від ІТ (лише для читання).',
  },
  'scripts.lineHeader': {
    en: 'The SIP header carrying the dialled number.',
    uk: 'SIP-заголовок із набраним номером.',
  },
  'privacy.maskCard': {
    en: 'Mask phones, e-mail and account on the card until the operator gives a reason.',
    uk: 'Маскувати телефони, e-mail і рахунок у картці, доки оператор не вкаже причину.',
  },
  'referenceFiles.catalogue': {
    en: 'The catalogue file (order types, products, tariffs, promotions).',
    uk: 'Файл каталогу (типи замовлень, продукти, тарифи, акції).',
  },
  'referenceFiles.codifier': {
    en: 'A newer KATOTTG codifier (kodifikator.xlsx).',
    uk: 'Новіша редакція кодифікатора КАТОТТГ (kodifikator.xlsx).',
  },
  'performance.targets': {
    en: `Targets, each edition in force from its day${json.en}.`,
    uk: `Цілі, кожна редакція діє зі свого дня${json.uk}.`,
  },
  'performance.targetsFile': {
    en: "The supervisor's targets file.",
    uk: 'Файл цілей від супервізора.',
  },
  'performance.achievementKinds': {
    en: `Achievement kinds with their points${json.en}.`,
    uk: `Види досягнень і їхні бали${json.uk}.`,
  },
  'performance.averageScore.over': {
    en: 'Average score over days or entries.',
    uk: 'Середній бал: за днями (days) або записами (entries).',
  },
  'performance.averageScore.count': {
    en: 'Count all achievements, or only confirmed ones.',
    uk: 'Враховувати всі досягнення (all) чи лише підтверджені (confirmed).',
  },
  'performance.shift': {
    en: `The default shift: {"from":"09:00","to":"18:00"}${json.en}.`,
    uk: `Зміна за замовчуванням: {"from":"09:00","to":"18:00"}${json.uk}.`,
  },
  'performance.callbackGraceMinutes': {
    en: 'Minutes after its time a callback still counts as on time.',
    uk: 'Скільки хвилин після терміну передзвін ще вчасний.',
  },
  'performance.scheduleFile': {
    en: "The supervisors' schedule file (CSV or XLSX).",
    uk: 'Файл графіка від супервізорів (CSV або XLSX).',
  },
  'updates.enabled': {
    en: 'Pult updates itself (off: IT installs new versions, e.g. by MSI).',
    uk: 'Pult оновлюється сам (вимкнено: нові версії встановлює ІТ, напр. MSI).',
  },
  'updates.url': {
    en: "The center's update server (a folder per ring).",
    uk: 'Сервер оновлень центру (тека на кожну хвилю).',
  },
  'updates.ring': {
    en: 'Update ring: pilot or broad.',
    uk: 'Хвиля оновлень: pilot (пілотна) або broad (усі).',
  },
  'updates.pinVersion': {
    en: 'Take only this version (also to roll back).',
    uk: 'Лише ця версія (також для відкату).',
  },
  'updates.hold': {
    en: 'Stay on the running version.',
    uk: 'Залишатися на поточній версії.',
  },
  'updates.checkEveryHours': {
    en: 'Hours between checks for an update.',
    uk: 'Годин між перевірками оновлень.',
  },
  'outbound.countries': {
    en: `Calling rules per country of the number (zone, hours, holidays, attempts, the wait after a refusal, consent); they replace the shipped UA and FR${json.en}.`,
    uk: `Правила дзвінків за країною номера (пояс, години, свята, спроби, пауза після відмови, згода); замінюють вбудовані UA і FR${json.uk}.`,
  },
  'outbound.previewAutoDialSeconds': {
    en: 'Preview: seconds before the lead on screen is dialled by itself (0: only by Call).',
    uk: 'Попередній перегляд: за скільки секунд номер набирається сам (0: лише кнопкою «Дзвонити»).',
  },
  'sync.server': {
    en: `The center's PostgreSQL: {"host":"db.center.local","port":5432,"database":"pult","caFile":"C:\\\\ProgramData\\\\Pult\\\\ca.pem"}; each operator logs in with their own role over TLS${json.en}.`,
    uk: `PostgreSQL центру: {"host":"db.center.local","port":5432,"database":"pult","caFile":"C:\\\\ProgramData\\\\Pult\\\\ca.pem"}; кожен оператор входить своєю роллю через TLS${json.uk}.`,
  },
  'updates.window': {
    en: `When updates may be installed: {"from":"20:00","to":"08:00"}${json.en}.`,
    uk: `Коли дозволено встановлювати: {"from":"20:00","to":"08:00"}${json.uk}.`,
  },
};
