import { describe, expect, it } from 'vitest';
import { scriptForLine } from '../../../src-main/core/scripts/scriptLines';
import { fillScriptText } from '../../../src-main/core/scripts/scriptText';
import { dialledLine } from '../../../src-main/core/telephony/callController';

/** An INVITE as JsSIP gives it: headers by name, To parsed. */
const invite = (headers: Record<string, string>, toUser: string | null) => ({
  getHeader: (name: string) => headers[name.toLowerCase()],
  to: { uri: { user: toUser } },
});

describe('the line a call came in on', () => {
  it('is To’s user, or the header IT names in whatever form the PBX writes it', () => {
    expect(dialledLine(invite({}, '0800300500'), undefined)).toBe('0800300500');
    expect(
      dialledLine(
        invite({ 'p-called-party-id': '<sip:+380800300500@pbx.local>' }, '2001'),
        'P-Called-Party-ID',
      ),
    ).toBe('+380800300500');
    expect(dialledLine(invite({ 'x-line': 'tel:0443334455' }, '2001'), 'X-Line')).toBe(
      '0443334455',
    );
    expect(dialledLine(invite({ 'x-line': '0 800 300 500' }, '2001'), 'X-Line')).toBe(
      '0 800 300 500',
    );
    // Named but absent, or empty: To's user.
    expect(dialledLine(invite({ 'x-line': '  ' }, '2001'), 'X-Line')).toBe('2001');
    expect(dialledLine(invite({}, null), 'X-Line')).toBeNull();
  });

  it('picks the script IT maps to it, comparing numbers however they are written', () => {
    const lines = [
      { line: '0 800 300 500', script: 'Продаж' },
      { line: '2001', script: 'Підтримка' },
      { line: '+380800300500', script: 'never: the first match wins' },
    ];
    expect(scriptForLine(lines, '+380800300500')).toBe('Продаж');
    expect(scriptForLine(lines, '0800300500')).toBe('Продаж');
    expect(scriptForLine(lines, '380800300500')).toBe('Продаж');
    expect(scriptForLine(lines, '2001')).toBe('Підтримка');
    expect(scriptForLine(lines, '2002')).toBeUndefined();
    expect(scriptForLine(lines, null)).toBeUndefined();
    expect(scriptForLine([], '2001')).toBeUndefined();
  });
});

describe('the text to say', () => {
  it('has the client’s fields, the agent’s name and the answers filled in, and "…" for what is not known yet', () => {
    const context = {
      client: { firstName: 'Оксана', address: '' },
      agentName: 'Ірина',
      answers: { visitDate: '2026-12-10' },
      variables: { segment: 'switcher' },
    };
    expect(
      fillScriptText(
        'Добрий день, {{client.firstName}}! Я {{ agent.name }}. Майстер: {{answers.visitDate}}, {{answers.visitSlot}}. {{vars.segment}} {{client.address}} {{unknown.x}}',
        context,
      ),
    ).toBe('Добрий день, Оксана! Я Ірина. Майстер: 2026-12-10, …. switcher … …');
    // A name like "__proto__" reads nothing from the object's prototype.
    expect(fillScriptText('{{client.__proto__}} {{answers.constructor}}', context)).toBe('… …');
  });
});
