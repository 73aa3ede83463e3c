import { describe, expect, it } from 'vitest';
import { isPermissionAllowed } from '../../../src-main/core/security/permissionPolicy';

const app = 'app://pult';
const ask = (permission: string, requestingUrl: string | undefined, mediaTypes: string[] = []) =>
  isPermissionAllowed({ permission, requestingUrl, mediaTypes }, app);

describe('permissions', () => {
  it('allows the microphone to the app itself', () => {
    expect(ask('media', 'app://pult/index.html', ['audio'])).toBe(true);
    expect(ask('media', 'app://pult', ['unknown'])).toBe(true);
  });

  it('refuses the camera, even together with the microphone', () => {
    expect(ask('media', 'app://pult/index.html', ['video'])).toBe(false);
    expect(ask('media', 'app://pult/index.html', ['audio', 'video'])).toBe(false);
    expect(ask('media', 'app://pult/index.html', [])).toBe(false);
  });

  it.each([
    'geolocation',
    'notifications',
    'clipboard-read',
    'midi',
    'openExternal',
    'pointerLock',
    'fullscreen',
  ])('refuses %s', (permission) => expect(ask(permission, 'app://pult/index.html')).toBe(false));

  it.each([
    'https://evil.example/',
    'file:///home/op/x.html',
    'app://pult.evil/',
    undefined,
    'not a url',
  ])('refuses the microphone to %s', (url) => expect(ask('media', url, ['audio'])).toBe(false));
});
