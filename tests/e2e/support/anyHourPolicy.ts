import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { anyHourCallingRules } from '../../support/anyHourRules';

/**
 * IT's policy file for the outbound specs: Ukrainian numbers callable at any
 * hour of any day, so a spec does not depend on when it runs; consent,
 * attempts and the wait after a refusal still apply as shipped.
 */
export function anyHourPolicyFile(): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pult-policy-')), 'policy.json');
  writeFileSync(
    file,
    JSON.stringify({
      outbound: { countries: anyHourCallingRules },
    }),
  );
  return file;
}
