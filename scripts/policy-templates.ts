// Writes the Group Policy templates (resources/policy/) and the README's table of policy keys
// from the policy's schema. A test fails when the committed ones differ from what this makes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import prettier from 'prettier';
import { policyKeys } from '../src-main/core/settings/policyKeys';
import { policyTemplateFiles, readmeWithKeyTable } from '../src-main/core/settings/policyTemplates';

const root = path.resolve(import.meta.dirname, '..');
for (const [name, text] of Object.entries(policyTemplateFiles(policyKeys))) {
  const file = path.join(root, 'resources/policy', name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote ${path.relative(root, file)}`);
}
const readme = path.join(root, 'README.md');
const text = readmeWithKeyTable(readFileSync(readme, 'utf8'), policyKeys);
const options = (await prettier.resolveConfig(readme)) ?? {};
writeFileSync(readme, await prettier.format(text, { ...options, filepath: readme }));
console.log('wrote the policy key table in README.md');
