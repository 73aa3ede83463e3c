import {
  exitsOf,
  scriptGraphSchema,
  type ScriptGraph,
  type ScriptNode,
} from '../../../src-shared/scripts/scriptGraph';

/**
 * The demo's three call scripts, as a center would write them: inbound
 * internet and TV support (with a transfer to технічна підтримка), outbound
 * tariff telesales with its objections ("дорого", "вже маю провайдера") and
 * a re-offer, and a customer survey (анкетування) whose answers are kept per
 * question. Each passes the publishing check (a test says so).
 */
export const demoSupportScript: ScriptGraph = scriptGraphSchema.parse({
  name: 'Підтримка: інтернет і ТБ',
  start: 'hello',
  nodes: [
    {
      id: 'hello',
      type: 'say',
      text: 'Добрий день, {{client.firstName}}! Мене звати {{agent.name}}, служба підтримки «Пульт Телеком». Чим можу допомогти?',
      next: 'problem',
    },
    {
      id: 'problem',
      type: 'question',
      text: 'Що сталося?',
      variable: 'problem',
      choices: [
        { id: 'modem', label: 'Модем не працює', next: 'lights' },
        { id: 'slow', label: 'Повільний інтернет', next: 'speedtest' },
        { id: 'tv', label: 'Немає каналів ТБ', next: 'tvReset' },
        { id: 'other', label: 'Інше питання', next: 'info' },
      ],
    },
    {
      id: 'lights',
      type: 'question',
      text: 'Попросіть подивитися на модем: чи горить індикатор «Інтернет» (або «PON»)?',
      variable: 'lights',
      choices: [
        { id: 'green', label: 'Горить зеленим', next: 'reboot' },
        { id: 'red', label: 'Блимає червоним або не горить', next: 'toTech' },
        { id: 'off', label: 'Модем не вмикається', next: 'toTech' },
      ],
    },
    {
      id: 'reboot',
      type: 'say',
      text: 'Вимкніть, будь ласка, модем із розетки на 30 секунд і ввімкніть знову. Зачекайте близько двох хвилин, поки індикатори перестануть блимати.',
      next: 'fixed',
    },
    {
      id: 'fixed',
      type: 'question',
      text: 'Чи з’явився зв’язок?',
      variable: 'fixed',
      choices: [
        { id: 'yes', label: 'Так, працює', next: 'solved' },
        { id: 'no', label: 'Ні', next: 'toTech' },
      ],
    },
    {
      id: 'speedtest',
      type: 'say',
      text: 'Перевірте, будь ласка, швидкість на speedtest.net з комп’ютера, підключеного кабелем, не через Wi-Fi.',
      next: 'speed',
    },
    {
      id: 'speed',
      type: 'input',
      text: 'Яку швидкість показав тест, Мбіт/с?',
      variable: 'speed',
      inputType: 'number',
      required: true,
      min: 0,
      max: 10000,
      next: 'fixed',
    },
    {
      id: 'tvReset',
      type: 'say',
      text: 'Вимкніть приставку на 10 секунд і ввімкніть. Якщо канали не з’явилися, запустіть автопошук: «Меню» → «Налаштування» → «Пошук каналів».',
      next: 'fixed',
    },
    { id: 'toTech', type: 'transfer', department: 'Технічна підтримка' },
    { id: 'solved', type: 'end', outcome: 'info' },
    {
      id: 'info',
      type: 'say',
      text: 'Відповідайте за базою знань. Наостанок: «Дякую, що звернулися, {{client.firstName}}! Гарного дня».',
      next: 'done',
    },
    { id: 'done', type: 'end', outcome: 'info' },
  ],
});

export const demoTelesalesScript: ScriptGraph = scriptGraphSchema.parse({
  name: 'Продаж: тариф «Інтернет 500»',
  start: 'hello',
  nodes: [
    {
      id: 'hello',
      type: 'say',
      text: 'Добрий день, {{client.firstName}}! Мене звати {{agent.name}}, компанія «Пульт Телеком». Маєте хвилинку для вигідної пропозиції?',
      next: 'time',
    },
    {
      id: 'time',
      type: 'question',
      text: 'Чи зручно говорити?',
      variable: 'time',
      choices: [
        { id: 'yes', label: 'Так', next: 'offer500' },
        { id: 'later', label: 'Зараз незручно', next: 'callback' },
      ],
    },
    {
      id: 'offer500',
      type: 'offer',
      item: 'Інтернет 500',
      text: 'За вашою адресою ({{client.address}}) доступний тариф «Інтернет 500»: до 500 Мбіт/с за 250 грн на місяць. Підключення безкоштовне, перший місяць — 1 грн.',
      accepted: 'visitDate',
      refused: 'objection',
    },
    {
      id: 'objection',
      type: 'branch',
      on: { source: 'answer', name: 'offer500' },
      cases: [
        { equals: 'refused:tooExpensive', next: 'offer100' },
        { equals: 'refused:hasProvider', next: 'switchFree' },
      ],
      otherwise: 'refused',
    },
    {
      id: 'offer100',
      type: 'offer',
      item: 'Інтернет 100',
      text: 'Розумію. Тоді є «Інтернет 100»: до 100 Мбіт/с лише за 180 грн на місяць — вистачить для фільмів і навчання.',
      accepted: 'visitDate',
      refused: 'refused',
    },
    {
      id: 'switchFree',
      type: 'offer',
      item: 'Інтернет 500',
      text: 'Ми підключимо вас безкоштовно, а перший місяць коштує 1 грн: можна порівняти з нинішнім провайдером без ризику.',
      accepted: 'visitDate',
      refused: 'refused',
    },
    {
      id: 'visitDate',
      type: 'input',
      text: 'Коли зручно прийняти майстра?',
      variable: 'visitDate',
      inputType: 'date',
      required: true,
      next: 'visitSlot',
    },
    {
      id: 'visitSlot',
      type: 'input',
      text: 'У який проміжок часу?',
      variable: 'visitSlot',
      inputType: 'timeSlot',
      required: true,
      next: 'confirm',
    },
    {
      id: 'confirm',
      type: 'say',
      text: 'Записую: майстер приїде {{answers.visitDate}}, {{answers.visitSlot}}. Будьте вдома і майте паспорт. Дякую, {{client.firstName}}!',
      next: 'order',
    },
    // The order form opens for the client, filled from the card; the script goes on to its end.
    { id: 'order', type: 'order', orderType: 'Підключення послуги', next: 'sale' },
    { id: 'sale', type: 'end', outcome: 'sale' },
    {
      id: 'refused',
      type: 'say',
      text: 'Дякую за час, {{client.firstName}}! Якщо з’явиться вигідніша пропозиція, ми повідомимо.',
      next: 'refusedEnd',
    },
    { id: 'refusedEnd', type: 'end', outcome: 'refused' },
    { id: 'callback', type: 'end', outcome: 'callback' },
  ],
});

const score = (variable: string, text: string, next: string) => ({
  id: variable,
  type: 'question',
  text,
  variable,
  choices: [1, 2, 3, 4, 5].map((n) => ({ id: `s${n}`, label: String(n), next })),
});

export const demoSurveyScript: ScriptGraph = scriptGraphSchema.parse({
  name: 'Анкетування: якість обслуговування',
  start: 'hello',
  nodes: [
    {
      id: 'hello',
      type: 'say',
      text: 'Добрий день, {{client.firstName}}! Мене звати {{agent.name}}, «Пульт Телеком». Проводимо коротке опитування про якість зв’язку: три запитання.',
      next: 'consent',
    },
    {
      id: 'consent',
      type: 'question',
      text: 'Чи можете відповісти?',
      variable: 'consent',
      choices: [
        { id: 'yes', label: 'Так', next: 'quality' },
        { id: 'no', label: 'Ні', next: 'noTime' },
      ],
    },
    score('quality', 'Оцініть якість інтернету від 1 до 5.', 'support'),
    {
      id: 'support',
      type: 'question',
      text: 'Чи зверталися ви до підтримки за останні три місяці?',
      variable: 'support',
      choices: [
        { id: 'yes', label: 'Так', next: 'supportScore' },
        { id: 'no', label: 'Ні', next: 'recommend' },
      ],
    },
    score('supportScore', 'Наскільки вам допомогли, від 1 до 5?', 'recommend'),
    {
      id: 'recommend',
      type: 'question',
      text: 'Чи порадили б ви нас друзям?',
      variable: 'recommend',
      choices: [
        { id: 'yes', label: 'Так', next: 'comment' },
        { id: 'maybe', label: 'Можливо', next: 'comment' },
        { id: 'no', label: 'Ні', next: 'comment' },
      ],
    },
    {
      id: 'comment',
      type: 'input',
      text: 'Що нам варто покращити? (можна пропустити)',
      variable: 'comment',
      inputType: 'text',
      required: false,
      next: 'thanks',
    },
    {
      id: 'thanks',
      type: 'say',
      text: 'Дякую за відповіді, {{client.firstName}}! Гарного дня.',
      next: 'done',
    },
    { id: 'done', type: 'end', outcome: 'info' },
    { id: 'noTime', type: 'end', outcome: 'info' },
  ],
});

export const demoScripts = [demoSupportScript, demoTelesalesScript, demoSurveyScript];

/** One step of a simulated run, as script_run_steps keeps it. */
export interface SimulatedStep {
  kind: 'enter' | 'answer' | 'exit';
  nodeId: string;
  value: string | null;
  /** Seconds after the run started. */
  at: number;
  /** For an enter step left: the time spent on the node. */
  seconds: number | null;
}

/**
 * A plausible run through a script for the demo's history: choices picked at
 * random, offers answered as the call ended (accepted for a sale, refused
 * with the call's reason otherwise), inputs answered by their type; some runs
 * stop part-way, as cut-off calls do.
 */
export function simulateRun(
  graph: ScriptGraph,
  random: () => number,
  offerAnswer: string,
  startedAt: Date,
): { steps: SimulatedStep[]; current: string; ended: boolean } {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const answers: Record<string, string> = {};
  const steps: SimulatedStep[] = [];
  let clock = 0;
  let id: string | undefined = graph.start;
  const stopAt = random() < 0.06 ? 1 + Math.floor(random() * 4) : Infinity;
  for (let shown = 0; id !== undefined && shown < 60; shown++) {
    const node: ScriptNode | undefined = nodes.get(id);
    if (node === undefined) break;
    const enter: SimulatedStep = {
      kind: 'enter',
      nodeId: id,
      value: null,
      at: clock,
      seconds: null,
    };
    steps.push(enter);
    if (node.type === 'end' || node.type === 'transfer') {
      steps.push({ kind: 'exit', nodeId: id, value: null, at: clock, seconds: null });
      enter.seconds = 0;
      return { steps, current: id, ended: true };
    }
    if (shown >= stopAt) return { steps, current: id, ended: false };
    const spent =
      node.type === 'branch' || node.type === 'jump' || node.type === 'setVariable'
        ? 0
        : 4 + Math.floor(random() * 40);
    clock += spent;
    enter.seconds = spent;
    if (node.type === 'branch') {
      // Taken by the run itself, as ScriptRuns does: entered, never answered.
      const value = answers[node.on.name];
      id = node.cases.find((c) => c.equals === value)?.next ?? node.otherwise;
      continue;
    }
    const answer = answerFor(node, random, offerAnswer, startedAt);
    if (answer !== undefined) {
      steps.push({ kind: 'answer', nodeId: id, value: answer.value, at: clock, seconds: null });
      answers[answer.key] = answer.value;
      id = answer.next;
    } else id = exitsOf(node)[0]?.to;
  }
  return { steps, current: steps.at(-1)?.nodeId ?? graph.start, ended: false };
}

function answerFor(
  node: ScriptNode,
  random: () => number,
  offerAnswer: string,
  startedAt: Date,
): { key: string; value: string; next: string | undefined } | undefined {
  switch (node.type) {
    case 'question': {
      const choice = node.choices[Math.floor(random() * node.choices.length)] ?? node.choices[0];
      return choice === undefined
        ? undefined
        : { key: node.variable, value: choice.id, next: choice.next };
    }
    case 'offer':
      return {
        key: node.id,
        value: offerAnswer,
        next: offerAnswer === 'accepted' ? node.accepted : node.refused,
      };
    case 'input': {
      const day = new Date(startedAt.getTime() + (1 + Math.floor(random() * 7)) * 864e5);
      const value =
        node.inputType === 'number'
          ? String(5 + Math.floor(random() * 480))
          : node.inputType === 'date'
            ? day.toISOString().slice(0, 10)
            : node.inputType === 'timeSlot'
              ? (['09:00-12:00', '12:00-15:00', '15:00-18:00'][Math.floor(random() * 3)] ??
                '09:00-12:00')
              : random() < 0.3
                ? (['Стабільніший Wi-Fi', 'Швидше відповідати', 'Дешевші тарифи'][
                    Math.floor(random() * 3)
                  ] ?? '')
                : '';
      return { key: node.variable, value, next: node.next };
    }
    default:
      return undefined;
  }
}
