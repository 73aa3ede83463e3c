import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Runs the project's real ESLint on deliberately bad files placed where each
// layer lives, so a broken or loosened layering rule is a failing test, not a
// silent pass. One ESLint instance for all probes: type-aware lint starts slowly.
const repo = path.resolve(import.meta.dirname, '../..');

interface Probe {
  file: string;
  source: string;
  /** The rule that must refuse it, and a text its message must contain; none: it must pass. */
  refusedBy?: { rule: string; mentions: string };
}

const probes: Record<string, Probe> = {
  coreImportsElectron: {
    file: 'src-main/core/lintProbe.ts',
    source: "import { app } from 'electron';\nexport const probe = app;\n",
    refusedBy: { rule: 'no-restricted-imports', mentions: "'electron'" },
  },
  coreImportsElectronStore: {
    file: 'src-main/core/settings/lintProbe.ts',
    source: "import Store from 'electron-store';\nexport const probe = Store;\n",
    refusedBy: { rule: 'no-restricted-imports', mentions: "'electron-store'" },
  },
  coreImportsElectronLog: {
    file: 'src-main/core/agent/lintProbe.ts',
    source: "import log from 'electron-log/main';\nexport const probe = log;\n",
    refusedBy: { rule: 'no-restricted-imports', mentions: "'electron-log/main'" },
  },
  coreImportsElectronUpdater: {
    file: 'src-main/core/status/lintProbe.ts',
    source: "import { autoUpdater } from 'electron-updater';\nexport const probe = autoUpdater;\n",
    refusedBy: { rule: 'no-restricted-imports', mentions: "'electron-updater'" },
  },
  coreImportsTheElectronLayer: {
    file: 'src-main/core/calls/lintProbe.ts',
    source: "import '../../electron/ipcBinding';\n",
    refusedBy: { rule: 'pult/layers', mentions: 'src-main/electron/ipcBinding' },
  },
  rendererImportsNodeBuiltins: {
    file: 'src-renderer/lintProbe.ts',
    source:
      "import { readFileSync } from 'node:fs';\nimport os from 'os';\nexport const probe = [readFileSync, os];\n",
    refusedBy: { rule: 'no-restricted-imports', mentions: "'node:fs'" },
  },
  rendererImportsTheDatabase: {
    file: 'src-renderer/shell/lintProbe.ts',
    source: "import 'better-sqlite3';\nimport 'typeorm';\n",
    refusedBy: { rule: 'no-restricted-imports', mentions: "'better-sqlite3'" },
  },
  rendererImportsJsSip: {
    file: 'src-renderer/media/lintProbe.ts',
    source: "import 'jssip';\n",
    refusedBy: { rule: 'no-restricted-imports', mentions: "'jssip'" },
  },
  rendererImportsCore: {
    file: 'src-renderer/features/calls/lintProbe.ts',
    source: "import '../../../src-main/core/agent/agentStateMachine';\n",
    refusedBy: { rule: 'pult/layers', mentions: 'src-main/core/agent/agentStateMachine' },
  },
  rendererImportsMainsDispatcher: {
    file: 'src-renderer/app/lintProbe.ts',
    source: "import '../../src-main/ipc/dispatch';\n",
    refusedBy: { rule: 'pult/layers', mentions: 'src-main/ipc/dispatch' },
  },
  featureReachesIntoAnother: {
    file: 'src-renderer/features/clients/lintProbe.ts',
    source: "import '../calls/DialButton';\n",
    refusedBy: { rule: 'pult/layers', mentions: 'only through its index.ts' },
  },
  sharedImportsNode: {
    file: 'src-shared/lintProbe.ts',
    source: "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n",
    refusedBy: { rule: 'no-restricted-imports', mentions: "'node:fs'" },
  },
  sharedImportsANativePackage: {
    file: 'src-shared/telephony/lintProbe.ts',
    source: "import 'node-hid';\n",
    refusedBy: { rule: 'no-restricted-imports', mentions: "'node-hid'" },
  },
  sharedImportsCore: {
    file: 'src-shared/calls/lintProbe.ts',
    source: "import '../../src-main/core/calls/wrapUp';\n",
    refusedBy: { rule: 'pult/layers', mentions: 'src-main/core/calls/wrapUp' },
  },
  contractImportsCore: {
    // Linted as text under the contract's own path; the file itself is never touched.
    file: 'src-main/ipc/contract.ts',
    source: `import '../core/calls/callRecords';\n${readFileSync(path.join(repo, 'src-main/ipc/contract.ts'), 'utf8')}`,
    refusedBy: { rule: 'pult/layers', mentions: 'src-main/core/calls/callRecords' },
  },
  headsetImportsTelephony: {
    file: 'src-main/core/headset/lintProbe.ts',
    source: "import '../telephony/callController';\n",
    refusedBy: { rule: 'pult/layers', mentions: 'src-main/core/telephony/callController' },
  },
  dbImportsADomain: {
    file: 'src-main/core/db/entities/lintProbe.ts',
    source: "import '../../clients/clientBase';\n",
    refusedBy: { rule: 'pult/layers', mentions: 'src-main/core/clients/clientBase' },
  },
  clientsImportTelephony: {
    file: 'src-main/core/clients/import/lintProbe.ts',
    source: "import '../../telephony/sipRegistration';\n",
    refusedBy: { rule: 'pult/layers', mentions: 'src-main/core/telephony/sipRegistration' },
  },
  // What each layer may do passes: a rule that refused everything would fail these.
  coreImportsNode: {
    file: 'src-main/core/headset/lintProbeAllowed.ts',
    source:
      "import { EventEmitter } from 'node:events';\nimport '../status/workstationStatusBoard';\nimport '../../../src-shared/telephony/callView';\nexport const probe = new EventEmitter();\n",
  },
  rendererImportsSharedAndContract: {
    file: 'src-renderer/features/calls/lintProbeAllowed.ts',
    source:
      "import '../../../src-shared/telephony/callView';\nimport '../../../src-main/ipc/contract';\nimport '../clients';\nimport './CallBar';\n",
  },
  dbImportsPlatform: {
    file: 'src-main/core/db/lintProbeAllowed.ts',
    source: "import '../platform/ports';\nimport './database';\n",
  },
};

const onDisk = Object.values(probes).filter((p) => p.file !== 'src-main/ipc/contract.ts');
let results: Map<string, { ruleId: string | null; message: string }[]>;

beforeAll(async () => {
  for (const probe of onDisk) {
    mkdirSync(path.dirname(path.join(repo, probe.file)), { recursive: true });
    writeFileSync(path.join(repo, probe.file), probe.source);
  }
  const eslint = new ESLint({ cwd: repo });
  const contract = probes['contractImportsCore']!;
  const report = [
    ...(await eslint.lintFiles(onDisk.map((p) => p.file))),
    ...(await eslint.lintText(contract.source, { filePath: path.join(repo, contract.file) })),
  ];
  results = new Map(report.map((r) => [path.relative(repo, r.filePath), r.messages]));
}, 180_000);

afterAll(() => {
  for (const probe of onDisk) rmSync(path.join(repo, probe.file), { force: true });
});

describe('layering lint rules', () => {
  const refused = Object.entries(probes).filter(([, p]) => p.refusedBy !== undefined);
  it.each(refused)('refuses %s', (_name, probe) => {
    const messages = results.get(probe.file) ?? [];
    const { rule, mentions } = probe.refusedBy!;
    expect(
      messages
        .filter((m) => m.ruleId === rule)
        .map((m) => m.message)
        .join('\n'),
    ).toContain(mentions);
  });

  const allowed = Object.entries(probes).filter(([, p]) => p.refusedBy === undefined);
  it.each(allowed)('passes %s', (_name, probe) => {
    expect(results.get(probe.file)).toEqual([]);
  });
});
