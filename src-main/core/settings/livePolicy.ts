import { EventEmitter } from 'node:events';
import type { MachinePolicy } from './machinePolicy';
import type { PolicyInForce } from './policySources';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Makes `target` equal `source`, keeping every nested object (and so every reference to it). */
function replaceInPlace(target: object, source: object): void {
  for (const key of Object.keys(target)) if (!(key in source)) Reflect.deleteProperty(target, key);
  for (const [key, value] of Object.entries(source)) {
    const current: unknown = Reflect.get(target, key);
    if (isRecord(current) && isRecord(value)) replaceInPlace(current, value);
    else Reflect.set(target, key, value);
  }
}

/**
 * The policy in force, changed live when IT changes it. Services keep the one
 * `current` object and read what they need when they act; a change is written
 * into that object (its sections too), so the next call, wrap-up or check
 * follows the new policy without a restart. Those that must act at once (the
 * settings' locks, the PBX address, updates) listen to `onChanged`.
 */
export class LivePolicy {
  readonly current: MachinePolicy;
  private problemList: string[];
  private readonly events = new EventEmitter<{ changed: [string[]] }>();

  constructor(initial: PolicyInForce) {
    this.current = structuredClone(initial.policy);
    this.problemList = initial.problems;
  }

  problems(): readonly string[] {
    return this.problemList;
  }

  /** Applies a new policy; returns the sections that changed (none: nothing is told). */
  apply(next: PolicyInForce): string[] {
    this.problemList = next.problems;
    const sections = Object.keys({ ...this.current, ...next.policy }).filter(
      (key) =>
        JSON.stringify((this.current as Record<string, unknown>)[key]) !==
        JSON.stringify((next.policy as Record<string, unknown>)[key]),
    );
    if (sections.length === 0) return sections;
    replaceInPlace(this.current, structuredClone(next.policy));
    this.events.emit('changed', sections);
    return sections;
  }

  onChanged(listener: (sections: string[]) => void): () => void {
    this.events.on('changed', listener);
    return () => this.events.off('changed', listener);
  }
}
