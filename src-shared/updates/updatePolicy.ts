import { z } from 'zod';

// IT's update settings (the policy's `updates` section). Free of Node imports:
// Settings shows them, main acts on them.

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const semver = z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);

export const updateRings = ['pilot', 'broad'] as const;
export type UpdateRing = (typeof updateRings)[number];

export const updatePolicySchema = z
  .object({
    /** Off: IT rolls versions out itself (the MSI route); Pult never looks for one. */
    enabled: z.boolean().default(true),
    /** The center's update server: a folder per ring with latest.yml, installers and blockmaps. */
    url: z
      .string()
      .regex(/^https?:\/\/\S+$/)
      .optional(),
    /** Which of the server's rings this workstation takes: pilot first, broad a few days after. */
    ring: z.enum(updateRings).default('broad'),
    /** Take only this version (also back to it, to roll a bad one back); nothing newer. */
    pinVersion: semver.optional(),
    /** Stay on the running version: updates are looked for and shown, never downloaded. */
    hold: z.boolean().default(false),
    /** How often to look, in hours (each workstation a little off the others). */
    checkEveryHours: z.number().int().min(1).max(72).default(4),
    /** When an update may be installed (local time, e.g. 20:00–08:00, outside shifts); absent, any time. */
    window: z.object({ from: clock, to: clock }).strict().optional(),
  })
  .strict();
export type UpdatePolicy = z.infer<typeof updatePolicySchema>;

export const defaultUpdatePolicy: UpdatePolicy = {
  enabled: true,
  ring: 'broad',
  hold: false,
  checkEveryHours: 4,
};
