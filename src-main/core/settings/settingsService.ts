import { EventEmitter } from 'node:events';
import type { JsonStore, Logger } from '../platform/ports';
import type { MachinePolicy } from './machinePolicy';
import {
  defaultUserSettings,
  userSettingsSchema,
  type SettingsPatch,
  type SettingsView,
  type UserSettingKey,
  type UserSettings,
} from '../../../src-shared/settings/userSettingsSchema';

export class SettingLockedError extends Error {
  constructor(readonly keys: UserSettingKey[]) {
    super(`These settings are locked by the administrator's policy: ${keys.join(', ')}`);
    this.name = 'SettingLockedError';
  }
}

/** The user's settings under IT's policy: policy values win and cannot be changed here. */
export class SettingsService {
  private readonly events = new EventEmitter<{ changed: [SettingsView] }>();
  private userValues: UserSettings;

  constructor(
    private readonly store: JsonStore<UserSettings>,
    private readonly policy: MachinePolicy,
    private readonly logger: Logger,
  ) {
    this.userValues = this.load();
  }

  view(): SettingsView {
    return {
      values: { ...this.userValues, ...this.policy.settings },
      locked: Object.keys(this.policy.settings) as UserSettingKey[],
    };
  }

  update(patch: SettingsPatch): SettingsView {
    const locked = (Object.keys(patch) as UserSettingKey[]).filter(
      (key) => key in this.policy.settings,
    );
    if (locked.length > 0) throw new SettingLockedError(locked);
    this.userValues = userSettingsSchema.parse({ ...this.userValues, ...patch });
    this.store.write(this.userValues);
    const view = this.view();
    this.events.emit('changed', view);
    return view;
  }

  /** IT's policy changed: the values in force and the locks are shown again. */
  policyChanged(): void {
    this.events.emit('changed', this.view());
  }

  onChanged(listener: (view: SettingsView) => void): () => void {
    this.events.on('changed', listener);
    return () => this.events.off('changed', listener);
  }

  private load(): UserSettings {
    const stored = this.store.read();
    const merged = { ...defaultUserSettings, ...(isRecord(stored) ? stored : {}) };
    const parsed = userSettingsSchema.safeParse(merged);
    if (parsed.success) return parsed.data;
    // A hand-edited or older file: keep what is valid, reset the rest, and say so.
    this.logger.warn('settings file had invalid values; those were reset to defaults', {
      issues: parsed.error.issues.map((issue) => issue.path.join('.')),
    });
    const repaired: Record<string, unknown> = { ...defaultUserSettings };
    for (const key of Object.keys(defaultUserSettings) as UserSettingKey[]) {
      const field = userSettingsSchema.shape[key].safeParse(merged[key]);
      if (field.success) repaired[key] = field.data;
    }
    return userSettingsSchema.parse(repaired);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
