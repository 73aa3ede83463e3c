import type { PolicyKey } from './policyKeys';
import { policyKeyTexts, policySectionTexts, type PolicyText } from './policyKeyTexts';
import { registryRoot } from './policyPlaces';

/**
 * Group Policy templates made from the policy's schema: Pult.admx (the
 * policies, each writing one value under HKLM\Software\Policies\Pult, or
 * HKCU for the operator's own preferences) and an ADML per language, uk-UA
 * and en-US. IT copies them to PolicyDefinitions (or the central store) or
 * ingests them into Intune.
 */

const languages = { 'en-US': 'en', 'uk-UA': 'uk' } as const;
export type TemplateLanguage = keyof typeof languages;
export const templateLanguages = Object.keys(languages) as TemplateLanguage[];

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const categoryOf = (section: string) => `Pult_${section}`;
const maxTextLength = 32_767;

function textOf(key: PolicyKey): PolicyText {
  const text = policyKeyTexts[key.path];
  if (text === undefined) throw new Error(`policy key ${key.path} has no description`);
  return text;
}

function elementsOf(key: PolicyKey): string {
  const kind = key.kind;
  switch (kind.type) {
    case 'boolean':
      return '';
    case 'number': {
      const bounds = [
        kind.min === undefined ? '' : ` minValue="${Math.max(0, kind.min)}"`,
        kind.max === undefined ? '' : ` maxValue="${kind.max}"`,
      ].join('');
      return `<elements><decimal id="${key.name}" valueName="${key.name}"${bounds} /></elements>`;
    }
    case 'enum':
      return [
        `<elements><enum id="${key.name}" valueName="${key.name}">`,
        ...kind.options.map(
          (option) =>
            `<item displayName="$(string.${key.name}_${option})"><value><string>${escape(option)}</string></value></item>`,
        ),
        '</enum></elements>',
      ].join('');
    default:
      return `<elements><text id="${key.name}" valueName="${key.name}" maxLength="${maxTextLength}" /></elements>`;
  }
}

export function admxTemplate(keys: readonly PolicyKey[]): string {
  const sections = [...new Set(keys.map((key) => key.section))];
  const policies = keys.map((key) => {
    const presentation =
      key.kind.type === 'boolean' ? '' : ` presentation="$(presentation.${key.name})"`;
    const onOff = key.kind.type === 'boolean' ? ` valueName="${key.name}"` : '';
    const values =
      key.kind.type === 'boolean'
        ? '<enabledValue><decimal value="1" /></enabledValue><disabledValue><decimal value="0" /></disabledValue>'
        : '';
    return [
      `    <policy name="${key.name}" class="${key.perUser ? 'Both' : 'Machine'}" displayName="$(string.${key.name})" explainText="$(string.${key.name}_Explain)" key="${registryRoot}"${onOff}${presentation}>`,
      `      <parentCategory ref="${categoryOf(key.section)}" />`,
      '      <supportedOn ref="Supported_Pult" />',
      values === '' ? '' : `      ${values}`,
      elementsOf(key) === '' ? '' : `      ${elementsOf(key)}`,
      '    </policy>',
    ]
      .filter((line) => line !== '')
      .join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    "<!-- Generated from Pult's policy schema (npm run policy:templates); do not edit. -->",
    '<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">',
    '  <policyNamespaces>',
    '    <target prefix="pult" namespace="Pult.Policies.Pult" />',
    '    <using prefix="windows" namespace="Microsoft.Policies.Windows" />',
    '  </policyNamespaces>',
    '  <resources minRequiredRevision="1.0" />',
    '  <supportedOn>',
    '    <definitions>',
    '      <definition name="Supported_Pult" displayName="$(string.Supported_Pult)" />',
    '    </definitions>',
    '  </supportedOn>',
    '  <categories>',
    '    <category name="Pult" displayName="$(string.Category_Pult)" />',
    ...sections.map(
      (section) =>
        `    <category name="${categoryOf(section)}" displayName="$(string.Category_${section})"><parentCategory ref="Pult" /></category>`,
    ),
    '  </categories>',
    '  <policies>',
    ...policies,
    '  </policies>',
    '</policyDefinitions>',
    '',
  ].join('\n');
}

export function admlTemplate(keys: readonly PolicyKey[], language: TemplateLanguage): string {
  const lang = languages[language];
  const sections = [...new Set(keys.map((key) => key.section))];
  const strings: [string, string][] = [
    ['Supported_Pult', lang === 'uk' ? 'Pult 0.1 і новіші' : 'Pult 0.1 and later'],
    ['Category_Pult', 'Pult'],
    ...sections.map((section): [string, string] => [
      `Category_${section}`,
      policySectionTexts[section]?.[lang] ?? section,
    ]),
  ];
  const presentations: string[] = [];
  for (const key of keys) {
    const text = textOf(key)[lang];
    strings.push(
      [key.name, key.path],
      [`${key.name}_Explain`, `${text}\n\npolicy.json: ${key.path}`],
    );
    if (key.kind.type === 'enum')
      for (const option of key.kind.options) strings.push([`${key.name}_${option}`, option]);
    const label = escape(key.path);
    switch (key.kind.type) {
      case 'boolean':
        break;
      case 'number':
        presentations.push(
          `      <presentation id="${key.name}"><decimalTextBox refId="${key.name}">${label}</decimalTextBox></presentation>`,
        );
        break;
      case 'enum':
        presentations.push(
          `      <presentation id="${key.name}"><dropdownList refId="${key.name}">${label}</dropdownList></presentation>`,
        );
        break;
      default:
        presentations.push(
          `      <presentation id="${key.name}"><textBox refId="${key.name}"><label>${label}</label></textBox></presentation>`,
        );
    }
  }
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    "<!-- Generated from Pult's policy schema (npm run policy:templates); do not edit. -->",
    '<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">',
    '  <displayName>Pult</displayName>',
    `  <description>${lang === 'uk' ? 'Політики робочого місця оператора Pult' : 'Pult operator workstation policies'}</description>`,
    '  <resources>',
    '    <stringTable>',
    ...strings.map(([id, text]) => `      <string id="${id}">${escape(text)}</string>`),
    '    </stringTable>',
    '    <presentationTable>',
    ...presentations,
    '    </presentationTable>',
    '  </resources>',
    '</policyDefinitionResources>',
    '',
  ].join('\n');
}

/** The README's table of keys (Markdown), in English, with each key's registry value and type. */
export function policyKeyTable(keys: readonly PolicyKey[]): string {
  const typeOf = (key: PolicyKey) => {
    switch (key.kind.type) {
      case 'boolean':
        return 'REG_DWORD 0/1';
      case 'number':
        return `REG_DWORD ${key.kind.min ?? ''}–${key.kind.max ?? ''}`;
      case 'enum':
        return `REG_SZ: ${key.kind.options.join(', ')}`;
      case 'json':
        return 'REG_SZ (JSON)';
      default:
        return 'REG_SZ';
    }
  };
  return [
    '| policy.json | Registry value | Type | Per user | What it does |',
    '| --- | --- | --- | --- | --- |',
    ...keys.map(
      (key) =>
        `| \`${key.path}\` | \`${key.name}\` | ${typeOf(key)} | ${key.perUser ? 'yes' : ''} | ${textOf(key).en.replace(/\|/g, '\\|')} |`,
    ),
  ].join('\n');
}

/** The files `npm run policy:templates` writes under resources/policy/, by their path there. */
export function policyTemplateFiles(keys: readonly PolicyKey[]): Record<string, string> {
  const files: Record<string, string> = { 'Pult.admx': admxTemplate(keys) };
  for (const language of templateLanguages)
    files[`${language}/Pult.adml`] = admlTemplate(keys, language);
  return files;
}

export const readmeTableStart = '<!-- policy-keys:start (npm run policy:templates) -->';
export const readmeTableEnd = '<!-- policy-keys:end -->';

/** The README with its table of keys made again from the schema. */
export function readmeWithKeyTable(readme: string, keys: readonly PolicyKey[]): string {
  const start = readme.indexOf(readmeTableStart);
  const end = readme.indexOf(readmeTableEnd);
  if (start < 0 || end < start) throw new Error('README has no policy key table markers');
  return `${readme.slice(0, start + readmeTableStart.length)}\n\n${policyKeyTable(keys)}\n\n${readme.slice(end)}`;
}
