import type { WebContents } from 'electron';
import { CallRecords } from '../core/calls/callRecords';
import type { ClientBase } from '../core/clients/clientBase';
import type { Logger } from '../core/platform/ports';
import { systemClock } from '../core/platform/ports';
import { CallController } from '../core/telephony/callController';
import type { LiveCallRegistry } from '../core/telephony/liveCallRegistry';
import { installJsSipMediaGlobals, MediaBridge } from '../core/telephony/media/mediaBridge';
import type { SipRegistration } from '../core/telephony/sipRegistration';
import { sendEvent } from './ipcBinding';

/**
 * Calls: JsSIP's sessions in main, their audio in the main window. The
 * controller follows the registration's user agent; the window serves media
 * once it says so, and a window that goes away takes its calls' media with it
 * (the calls are ended properly rather than left silent).
 */
export function startTelephony(deps: {
  logger: Logger;
  registration: SipRegistration;
  liveCalls: LiveCallRegistry;
  clientBase: () => Promise<{ base: ClientBase }>;
  windowContents: () => WebContents | undefined;
}) {
  const { logger } = deps;
  const media = new MediaBridge(logger);
  installJsSipMediaGlobals(media);
  let records: CallRecords | undefined;
  const database = async () => {
    const { base } = await deps.clientBase();
    if (records === undefined) {
      records = new CallRecords(base.db.sqlite);
      const closed = records.closeAbandoned(systemClock.now());
      if (closed > 0) logger.warn('calls left open by the last run were closed', { closed });
    }
    return { records, callerId: (number: string) => base.callerId(number) };
  };
  const calls = new CallController({
    media,
    database,
    liveCalls: deps.liveCalls,
    clock: systemClock,
    logger,
    onChanged: (list) => {
      const contents = deps.windowContents();
      if (contents !== undefined) sendEvent(contents, 'calls.changed', list, logger);
    },
  });
  deps.registration.onAgent((ua) => calls.useAgent(ua));

  const attachMedia = () => {
    const contents = deps.windowContents();
    if (contents === undefined) return;
    media.attach((request) => sendEvent(contents, 'media.request', request, logger));
  };
  const callLog = async () => {
    const startOfDay = new Date();
    startOfDay.setHours(0, 0, 0, 0);
    return (await database()).records.since(startOfDay);
  };
  // Rows left open by a crash are closed as soon as the base is open, not at the first call.
  void database().catch(() => undefined);
  return { calls, media, attachMedia, callLog };
}
