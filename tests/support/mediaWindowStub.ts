import type { MediaBridge } from '../../src-main/core/telephony/media/mediaBridge';
import type { MediaRequest } from '../../src-shared/telephony/mediaBridgeSchema';

/**
 * The window's side of the media bridge where a test needs only that it
 * answers: every request succeeds at once, nothing is negotiated. (Tests of
 * media itself use Chromium.)
 */
export function answerEveryMediaRequest(media: Pick<MediaBridge, 'respond'>) {
  return (request: MediaRequest): void => {
    setTimeout(() =>
      media.respond({
        id: request.id,
        ok: true,
        state: {
          seq: request.id,
          iceGatheringState: 'new',
          iceConnectionState: 'new',
          signalingState: 'stable',
          localDescription: null,
        },
      }),
    );
  };
}
