import path from 'node:path';
import { app, powerMonitor } from 'electron';
import type { SelectableNotReadyReason } from '../../src-shared/agent/agentStateView';
import type { AgentStateService } from '../core/agent/agentStateService';
import { IdleWatcher } from '../core/agent/idleWatcher';
import type { SettingsService } from '../core/settings/settingsService';
import type { WorkstationStatusBoard } from '../core/status/workstationStatusBoard';
import { createAgentTray } from './agentTray';
import type { MainStrings } from '../core/i18n/mainLocales';
import type { EventSink } from '../core/workstation/eventSink';

/**
 * The operator's presence outside the window: the idle question (and going
 * Not Ready (away) without an answer), and the tray icon with the state in
 * its tooltip and a menu to change it.
 */
export function startAgentPresence(deps: {
  agent: AgentStateService;
  status: WorkstationStatusBoard;
  settings: SettingsService;
  strings: () => MainStrings;
  send: EventSink;
  showWindow: () => void;
  reasons: () => readonly SelectableNotReadyReason[];
}): { idle: IdleWatcher } {
  const { agent, status } = deps;
  // Defaults for an office; PULT_IDLE_SECONDS / PULT_IDLE_GRACE_SECONDS change them (tests, pilots).
  const graceSeconds = Number(process.env['PULT_IDLE_GRACE_SECONDS'] ?? 60);
  const idlePrompt = (asking: boolean) => deps.send('agent.idlePrompt', { asking, graceSeconds });
  const idle = new IdleWatcher({
    idleSeconds: () => powerMonitor.getSystemIdleTime(),
    isReady: () => agent.view().name === 'ready',
    ask: () => idlePrompt(true),
    cancelAsk: () => idlePrompt(false),
    goAway: () => agent.apply({ type: 'idle' }),
    now: () => Date.now(),
    thresholdSeconds: Number(process.env['PULT_IDLE_SECONDS'] ?? 300),
    graceSeconds,
  });
  const idleTimer = setInterval(() => idle.tick(), 5000);
  idleTimer.unref();
  app.on('will-quit', () => clearInterval(idleTimer));

  const tray = createAgentTray({
    iconPath: path.join(app.getAppPath(), 'resources/tray.png'),
    strings: deps.strings,
    showWindow: deps.showWindow,
    setReady: () => agent.apply({ type: 'goReady' }),
    setNotReady: (reason) => agent.apply({ type: 'goNotReady', reason }),
    reasons: deps.reasons,
    saveDiagnostics: () => {
      deps.showWindow();
      deps.send('ui.saveDiagnostics', {});
    },
  });
  tray.update(status.current().agent);
  status.onChanged((current) => tray.update(current.agent));
  deps.settings.onChanged(() => tray.update(status.current().agent));
  app.on('will-quit', () => tray.destroy());
  return { idle };
}
