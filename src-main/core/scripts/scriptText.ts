/** What a script's `{{…}}` may name, read when a node is shown. */
export interface ScriptTextContext {
  client: Record<string, string>;
  agentName: string;
  answers: Record<string, string>;
  variables: Record<string, string>;
}

/**
 * The text to say with the client's fields, the operator's name and the
 * answers so far filled in. A name the run does not know (yet) is left as
 * "…", never as the raw braces: the operator reads the sentence aloud.
 */
export function fillScriptText(text: string, context: ScriptTextContext): string {
  // Own keys only: "{{client.__proto__}}" in a script reads nothing from a prototype.
  const own = (values: Record<string, string>, key: string) =>
    Object.hasOwn(values, key) ? values[key] : undefined;
  return text.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (_, name: string) => {
    const [scope, key = ''] = name.split('.', 2) as [string, string | undefined];
    const value =
      scope === 'client'
        ? own(context.client, key)
        : scope === 'agent' && key === 'name'
          ? context.agentName
          : scope === 'answers'
            ? own(context.answers, key)
            : scope === 'vars'
              ? own(context.variables, key)
              : undefined;
    return typeof value !== 'string' || value === '' ? '…' : value;
  });
}

/** A client's fields as scripts name them; the full name is "Прізвище Ім'я По батькові". */
export function scriptClientFields(client: {
  fullName: string;
  city: string;
  address: string;
  email?: string;
  personalAccount?: string;
  notes?: string;
}): Record<string, string> {
  const words = client.fullName.trim().split(/\s+/);
  return {
    fullName: client.fullName,
    lastName: words[0] ?? '',
    firstName: words[1] ?? words[0] ?? '',
    city: client.city,
    address: client.address,
    email: client.email ?? '',
    personalAccount: client.personalAccount ?? '',
    notes: client.notes ?? '',
  };
}
