/**
 * The channel names alone, with no schemas, so the sandboxed preload can check
 * names without carrying zod. contract.ts is typed against these lists, so the
 * two cannot drift apart.
 */
export const invokeChannels = [
  'app.info',
  'app.diagnostics',
  'settings.get',
  'settings.update',
  'status.get',
  'links.openExternal',
  'workspace.state',
  'workspace.loadDemo',
  'workspace.dismissDemo',
  'clients.find',
  'clients.card',
  'clients.create',
  'clients.update',
  'clients.export',
  'clients.cancelExport',
  'import.chooseFile',
  'import.start',
  'import.cancel',
  'import.errors',
  'import.saveReport',
  'sip.account.get',
  'sip.account.save',
  'sip.testConnection',
  'agent.get',
  'work.lists',
  'agent.set',
  'callbacks.mine',
  'callbacks.create',
  'callbacks.cancel',
  'callbacks.reschedule',
  'agent.present',
  'calls.list',
  'calls.departments',
  'headset.list',
  'wrapUp.pending',
  'wrapUp.finish',
  'calls.act',
  'calls.dial',
  'calls.log',
  'calls.clearEnded',
  'media.attach',
  'media.respond',
  'media.event',
] as const;
export type InvokeChannel = (typeof invokeChannels)[number];

export const eventChannels = [
  'status.changed',
  'settings.changed',
  'import.progress',
  'clients.exportProgress',
  'ui.openClient',
  'agent.idlePrompt',
  'calls.changed',
  'calls.screenPop',
  'media.request',
] as const;
export type EventChannel = (typeof eventChannels)[number];
