import { describe, expect, it } from 'vitest';
import { isExternalUrlAllowed } from '../../../src-main/core/links/externalLinkPolicy';

const allow = ['example.org'];

describe('external links', () => {
  it.each(['https://example.org/help', 'https://docs.example.org/a?b=c'])('opens %s', (url) =>
    expect(isExternalUrlAllowed(url, allow)).toBe(true),
  );
  it.each([
    'http://example.org/',
    'https://example.org.evil.com/',
    'https://evilexample.org/',
    'https://user:pw@example.org/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'ms-msdt:/id',
    'not a url',
  ])('refuses %s', (url) => expect(isExternalUrlAllowed(url, allow)).toBe(false));
  it('refuses everything when nothing is allowed', () =>
    expect(isExternalUrlAllowed('https://example.org/', [])).toBe(false));
});
