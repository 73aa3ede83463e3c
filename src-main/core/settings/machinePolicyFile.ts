import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../platform/ports';
import { parseMachinePolicy, type MachinePolicy } from './machinePolicy';

/**
 * Where IT puts the machine-wide policy: a folder only administrators can write.
 * PULT_POLICY_FILE overrides it (for staging rollouts and tests).
 */
export function machinePolicyPath(): string {
  const override = process.env['PULT_POLICY_FILE'];
  if (override !== undefined && override !== '') return override;
  if (process.platform === 'win32') {
    return path.join(process.env['ProgramData'] ?? 'C:\\ProgramData', 'Pult', 'policy.json');
  }
  if (process.platform === 'darwin') return '/Library/Application Support/Pult/policy.json';
  return '/etc/pult/policy.json';
}

export function readMachinePolicy(logger: Logger): MachinePolicy {
  const file = machinePolicyPath();
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return parseMachinePolicy(undefined).policy;
  }
  const result = parseMachinePolicy(text);
  // What was wrong is named; the keys that were right still apply.
  if (!result.ok) logger.error('machine policy: keys ignored', { file, problem: result.problem });
  return result.policy;
}
