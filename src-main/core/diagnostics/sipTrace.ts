import type { Clock } from '../platform/ports';
import { redactSipMessage } from './redaction';

export interface SipTraceEntry {
  at: string;
  direction: 'in' | 'out';
  text: string;
}

const keep = 300;
const longest = 8 * 1024;

/**
 * The last SIP messages sent and received, for the diagnostics bundle. Each
 * is redacted as it is recorded (digests, names, numbers), so nothing
 * personal is ever held here, and cut to 8 KB.
 */
export class SipTrace {
  private readonly entries: SipTraceEntry[] = [];

  constructor(private readonly clock: Clock) {}

  record(direction: 'in' | 'out', message: unknown): void {
    const text =
      typeof message === 'string' ? message : new TextDecoder().decode(message as ArrayBuffer);
    this.entries.push({
      at: this.clock.now().toISOString(),
      direction,
      text: redactSipMessage(text.slice(0, longest)),
    });
    if (this.entries.length > keep) this.entries.splice(0, this.entries.length - keep);
  }

  text(): string {
    return this.entries
      .map((e) => `----- ${e.at} ${e.direction === 'in' ? '<<< received' : '>>> sent'}\n${e.text}`)
      .join('\n');
  }
}
