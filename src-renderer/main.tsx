import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { createTheme, MantineProvider, Select } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { invoke, onEvent } from './api/pultClient';
import { App } from './app/App';
import { initI18n } from './i18n/i18n';
import { chooseAudioDevices, mediaHost, ringer } from './media';

// Dense, calm desktop look: small controls, one accent colour.
const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  focusRing: 'auto',
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif',
  components: {
    // A closed list is not kept in the page: kept (hidden), each one is positioned whenever
    // its section appears, forcing a style pass then (about 4 ms each, on the screen pop).
    Select: Select.extend({ defaultProps: { comboboxProps: { keepMounted: false } } }),
  },
});

async function boot(root: HTMLElement): Promise<void> {
  mediaHost.start();
  ringer.prepare();
  const settings = await invoke('settings.get');
  chooseAudioDevices(settings.values.audio);
  onEvent('settings.changed', (view) => chooseAudioDevices(view.values.audio));
  await initI18n(settings.values.language);
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="auto">
        {/* Failures are said here, away from the call bar's buttons at the top. */}
        <Notifications position="bottom-right" limit={4} />
        <App initialSettings={settings} />
      </MantineProvider>
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root !== null) {
  boot(root).catch(async (error: unknown) => {
    const i18n = await initI18n('uk');
    root.textContent = `${i18n.t('status.unavailable')}: ${error instanceof Error ? error.message : String(error)}`;
  });
}
