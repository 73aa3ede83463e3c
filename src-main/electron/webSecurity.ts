import type { Session, WebContents, WebPreferences } from 'electron';
import { originOf } from '../core/security/appOrigin';
import { isPermissionAllowed } from '../core/security/permissionPolicy';

/** The only webPreferences any Pult window is created with. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // The first call must ring even before the operator has clicked anything in the window.
    autoplayPolicy: 'no-user-gesture-required',
  };
}

/**
 * Applied to every web contents the app ever creates: nothing navigates away
 * from the app, no window opens, no webview attaches. Links meant for the
 * outside world go through openExternal, which checks the allowlist.
 */
export function hardenWebContents(
  contents: WebContents,
  trustedOrigin: string,
  openExternal: (url: string) => void,
): void {
  contents.on('will-navigate', (event, url) => {
    if (originOf(url) !== trustedOrigin) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (originOf(url) !== trustedOrigin) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}

export function installPermissionHandlers(session: Session, trustedOrigin: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(
      isPermissionAllowed(
        {
          permission,
          requestingUrl: details.requestingUrl,
          mediaTypes,
        },
        trustedOrigin,
      ),
    );
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const mediaType = details.mediaType;
    return isPermissionAllowed(
      {
        permission,
        requestingUrl: requestingOrigin,
        mediaTypes: mediaType === undefined ? [] : [mediaType],
      },
      trustedOrigin,
    );
  });
}
