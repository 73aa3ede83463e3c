import { expect, test } from '@playwright/test';
import { FakePbx } from '../support/fakePbx';
import { launchPult } from './support/pultApp';
import { registerPult } from './support/sipSetup';

const callId = 'late-offer-given-up';
const dialog = [
  'Via: SIP/2.0/WS 127.0.0.1:5060;branch=z9hG4bK-late-offer-1',
  'Max-Forwards: 70',
  'From: <sip:+380671234567@127.0.0.1>;tag=caller-late',
  'To: <sip:agent1@127.0.0.1>',
  `Call-ID: ${callId}`,
];
// Some PBXs and gateways send the INVITE without SDP: the offer is to come from the answer.
const inviteWithoutOffer = [
  'INVITE sip:agent1@127.0.0.1 SIP/2.0',
  ...dialog,
  'CSeq: 1 INVITE',
  'Contact: <sip:+380671234567@127.0.0.1:5060;transport=ws>',
  'Content-Length: 0',
  '',
  '',
].join('\r\n');
const cancel = [
  'CANCEL sip:agent1@127.0.0.1 SIP/2.0',
  ...dialog,
  'CSeq: 1 CANCEL',
  'Content-Length: 0',
  '',
  '',
].join('\r\n');

test('a call that rang without an offer and was given up does not leave the microphone open', async () => {
  const pbx = await FakePbx.start();
  const app = await launchPult();
  try {
    const page = await app.firstWindow();
    await registerPult(page, 'agent1', 'unused', { wsUrl: pbx.url });
    // The microphones the window opens, counted: the real getUserMedia, wrapped.
    await page.evaluate(() => {
      const opened: MediaStream[] = [];
      const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = async (constraints) => {
        const stream = await getUserMedia(constraints);
        opened.push(stream);
        return stream;
      };
      Object.assign(window, {
        liveMicrophones: () =>
          opened.filter((s) => s.getAudioTracks().some((t) => t.readyState === 'live')).length,
      });
    });
    const liveMicrophones = () =>
      page.evaluate(() =>
        (window as unknown as { liveMicrophones: () => number }).liveMicrophones(),
      );

    pbx.send(inviteWithoutOffer);
    const call = page.getByTestId('call');
    await expect(call).toHaveAttribute('data-state', 'ringing');
    // While it rings the microphone is opened ahead, so answering is quick.
    await expect.poll(liveMicrophones).toBe(1);

    pbx.send(cancel);
    await expect(call).toHaveAttribute('data-state', 'ended');
    // Given up: closed now, not a minute later.
    await expect.poll(liveMicrophones, { timeout: 3000 }).toBe(0);
  } finally {
    await app.close();
    await pbx.close();
  }
});
