// The window's real media host, alone on a page, for the call benchmarks:
// the page's window.pult is a stand-in that reaches the bench's MediaBridge.
import { MediaHost } from '../../src-renderer/media/mediaHost';

(window as unknown as { startMediaHost(): void }).startMediaHost = () => {
  new MediaHost(
    () => ({ microphoneId: undefined, speakerId: undefined }),
    // No window to show it in: the bench's page log has it.
    (error: unknown) => console.error('media problem', error),
  ).start();
};
