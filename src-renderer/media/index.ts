import type { AudioDevices } from '../../src-shared/settings/userSettingsSchema';
import { reportSoundProblem } from '../common/problems';
import { MediaHost } from './mediaHost';
import { Ringer } from './ringer';

let devices: AudioDevices = { microphone: '', speaker: '', ring: '' };

/** The devices chosen in Settings; '' is the system's default. */
export function chooseAudioDevices(chosen: AudioDevices): void {
  devices = chosen;
}

/**
 * The window's one media host: it serves main's calls from boot, before any
 * screen is drawn, so a call that rings early still has audio.
 */
export const mediaHost = new MediaHost(
  () => ({
    microphoneId: devices.microphone === '' ? undefined : devices.microphone,
    speakerId: devices.speaker === '' ? undefined : devices.speaker,
  }),
  reportSoundProblem,
);

export const ringer = new Ringer(() => devices.ring, reportSoundProblem);
