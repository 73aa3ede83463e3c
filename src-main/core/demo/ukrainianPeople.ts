/**
 * Plausible Ukrainian clients for the demo workspace and the benchmarks:
 * names with matching patronymics, real city and street names, numbers of
 * real mobile operators. Deterministic for a given seed.
 */

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const surnames = [
  'Шевченко',
  'Коваленко',
  'Бондаренко',
  'Ткаченко',
  'Кравченко',
  'Олійник',
  'Мельник',
  'Шевчук',
  'Поліщук',
  'Бойко',
  'Ткачук',
  'Савченко',
  'Руденко',
  'Лисенко',
  'Марченко',
  'Мороз',
  'Петренко',
  'Клименко',
  'Павленко',
  'Іваненко',
  'Гончаренко',
  'Левченко',
  'Харченко',
  'Кузьменко',
  'Приходько',
  'Гаврилюк',
  'Ковальчук',
  'Литвиненко',
  'Юрченко',
  'Карпенко',
  'Сидоренко',
  'Костенко',
  'Ґудзь',
  'Їжакевич',
  'Євтушенко',
  'Яковенко',
  'Білик',
  'Дорошенко',
  'Панченко',
  'Мазур',
  'Онищенко',
  'Зінченко',
  'Головко',
  'Данилюк',
  'Романюк',
  'Семенюк',
  'Кириленко',
  'Тимошенко',
  'Василенко',
  'Федоренко',
];
const male = [
  ['Олександр', 'Олександрович', 'Олександрівна'],
  ['Іван', 'Іванович', 'Іванівна'],
  ['Сергій', 'Сергійович', 'Сергіївна'],
  ['Андрій', 'Андрійович', 'Андріївна'],
  ['Дмитро', 'Дмитрович', 'Дмитрівна'],
  ['Микола', 'Миколайович', 'Миколаївна'],
  ['Юрій', 'Юрійович', 'Юріївна'],
  ['Василь', 'Васильович', 'Василівна'],
  ['Петро', 'Петрович', 'Петрівна'],
  ['Тарас', 'Тарасович', 'Тарасівна'],
  ['Олег', 'Олегович', 'Олегівна'],
  ['Ігор', 'Ігорович', 'Ігорівна'],
  ['Богдан', 'Богданович', 'Богданівна'],
  ['Володимир', 'Володимирович', 'Володимирівна'],
  ['Євген', 'Євгенович', 'Євгенівна'],
  ['Ярослав', 'Ярославович', 'Ярославівна'],
] as const;
const female = [
  'Олена',
  'Наталія',
  'Ірина',
  'Тетяна',
  'Оксана',
  'Марія',
  'Юлія',
  'Світлана',
  'Ганна',
  'Людмила',
  'Катерина',
  'Ольга',
  'Галина',
  'Вікторія',
  'Мар’яна',
  'Софія',
  'Євгенія',
  'Інна',
  'Ліліана',
  'Христина',
];
export const cities = [
  'Київ',
  'Харків',
  'Одеса',
  'Дніпро',
  'Львів',
  'Запоріжжя',
  'Вінниця',
  'Полтава',
  'Чернігів',
  'Суми',
  'Житомир',
  'Черкаси',
  'Хмельницький',
  'Рівне',
  'Івано-Франківськ',
  'Тернопіль',
  'Луцьк',
  'Ужгород',
  'Біла Церква',
  'Кропивницький',
];
const streets = [
  'вул. Шевченка',
  'вул. Грушевського',
  'просп. Перемоги',
  'вул. Січових Стрільців',
  'вул. Франка',
  'вул. Лесі Українки',
  'бульв. Незалежності',
  'вул. Соборна',
  'вул. Садова',
  'вул. Миру',
  'вул. Героїв Майдану',
  'вул. Вишнева',
  'просп. Свободи',
  'вул. Київська',
  'вул. Зелена',
];
const mobileCodes = [
  '50',
  '66',
  '95',
  '99',
  '67',
  '68',
  '96',
  '97',
  '98',
  '63',
  '73',
  '93',
  '91',
  '92',
  '94',
];

export interface DemoPerson {
  fullName: string;
  phone: string;
  address: string;
  city: string;
}

export const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;

export function makePerson(random: () => number, serial: number): DemoPerson {
  const surname = pick(random, surnames);
  const father = pick(random, male);
  let fullName: string;
  if (random() < 0.5) {
    const [first] = pick(random, male);
    fullName = `${surname} ${first} ${father[1]}`;
  } else {
    // The surnames chosen are the same for women and men (-енко, -ук, Мороз…).
    fullName = `${surname} ${pick(random, female)} ${father[2]}`;
  }
  // Unique numbers: the serial spreads over operators and the subscriber part.
  const code = mobileCodes[serial % mobileCodes.length] as string;
  const subscriber = String(
    (Math.floor(serial / mobileCodes.length) * 7919 + 1_000_003) % 10_000_000,
  ).padStart(7, '0');
  const house = 1 + Math.floor(random() * 150);
  const flat = random() < 0.7 ? `, кв. ${1 + Math.floor(random() * 200)}` : '';
  return {
    fullName,
    phone: `0${code} ${subscriber.slice(0, 3)} ${subscriber.slice(3, 5)} ${subscriber.slice(5)}`,
    address: `${pick(random, streets)}, ${house}${flat}`,
    city: pick(random, cities),
  };
}
