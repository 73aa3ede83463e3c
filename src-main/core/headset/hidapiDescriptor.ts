import { createRequire } from 'node:module';
import path from 'node:path';
import loadBinding from 'pkg-prebuilds/bindings.js';

/** The report descriptor is at most 4 KB (HID_API_MAX_REPORT_DESCRIPTOR_SIZE). */
const maxDescriptorBytes = 4096;

interface HidApi {
  open: (devicePath: string) => unknown;
  descriptor: (device: unknown, into: Uint8Array, size: number) => number;
  close: (device: unknown) => void;
}

// pkg-prebuilds finds node-hid's binary as node-hid itself does; its types omit `resolve`.
const findBinding = (
  loadBinding as unknown as {
    resolve: (
      base: string,
      options: { name: string; napi_versions: number[] },
      verifyPrebuild: boolean,
      throwOnMissing: boolean,
    ) => string;
  }
).resolve;

let loaded: Promise<HidApi> | undefined;

/**
 * hidapi's own functions, from the binary node-hid loads: hidapi 0.14 reads a
 * device's report descriptor on every system (Windows rebuilds it from the
 * driver's parsed data, macOS asks IOKit), node-hid 3 only does not expose it,
 * and its prebuilt binaries export hidapi's C functions. Loading the same file
 * again shares node-hid's copy of hidapi.
 */
function hidapi(): Promise<HidApi> {
  // Loaded on first use: Linux never needs it (sysfs), and startup does not wait for it.
  loaded ??= (async () => {
    const { default: koffi } = await import('koffi');
    const require = createRequire(import.meta.url);
    const base = path.dirname(require.resolve('node-hid/package.json'));
    // As node-hid picks it: the hidraw flavour on Linux.
    const name = process.platform === 'linux' ? 'HID_hidraw' : 'HID';
    const file = findBinding(base, { name, napi_versions: [4] }, false, true)
      // Packaged, native binaries live beside the archive (electron-builder.yml, asarUnpack).
      .replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
    const library = koffi.load(file);
    const open = library.func('void *hid_open_path(const char *path)');
    const descriptor = library.func(
      'int hid_get_report_descriptor(void *dev, _Out_ uint8_t *buf, size_t buf_size)',
    );
    const close = library.func('void hid_close(void *dev)');
    return {
      open: (devicePath) => open(devicePath) as unknown,
      descriptor: (device, into, size) => descriptor(device, into, size) as number,
      close: (device) => {
        close(device);
      },
    };
  })();
  return loaded;
}

/**
 * A device's report descriptor through hidapi: opens the device, reads it,
 * closes it. Undefined when the device cannot be opened (gone, or held by
 * another application where the system forbids sharing).
 */
export async function readDescriptorThroughHidapi(
  devicePath: string,
): Promise<Uint8Array | undefined> {
  const api = await hidapi();
  const device = api.open(devicePath);
  if (device === null) return undefined;
  try {
    const buffer = new Uint8Array(maxDescriptorBytes);
    const length = api.descriptor(device, buffer, buffer.length);
    return length > 0 ? buffer.slice(0, length) : undefined;
  } finally {
    api.close(device);
  }
}
