import type { ConnectionState } from '../../src-shared/telephony/mediaBridgeSchema';

/** Bytes of audio received and sent so far over these connections (the call panel shows them). */
export async function audioBytes(
  connections: Iterable<RTCPeerConnection>,
): Promise<{ received: number; sent: number }> {
  let received = 0;
  let sent = 0;
  for (const pc of connections) {
    const stats = await pc.getStats();
    stats.forEach(
      (report: { type: string; kind?: string; bytesReceived?: number; bytesSent?: number }) => {
        if (report.type === 'inbound-rtp' && report.kind === 'audio')
          received += report.bytesReceived ?? 0;
        if (report.type === 'outbound-rtp' && report.kind === 'audio')
          sent += report.bytesSent ?? 0;
      },
    );
  }
  return { received, sent };
}

/** What main's proxy mirrors of a connection, numbered so an older snapshot never wins. */
export function connectionSnapshot(pc: RTCPeerConnection, seq: number): ConnectionState {
  const local = pc.localDescription;
  return {
    seq,
    iceGatheringState: pc.iceGatheringState,
    iceConnectionState: pc.iceConnectionState,
    signalingState: pc.signalingState,
    localDescription: local === null ? null : { type: local.type, sdp: local.sdp },
  };
}
