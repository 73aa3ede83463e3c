import { Menu, nativeImage, Tray } from 'electron';
import type {
  NotReadyReason,
  SelectableNotReadyReason,
} from '../../src-shared/agent/agentStateView';
import type { WorkstationStatus } from '../../src-shared/status/workstationStatusSchema';
import type { MainStrings } from '../core/i18n/mainLocales';

/**
 * The tray icon: its tooltip always says the operator's state, and its menu
 * changes it or brings the window back, so a minimised Pult is never a
 * mystery about whether calls will come.
 */
export function createAgentTray(options: {
  iconPath: string;
  strings: () => MainStrings;
  showWindow: () => void;
  setReady: () => void;
  setNotReady: (reason: NotReadyReason) => void;
  /** The reasons this center offers. */
  reasons: () => readonly SelectableNotReadyReason[];
  /** IT's diagnostics bundle, saved through the window. */
  saveDiagnostics: () => void;
}): { update(agent: WorkstationStatus['agent']): void; destroy(): void } {
  const tray = new Tray(nativeImage.createFromPath(options.iconPath));
  tray.on('click', options.showWindow);
  const update = (agent: WorkstationStatus['agent']) => {
    const s = options.strings();
    const state = s.agentStates[agent.state];
    const reason = agent.reason === undefined ? undefined : s.agentReasons[agent.reason];
    tray.setToolTip(`Pult — ${reason === undefined ? state : `${state}: ${reason}`}`);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: s.trayShow, click: options.showWindow },
        { type: 'separator' },
        { label: s.agentStates.ready, click: options.setReady },
        {
          label: s.agentStates.notReady,
          submenu: options.reasons().map((r) => ({
            label: s.agentReasons[r],
            click: () => options.setNotReady(r),
          })),
        },
        { type: 'separator' },
        { label: `${s.diagnosticsTitle}…`, click: options.saveDiagnostics },
      ]),
    );
  };
  return { update, destroy: () => tray.destroy() };
}
