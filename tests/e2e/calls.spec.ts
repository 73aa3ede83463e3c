import { expect, test, type Page } from '@playwright/test';
import { startKamailio, type Kamailio } from '../support/kamailio';
import { launchPult, type PultApp } from './support/pultApp';
import { createClient } from './support/clients';
import { SipPhone } from './support/sipPhone';
import { registered, registerPult } from './support/sipSetup';

// The caller's number is a real Ukrainian mobile number, so the client base can know it.
const callerNumber = '+380671234567';

let kamailio: Kamailio | undefined;
let phone: SipPhone;
/** A second phone: another caller, and a colleague calls are transferred to. */
let colleague: SipPhone;
const colleagueNumber = '+380501234567';
let app: PultApp | undefined;
let page: Page;

test.beforeAll(async () => {
  // Without digest auth any user may register: the phone as the client's number, Pult as agent1.
  kamailio = await startKamailio([]);
  phone = await SipPhone.start(callerNumber);
  colleague = await SipPhone.start(colleagueNumber, { autoAnswer: true });
  app = await launchPult();
  page = await app.firstWindow();
  await page.getByTestId('nav-clients').click();
  await page.getByTestId('demo-dismiss').click();
  await createClient(page, { fullName: 'Коваленко Ірина', phones: [{ raw: '067 123 45 67' }] });
  // Key presses as SIP INFO, which the other party can see.
  await registerPult(page, 'agent1', 'agentpw1', { dtmfMode: 'SIP INFO' });
  await page.getByTestId('nav-calls').click();
});

test.afterAll(async () => {
  await app?.close();
  await phone?.stop();
  await colleague?.stop();
  await kamailio?.stop();
});

async function lastPhoneEvent(type: string) {
  return (await phone.events()).filter((e) => e.type === type).at(-1);
}

test('inbound: the card pops up while it rings, answered in Pult, audio both ways, hung up, recorded', async () => {
  await phone.call('sip:agent1@127.0.0.1');
  const call = page.getByTestId('call');
  await expect(call).toHaveAttribute('data-state', 'ringing');
  await expect(call.getByTestId('call-who')).toHaveText('Коваленко Ірина');
  // Screen pop: the caller's card is open before anyone answers.
  await expect(page.getByTestId('client-card-name')).toHaveText('Коваленко Ірина');
  await expect(call).toHaveAttribute('data-state', 'ringing');

  // The operator reads the card a moment, as they do: by then the window has taken the
  // caller's offer and made the answer, and answering sends that answer as it is.
  await page.waitForTimeout(800);
  await call.getByTestId('call-answer').click();
  await expect(call).toHaveAttribute('data-state', 'active');
  await expect.poll(async () => (await lastPhoneEvent('confirmed')) !== undefined).toBe(true);

  // Audio flows both ways: each side's received bytes keep growing.
  const phoneBytes = await phone.receivedBytes();
  const audio = call.getByTestId('call-audio');
  await expect(audio).toHaveText('Звук є');
  const pultBytes = Number(await audio.getAttribute('data-received'));
  await expect.poll(() => phone.receivedBytes()).toBeGreaterThan(phoneBytes + 1000);
  await expect
    .poll(async () => Number(await audio.getAttribute('data-received')))
    .toBeGreaterThan(pultBytes + 1000);

  // Key presses reach the other party.
  await call.getByTestId('call-tones').fill('1#');
  await call.getByTestId('call-send-tones').click();
  await expect
    .poll(async () => (await phone.events()).filter((e) => e.type === 'dtmf').map((e) => e.tone))
    .toEqual(['1', '#']);

  // Hold is seen by the other party, and so is the return.
  await call.getByTestId('call-hold').click();
  await expect(call).toHaveAttribute('data-state', 'held');
  await expect.poll(async () => (await lastPhoneEvent('hold'))?.originator).toBe('remote');
  await call.getByTestId('call-hold').click();
  await expect(call).toHaveAttribute('data-state', 'active');
  await expect.poll(async () => (await lastPhoneEvent('unhold'))?.originator).toBe('remote');

  await call.getByTestId('call-hangup').click();
  await expect(call).toHaveAttribute('data-state', 'ended');
  await expect(call.getByTestId('call-end-cause')).toHaveText('ви завершили');
  await expect.poll(async () => (await lastPhoneEvent('ended'))?.originator).toBe('remote');

  // Wrap-up: the outcome must be recorded before the operator is free again.
  await expect(page.getByTestId('status-agent')).toContainText('Обробка після дзвінка');
  const wrapUp = page.getByTestId('wrap-up');
  await wrapUp.getByTestId('wrap-up-save').click();
  await expect(wrapUp).toContainText('Обов’язково');
  await wrapUp.getByTestId('wrap-up-disposition').click();
  await page.getByRole('option', { name: 'Відмова' }).click();
  await wrapUp.getByTestId('wrap-up-save').click();
  await expect(wrapUp).toContainText('Обов’язково');
  await wrapUp.getByTestId('wrap-up-reason').click();
  await page.getByRole('option', { name: 'Занадто дорого' }).click();
  await wrapUp.getByTestId('wrap-up-notes').fill('Порівнює з іншим оператором');
  await wrapUp.getByTestId('wrap-up-save').click();
  await expect(wrapUp).toHaveCount(0);
  await expect(page.getByTestId('status-agent')).not.toContainText('Обробка після дзвінка');

  // The call is in today's log and in the client's history, with its outcome.
  await page.getByTestId('nav-calls').click();
  const entry = page.getByTestId('call-log-entry').first();
  await expect(entry).toContainText('Коваленко Ірина');
  await expect(entry).toHaveAttribute('data-missed', 'false');
  await page.getByTestId('calls-clear-ended').click();
  await expect(page.getByTestId('call-bar')).toHaveCount(0);
  await entry.getByRole('button', { name: 'Картка клієнта' }).click();
  const history = page.getByTestId('history-call').first();
  await expect(history).toContainText('Вхідний дзвінок');
  await expect(history).not.toContainText('тривалість 0:00');
  await expect(history).toContainText('Відмова');
  await expect(history).toContainText('Занадто дорого');
});

test('answered the moment it rings, before the answer was made ready: audio both ways', async () => {
  // Answered from the page as soon as main says it rings: the window has not prepared the
  // answer yet (it waits 150 ms first), so main sends JsSIP's requests after the preparation,
  // which they hurry, and the answer comes from the window the long way.
  await page.evaluate(() => {
    const off = window.pult.on('calls.changed', (list) => {
      const ringing = list.find((c) => c.state === 'ringing' && c.direction === 'inbound');
      if (ringing === undefined) return;
      off();
      void window.pult.invoke('calls.act', { action: 'answer', id: ringing.id });
    });
  });
  await phone.call('sip:agent1@127.0.0.1');
  const call = page.getByTestId('call');
  await expect(call).toHaveAttribute('data-state', 'active');
  const audio = call.getByTestId('call-audio');
  await expect(audio).toHaveText('Звук є');
  const heard = await phone.receivedBytes();
  await expect.poll(() => phone.receivedBytes()).toBeGreaterThan(heard + 1000);
  await call.getByTestId('call-hangup').click();
  await expect(call).toHaveAttribute('data-state', 'ended');
  await page.getByTestId('calls-clear-ended').click();
});

test('reject: the caller hears busy (486)', async () => {
  await phone.call('sip:agent1@127.0.0.1');
  const call = page.getByTestId('call');
  await expect(call).toHaveAttribute('data-state', 'ringing');
  await call.getByTestId('call-reject').click();
  await expect.poll(async () => (await lastPhoneEvent('failed'))?.status).toBe(486);
  await expect(call.getByTestId('call-end-cause')).toHaveText('відхилено');
  await page.getByTestId('calls-clear-ended').click();
});

test('the caller hangs up while it rings: a missed call, called back from the log', async () => {
  await page.getByTestId('nav-calls').click();
  const missedBefore = await page
    .locator('[data-testid="call-log-entry"][data-missed="true"]')
    .count();
  await phone.call('sip:agent1@127.0.0.1');
  const call = page.getByTestId('call');
  await expect(call).toHaveAttribute('data-state', 'ringing');
  await phone.hangup();
  await expect(call).toHaveAttribute('data-state', 'ended');
  await expect(call.getByTestId('call-end-cause')).toHaveText(
    'абонент поклав слухавку до відповіді',
  );

  await page.getByTestId('nav-calls').click();
  const missed = page.locator('[data-testid="call-log-entry"][data-missed="true"]');
  await expect(missed).toHaveCount(missedBefore + 1);
  // The log shows the caller's number masked; calling back goes by the call, not the number.
  await expect(missed.first()).toContainText('+38067•••••67');
  await expect(missed.first()).not.toContainText('1234567');
  await page.getByTestId('calls-clear-ended').click();

  // Calling back from the log reaches the caller's phone, which answers.
  const incoming = async () => (await phone.events()).filter((e) => e.type === 'incoming').length;
  const incomingBefore = await incoming();
  await missed.first().getByTestId('call-log-call-back').click();
  await expect.poll(incoming).toBe(incomingBefore + 1);
  const outbound = page.getByTestId('call');
  await expect(outbound).toHaveAttribute('data-state', 'ringing');
  await phone.answer();
  await expect(outbound).toHaveAttribute('data-state', 'active');
  await phone.hangup();
  await expect(outbound).toHaveAttribute('data-state', 'ended');
  await expect(outbound.getByTestId('call-end-cause')).toHaveText('абонент завершив');
  await page.getByTestId('calls-clear-ended').click();
});

test('the window reloads during a call: the call stays up, and its audio comes back both ways', async () => {
  await phone.call('sip:agent1@127.0.0.1');
  const call = page.getByTestId('call');
  await expect(call).toHaveAttribute('data-state', 'ringing');
  // Answered from the keyboard (F2 by default), even while typing in the search field.
  await expect(page.getByTestId('client-card-name')).toHaveText('Коваленко Ірина');
  await page.getByTestId('client-search').focus();
  await page.keyboard.press('F2');
  await expect(call).toHaveAttribute('data-state', 'active');
  const ended = async () => (await phone.events()).filter((e) => e.type === 'ended').length;
  const endedBefore = await ended();
  await page.reload();
  // The new window took the call's media over (a re-INVITE): sound again, both ways.
  const again = page.getByTestId('call');
  await expect(again).toHaveAttribute('data-state', 'active');
  await expect(again.getByTestId('call-audio')).toHaveText('Звук є', { timeout: 15_000 });
  const heard = await phone.receivedBytes();
  await expect.poll(() => phone.receivedBytes(), { timeout: 15_000 }).toBeGreaterThan(heard + 1000);
  expect(await ended()).toBe(endedBefore);
  await again.getByTestId('call-hangup').click();
  await expect(again).toHaveAttribute('data-state', 'ended');
  await page.getByTestId('calls-clear-ended').click();
});

test('a second call while talking: shown, and taking it puts the first on hold', async () => {
  await phone.call('sip:agent1@127.0.0.1');
  const first = page.getByTestId('call').first();
  await first.getByTestId('call-answer').click();
  await expect(first).toHaveAttribute('data-state', 'active');
  const holdsBefore = (await phone.events()).filter((e) => e.type === 'hold').length;

  await colleague.call('sip:agent1@127.0.0.1');
  const second = page.locator('[data-testid="call"][data-state="ringing"]');
  await expect(second).toHaveCount(1);
  await expect(second.getByTestId('call-number')).toHaveText('+380501234567');
  await second.getByTestId('call-answer').click();
  await expect(page.locator('[data-testid="call"][data-state="held"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="call"][data-state="active"]')).toHaveCount(1);
  await expect
    .poll(async () => (await phone.events()).filter((e) => e.type === 'hold').length)
    .toBe(holdsBefore + 1);

  // F4 hangs up the call being talked on (the colleague's), not the one on hold.
  await page.keyboard.press('F4');
  await expect(page.locator('[data-testid="call"][data-state="ended"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="call"][data-state="held"]')).toHaveCount(1);
  await phone.hangup();
  await expect(page.locator('[data-testid="call"][data-state="ended"]')).toHaveCount(2);
  await page.getByTestId('wrap-up').getByTestId('wrap-up-disposition').click();
  await page.getByRole('option', { name: 'Надано інформацію' }).click();
  await page.getByTestId('wrap-up-save').click();
  await page.getByTestId('calls-clear-ended').click();
});

test('blind transfer: the caller ends up talking to the colleague, Pult is free', async () => {
  await phone.call('sip:agent1@127.0.0.1');
  const call = page.getByTestId('call');
  await call.getByTestId('call-answer').click();
  await expect(call).toHaveAttribute('data-state', 'active');
  const confirmedBefore = (await colleague.events()).filter((e) => e.type === 'confirmed').length;

  await call.getByTestId('call-transfer-to').fill(colleagueNumber);
  await call.getByTestId('call-transfer').click();
  await expect(call).toHaveAttribute('data-state', 'ended');
  await expect(call.getByTestId('call-end-cause')).toHaveText('переадресовано');
  // The colleague's phone rang (from the caller), answered, and the two are connected.
  await expect
    .poll(async () => (await colleague.events()).filter((e) => e.type === 'confirmed').length)
    .toBe(confirmedBefore + 1);
  await expect.poll(() => colleague.receivedBytes()).toBeGreaterThan(1000);
  await phone.hangup();
  await page.getByTestId('calls-clear-ended').click();
});

test('attended transfer: consult the colleague, then connect the caller and leave', async () => {
  await phone.call('sip:agent1@127.0.0.1');
  const original = page.getByTestId('call').first();
  await original.getByTestId('call-answer').click();
  await expect(original).toHaveAttribute('data-state', 'active');
  const confirmed = async () =>
    (await colleague.events()).filter((e) => e.type === 'confirmed').length;
  const before = await confirmed();

  await original.getByTestId('call-transfer-to').fill('050 123 45 67');
  await original.getByTestId('call-consult').click();
  // The caller waits on hold while the operator talks to the colleague.
  await expect(page.locator('[data-testid="call"][data-state="held"]')).toHaveCount(1);
  const consult = page.locator('[data-testid="call"][data-state="active"]');
  await expect(consult.getByTestId('call-number')).toHaveText('+380501234567');
  await expect.poll(confirmed).toBe(before + 1);

  await page.getByTestId('call-complete-transfer').click();
  await expect(page.locator('[data-testid="call"][data-state="ended"]')).toHaveCount(2);
  await expect(page.getByTestId('call-end-cause').first()).toHaveText('переадресовано');
  // The colleague's phone took the caller in place of the operator.
  await expect
    .poll(async () => (await colleague.events()).some((e) => e.type === 'replaces'))
    .toBe(true);
  await expect.poll(confirmed).toBe(before + 2);
  await phone.hangup();
});

test('a hold the other side refuses, and a transfer nobody takes: the operator is told, and the caller stays on the line', async () => {
  await phone.call('sip:agent1@127.0.0.1');
  const call = page.locator('[data-testid="call"]:not([data-state="ended"])');
  await call.getByTestId('call-answer').click();
  await expect(call).toHaveAttribute('data-state', 'active');
  const seenBefore = (await phone.events()).length;
  const endedOnThePhone = async () =>
    (await phone.events()).slice(seenBefore).filter((e) => e.type === 'ended').length;
  // Talking: the caller hears the operator before anything is tried.
  const atStart = await phone.receivedBytes();
  await expect.poll(() => phone.receivedBytes()).toBeGreaterThan(atStart + 1000);

  // The caller's side answers the hold's re-INVITE with 488.
  await phone.refuseReinvites(true);
  await call.getByTestId('call-hold').click();
  await expect(call.getByTestId('call-problem')).toHaveText(
    'співрозмовник або АТС відмовили в утриманні: розмова триває, клієнт вас чує',
  );
  await expect(call).toHaveAttribute('data-state', 'active');
  expect((await phone.events()).slice(seenBefore).map((e) => e.type)).toContain('reinviteRefused');
  // Not hung up: the caller still hears the operator.
  const heard = await phone.receivedBytes();
  await expect.poll(() => phone.receivedBytes()).toBeGreaterThan(heard + 1000);
  expect(await endedOnThePhone()).toBe(0);

  // The refused offer left pending does not stand in the way of the other side's own.
  await phone.refuseReinvites(false);
  await phone.hold(true);
  await expect.poll(async () => (await lastPhoneEvent('hold'))?.originator).toBe('local');
  // The phone takes it off hold once its hold's re-INVITE is answered (asked again until then).
  await expect
    .poll(async () => {
      await phone.hold(false);
      return (await lastPhoneEvent('unhold'))?.originator;
    })
    .toBe('local');
  const afterTheirHold = await phone.receivedBytes();
  await expect.poll(() => phone.receivedBytes()).toBeGreaterThan(afterTheirHold + 1000);
  expect(await endedOnThePhone()).toBe(0);

  // Held once the other side allows it again (the notice clears with the next action).
  await call.getByTestId('call-hold').click();
  await expect(call).toHaveAttribute('data-state', 'held');
  await expect(call.getByTestId('call-problem')).toHaveCount(0);
  await call.getByTestId('call-hold').click();
  await expect(call).toHaveAttribute('data-state', 'active');

  // A transfer to a number nobody answers at: the PBX refuses it, the caller stays.
  await call.getByTestId('call-transfer-to').fill('063 999 99 99');
  await call.getByTestId('call-transfer').click();
  await expect(call.getByTestId('call-problem')).toHaveText(
    'переведення не вдалося: номер не відповів або відхилив; клієнт досі на лінії з вами',
  );
  await expect(call).toHaveAttribute('data-state', 'active');
  expect(await endedOnThePhone()).toBe(0);

  await call.getByTestId('call-hangup').click();
  await expect.poll(endedOnThePhone).toBe(1);
  await page.getByTestId('wrap-up-save').click();
  await page.getByTestId('calls-clear-ended').click();
});

test('a transfer to what is not a number is refused in words the operator reads', async () => {
  await phone.call('sip:agent1@127.0.0.1');
  const call = page.locator('[data-testid="call"]:not([data-state="ended"])');
  await call.getByTestId('call-answer').click();
  await expect(call).toHaveAttribute('data-state', 'active');
  // Letters pass the field's check (SIP names are allowed there); main's dialling rules refuse them.
  await call.getByTestId('call-transfer-to').fill('accounting');
  await call.getByTestId('call-transfer').click();
  const notice = page.locator('.mantine-Notification-root').last();
  await expect(notice).toContainText('Дію з дзвінком не виконано');
  await expect(notice).toContainText('Це не номер телефону і не внутрішній');
  await expect(call).toHaveAttribute('data-state', 'active');
  await call.getByTestId('call-hangup').click();
  await page.getByTestId('wrap-up-save').click();
  await page.getByTestId('calls-clear-ended').click();
});

test("calling out from the client's card reaches the client's phone, who hears the operator", async () => {
  await page.getByTestId('nav-clients').click();
  await page.getByTestId('client-search').fill('коваленко');
  await page.getByTestId('client-row').first().click();
  await expect(page.getByTestId('client-card-name')).toHaveText('Коваленко Ірина');
  const incoming = async () => (await phone.events()).filter((e) => e.type === 'incoming').length;
  const before = await incoming();
  // The card shows the number masked, and calls it all the same (main dials what the base holds).
  await page.getByRole('button', { name: 'Подзвонити на +38067•••••67' }).click();
  await expect.poll(incoming).toBe(before + 1);
  const call = page.locator('[data-testid="call"][data-state="ringing"]');
  await expect(call.getByTestId('call-who')).toHaveText('Коваленко Ірина');
  await phone.answer();
  await expect(page.locator('[data-testid="call"][data-state="active"]')).toHaveCount(1);
  // The microphone joins the call once it opens (the offer does not wait for it): heard.
  const heard = await phone.receivedBytes();
  await expect.poll(() => phone.receivedBytes()).toBeGreaterThan(heard + 1000);
  await phone.hangup();
  await expect(page.locator('[data-testid="call"][data-state="active"]')).toHaveCount(0);
  await page.getByTestId('calls-clear-ended').click();
});

test('a microphone that cannot be opened: the call goes on, and says the caller cannot hear', async () => {
  const chooseMicrophone = (microphone: string) =>
    page.evaluate(async (id) => {
      const result = await window.pult.invoke('settings.update', {
        audio: { microphone: id, speaker: '', ring: '' },
      });
      if (!result.ok) throw new Error(result.error.message);
    }, microphone);
  await chooseMicrophone('a-headset-unplugged-since');
  try {
    const incoming = async () => (await phone.events()).filter((e) => e.type === 'incoming').length;
    const before = await incoming();
    await page.getByTestId('nav-calls').click();
    await page.getByTestId('dial-number').fill('0671234567');
    await page.getByTestId('dial-call').click();
    await expect.poll(incoming).toBe(before + 1);
    const call = page.locator('[data-testid="call"]').first();
    await expect(call.getByTestId('call-problem')).toHaveText(
      'мікрофон недоступний: клієнт вас не чує',
    );
    await phone.answer();
    await expect(call).toHaveAttribute('data-state', 'active');
    await phone.hangup();
    await expect(page.locator('[data-testid="call"][data-state="active"]')).toHaveCount(0);
    await page.getByTestId('calls-clear-ended').click();
  } finally {
    await chooseMicrophone('');
  }
});

test('a callback falls due: the notification, clicked, opens the card and calls the client', async () => {
  const incoming = async () => (await phone.events()).filter((e) => e.type === 'incoming').length;
  const before = await incoming();
  await page.evaluate(async () => {
    const found = await window.pult.invoke('clients.find', { text: 'коваленко', limit: 1 });
    if (!found.ok || found.value.items[0] === undefined) throw new Error('no client');
    await window.pult.invoke('callbacks.create', {
      clientId: found.value.items[0].id,
      dueAt: new Date(Date.now() + 1500).toISOString(),
      note: 'щодо тарифу',
    });
  });
  await expect.poll(async () => (await app!.notifications()).length, { timeout: 15_000 }).toBe(1);
  await app!.clickNotification(0);
  await expect(page.getByTestId('client-card-name')).toHaveText('Коваленко Ірина');
  await expect.poll(incoming).toBe(before + 1);
  await phone.answer();
  await expect(page.locator('[data-testid="call"][data-state="active"]')).toHaveCount(1);
  await phone.hangup();
  await expect(page.locator('[data-testid="call"][data-state="active"]')).toHaveCount(0);
  await page.getByTestId('calls-clear-ended').click();
});

test('wrap-ups left by earlier calls are finished one by one; then, Ready with auto-answer, a call is taken by itself', async () => {
  // Each call talked on asked for its outcome; they come up one after another.
  const wrapUp = page.getByTestId('wrap-up');
  let finished = 0;
  while ((await wrapUp.count()) > 0 && finished < 10) {
    await wrapUp.getByTestId('wrap-up-disposition').click();
    await page.getByRole('option', { name: 'Надано інформацію' }).click();
    await wrapUp.getByTestId('wrap-up-save').click();
    finished++;
    await page.waitForTimeout(300);
  }
  expect(finished).toBeGreaterThan(1);
  await expect(wrapUp).toHaveCount(0);
  const agent = page.getByTestId('status-agent');
  await agent.click();
  await page.getByTestId('agent-ready').click();
  await expect(agent).toContainText('Готовий');

  await page.getByTestId('nav-settings').click();
  // The switch shows the saved setting, so it flips once main has stored it.
  const autoAnswer = page.getByLabel('Автовідповідь');
  await autoAnswer.click();
  await expect(autoAnswer).toBeChecked();
  await phone.call('sip:agent1@127.0.0.1');
  // Nobody clicks Answer: the call is up a second after it rang.
  await expect(page.locator('[data-testid="call"][data-state="active"]')).toHaveCount(1);
  await expect.poll(async () => (await phone.events()).at(-1)?.type).toBe('confirmed');
  await phone.hangup();
  await expect(page.locator('[data-testid="call"][data-state="active"]')).toHaveCount(0);
  // The caller's card popped up meanwhile; back to Settings to switch it off.
  await page.getByTestId('nav-settings').click();
  await autoAnswer.click();
  await expect(autoAnswer).not.toBeChecked();
  await page.getByTestId('calls-clear-ended').click();
});

test('the PBX restarts: "not registered" at once, registered again within 10 s, the next call works', async () => {
  await kamailio!.stop();
  await expect(page.getByTestId('status-sip')).toContainText('не зареєстровано');
  kamailio = await startKamailio([]);
  await expect(page.getByTestId('status-sip')).toHaveText(registered, { timeout: 10_000 });

  // The phone finds the PBX again on its own; then a call goes through as before.
  await expect.poll(() => phone.isRegistered(), { timeout: 30_000 }).toBe(true);
  await phone.call('sip:agent1@127.0.0.1');
  const call = page.locator('[data-testid="call"][data-state="ringing"]');
  await call.getByTestId('call-answer').click();
  await expect(page.locator('[data-testid="call"][data-state="active"]')).toHaveCount(1);
  await phone.hangup();
  await expect(page.locator('[data-testid="call"][data-state="active"]')).toHaveCount(0);
});
