import { z } from 'zod';

// Kept free of Node imports: the renderer type-checks these schemas through the IPC contract.

export const languages = ['uk', 'en'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;

export const themeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof themeSchema>;

export const hotkeyActions = [
  'answer',
  'hangUp',
  'hold',
  'mute',
  'transfer',
  'ready',
  'notReady',
  'finishWrapUp',
] as const;
export type HotkeyAction = (typeof hotkeyActions)[number];
/** A key as Mantine's useHotkeys reads it: "F9", "mod+Enter", "alt+shift+H". */
export const hotkeySchema = z
  .string()
  .trim()
  .max(40)
  .regex(
    /^((mod|ctrl|alt|shift|meta)\+)*([a-z0-9]|f([1-9]|1[0-2])|enter|space|escape|backspace|delete|insert|home|end|pageup|pagedown)$/i,
  );
export const hotkeysSchema = z.object(
  Object.fromEntries(hotkeyActions.map((action) => [action, hotkeySchema])) as Record<
    HotkeyAction,
    typeof hotkeySchema
  >,
);
export type Hotkeys = z.infer<typeof hotkeysSchema>;

// Single keys an operator can hit without looking; hang-up is kept away from answer.
export const defaultHotkeys: Hotkeys = {
  answer: 'F2',
  hangUp: 'F4',
  hold: 'F6',
  mute: 'F7',
  transfer: 'F8',
  ready: 'F9',
  notReady: 'F10',
  finishWrapUp: 'mod+Enter',
};

/** Chosen audio devices by the browser's deviceId; '' is the system's default. */
export const audioDevicesSchema = z
  .object({
    microphone: z.string().max(200),
    speaker: z.string().max(200),
    /** Where the ring sounds: often the PC's loudspeaker, so it is heard without the headset on. */
    ring: z.string().max(200),
  })
  .strict();
export type AudioDevices = z.infer<typeof audioDevicesSchema>;

export const userSettingsSchema = z.object({
  language: languageSchema,
  theme: themeSchema,
  hotkeys: hotkeysSchema,
  audio: audioDevicesSchema,
  /** Answer inbound calls by themselves after a short beep (while Ready). */
  autoAnswer: z.boolean(),
  /** The USB headset to use (its id from the headset list); '' is the first one found. */
  headset: z.string().max(300),
  /** Answer and hang-up keys work while another program has the focus too. */
  globalCallHotkeys: z.boolean(),
});
export type UserSettings = z.infer<typeof userSettingsSchema>;
export type UserSettingKey = keyof UserSettings;

export const userSettingKeySchema = userSettingsSchema.keyof();

export const defaultUserSettings: UserSettings = {
  language: 'uk',
  theme: 'system',
  hotkeys: defaultHotkeys,
  audio: { microphone: '', speaker: '', ring: '' },
  autoAnswer: false,
  headset: '',
  globalCallHotkeys: false,
};

/**
 * A change the user asks for: any subset of the settings, nothing else. A key
 * sent with no value (`{ language: undefined }`, which survives Electron's
 * structured clone) is refused here, not found missing deep inside main.
 */
export const settingsPatchSchema = userSettingsSchema
  .partial()
  .strict()
  .superRefine((patch, ctx) => {
    // The type says a present key has a value; a structured clone can still carry undefined.
    for (const [key, value] of Object.entries(patch) as [string, unknown][])
      if (value === undefined)
        ctx.addIssue({ code: 'custom', path: [key], message: 'a setting needs a value' });
  });
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** What the UI needs: the effective values and which of them IT has locked. */
export const settingsViewSchema = z.object({
  values: userSettingsSchema,
  locked: z.array(userSettingKeySchema),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;
