import { z } from 'zod';

// Kept free of Node imports: the renderer type-checks these schemas through the IPC contract.

export const languages = ['uk', 'en'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;

export const themeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof themeSchema>;

export const userSettingsSchema = z.object({
  language: languageSchema,
  theme: themeSchema,
});
export type UserSettings = z.infer<typeof userSettingsSchema>;
export type UserSettingKey = keyof UserSettings;

export const userSettingKeySchema = userSettingsSchema.keyof();

export const defaultUserSettings: UserSettings = {
  language: 'uk',
  theme: 'system',
};

/** A change the user asks for: any subset of the settings, nothing else. */
export const settingsPatchSchema = userSettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** What the UI needs: the effective values and which of them IT has locked. */
export const settingsViewSchema = z.object({
  values: userSettingsSchema,
  locked: z.array(userSettingKeySchema),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;
