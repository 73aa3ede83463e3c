/**
 * Runs the app's CommonJS preload in the page before any page script, in a
 * closure: the page never sees require, module or the host bindings. Its
 * require('electron') offers contextBridge and ipcRenderer, as in a sandbox.
 */
export function preloadWrapper(preloadSource: string): string {
  return `(() => {
  if (window !== window.top) return;
  const hostInvoke = window.__pultHostInvoke;
  const hostSend = window.__pultHostSend;
  const hostWindowOpen = window.__pultHostWindowOpen;
  delete window.__pultHostInvoke;
  delete window.__pultHostSend;
  delete window.__pultHostWindowOpen;
  const askToOpen = (url) => { void hostWindowOpen(new URL(String(url), location.href).href); };
  Object.defineProperty(window, 'open', {
    value: (url) => { askToOpen(url); return null; },
    writable: false,
    configurable: false,
  });
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[target]') : null;
    if (link === null || link.target === '_self' || link.href === '') return;
    event.preventDefault();
    askToOpen(link.href);
  }, true);
  const listeners = new Map();
  Object.defineProperty(window, Symbol.for('pult.host.deliver'), {
    value: (channel, args) => {
      for (const listener of [...(listeners.get(channel) || [])]) listener({ sender: null }, ...args);
    },
  });
  const ipcRenderer = {
    invoke: (channel, ...args) => hostInvoke(channel, args[0]),
    send: (channel, ...args) => { void hostSend(channel, args); },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, []);
      listeners.get(channel).push(listener);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      const list = listeners.get(channel) || [];
      const index = list.indexOf(listener);
      if (index !== -1) list.splice(index, 1);
      return ipcRenderer;
    },
  };
  const freeze = (value) => {
    if (value && typeof value === 'object') {
      for (const key of Object.keys(value)) freeze(value[key]);
      Object.freeze(value);
    }
    return value;
  };
  const contextBridge = {
    exposeInMainWorld(key, api) {
      Object.defineProperty(window, key, { value: freeze(api), writable: false, configurable: false, enumerable: true });
    },
  };
  const require = (name) => {
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error('Cannot find module ' + name + ' (sandboxed preload)');
  };
  const module = { exports: {} };
  (function (require, module, exports) {
${preloadSource}
  })(require, module, module.exports);
})();`;
}
