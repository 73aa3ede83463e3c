import { MediaHost } from './mediaHost';

/**
 * The window's one media host: it serves main's calls from boot, before any
 * screen is drawn, so a call that rings early still has audio.
 */
export const mediaHost = new MediaHost(() => ({ microphoneId: undefined, speakerId: undefined }));
