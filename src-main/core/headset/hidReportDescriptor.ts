/**
 * A HID report-descriptor parser (HID 1.11, section 6.2.2): main, global and
 * local items, push/pop, report IDs, sizes and counts, usage pages, extended
 * usages and usage ranges, signed logical limits, and nested collections. It
 * yields every field of every report with its place in the report, so the
 * rest of the headset code can read and write bits without knowing the device.
 */

export type ReportKind = 'input' | 'output' | 'feature';

export interface HidField {
  kind: ReportKind;
  /** 0 when the device uses no report IDs. */
  reportId: number;
  /** Bit offset within the report's data, after the report ID byte. */
  bitOffset: number;
  bitSize: number;
  usagePage: number;
  /** For array fields, the first usage of the range the value indexes. */
  usage: number;
  usageMax?: number;
  logicalMin: number;
  logicalMax: number;
  constant: boolean;
  variable: boolean;
  relative: boolean;
  preferredState: boolean;
  nullState: boolean;
  /** Page:usage of every enclosing application collection, outermost first. */
  applications: number[];
}

export interface HidDescriptor {
  fields: HidField[];
  usesReportIds: boolean;
  /** Length in bits of each report's data, keyed by `${kind}:${reportId}`. */
  reportBits: Map<string, number>;
}

export class HidDescriptorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HidDescriptorError';
  }
}

interface Globals {
  usagePage: number;
  logicalMin: number;
  logicalMax: number;
  reportSize: number;
  reportCount: number;
  reportId: number;
}

const unsigned = (data: Uint8Array) =>
  data.reduce((value, byte, i) => value + byte * 2 ** (8 * i), 0);
function signed(data: Uint8Array): number {
  const value = unsigned(data);
  const bits = data.length * 8;
  return bits > 0 && value >= 2 ** (bits - 1) ? value - 2 ** bits : value;
}

export function parseHidDescriptor(bytes: Uint8Array): HidDescriptor {
  const fields: HidField[] = [];
  const reportBits = new Map<string, number>();
  let globals: Globals = {
    usagePage: 0,
    logicalMin: 0,
    logicalMax: 0,
    reportSize: 0,
    reportCount: 0,
    reportId: 0,
  };
  const stack: Globals[] = [];
  let usages: number[] = [];
  let usageMin: number | undefined;
  let usageMax: number | undefined;
  const collections: { type: number; usage: number }[] = [];
  let usesReportIds = false;

  /** A usage given with 1 or 2 bytes belongs to the usage page in force; 4 bytes carry their own. */
  const full = (value: number, size: number) =>
    size === 4 ? value : globals.usagePage * 0x10000 + value;

  let at = 0;
  while (at < bytes.length) {
    const prefix = bytes[at] ?? 0;
    if (prefix === 0xfe) {
      // Long item: skip it whole (no device here uses one).
      const length = bytes[at + 1] ?? 0;
      at += 3 + length;
      continue;
    }
    const size = (prefix & 0x03) === 3 ? 4 : prefix & 0x03;
    const type = (prefix >> 2) & 0x03;
    const tag = prefix >> 4;
    if (at + 1 + size > bytes.length)
      throw new HidDescriptorError(`item at byte ${at} runs past the end`);
    const data = bytes.subarray(at + 1, at + 1 + size);
    at += 1 + size;

    if (type === 1) {
      switch (tag) {
        case 0x0:
          globals.usagePage = unsigned(data);
          break;
        case 0x1:
          globals.logicalMin = signed(data);
          break;
        case 0x2:
          globals.logicalMax = signed(data);
          break;
        case 0x7:
          globals.reportSize = unsigned(data);
          break;
        case 0x8:
          globals.reportId = unsigned(data);
          usesReportIds = true;
          break;
        case 0x9:
          globals.reportCount = unsigned(data);
          break;
        case 0xa:
          stack.push({ ...globals });
          break;
        case 0xb: {
          const popped = stack.pop();
          if (popped === undefined) throw new HidDescriptorError(`Pop without Push at byte ${at}`);
          globals = popped;
          break;
        }
        default:
          break; // physical limits, units: not needed for buttons and LEDs
      }
      continue;
    }
    if (type === 2) {
      switch (tag) {
        case 0x0:
          usages.push(full(unsigned(data), size));
          break;
        case 0x1:
          usageMin = full(unsigned(data), size);
          break;
        case 0x2:
          usageMax = full(unsigned(data), size);
          break;
        default:
          break;
      }
      continue;
    }
    if (type === 0) {
      if (tag === 0xa) {
        collections.push({ type: unsigned(data), usage: usages[0] ?? usageMin ?? 0 });
      } else if (tag === 0xc) {
        if (collections.pop() === undefined)
          throw new HidDescriptorError(`End Collection without Collection at byte ${at}`);
      } else if (tag === 0x8 || tag === 0x9 || tag === 0xb) {
        const kind: ReportKind = tag === 0x8 ? 'input' : tag === 0x9 ? 'output' : 'feature';
        const flags = unsigned(data);
        const key = `${kind}:${globals.reportId}`;
        let offset = reportBits.get(key) ?? 0;
        const common = {
          kind,
          reportId: globals.reportId,
          bitSize: globals.reportSize,
          logicalMin: globals.logicalMin,
          logicalMax: globals.logicalMax,
          constant: (flags & 0x01) !== 0,
          variable: (flags & 0x02) !== 0,
          relative: (flags & 0x04) !== 0,
          preferredState: (flags & 0x20) === 0,
          nullState: (flags & 0x40) !== 0,
          applications: collections.filter((c) => c.type === 0x01).map((c) => c.usage),
        };
        const low = usageMin;
        const range =
          low !== undefined && usageMax !== undefined && usageMax >= low
            ? Array.from({ length: Math.min(usageMax - low + 1, 0x10000) }, (_, i) => low + i)
            : [];
        const list = usages.length > 0 ? usages : range;
        if (common.variable) {
          for (let i = 0; i < globals.reportCount; i++) {
            const usage = list[Math.min(i, list.length - 1)] ?? 0;
            fields.push({
              ...common,
              bitOffset: offset,
              usagePage: usage >>> 16,
              usage: usage & 0xffff,
            });
            offset += globals.reportSize;
          }
        } else {
          // Array (or padding): each slot holds an index into the usages.
          const first = list[0] ?? 0;
          const last = list.at(-1) ?? 0;
          for (let i = 0; i < globals.reportCount; i++) {
            fields.push({
              ...common,
              bitOffset: offset,
              usagePage: first >>> 16,
              usage: first & 0xffff,
              ...(list.length > 1 ? { usageMax: last & 0xffff } : {}),
            });
            offset += globals.reportSize;
          }
        }
        reportBits.set(key, offset);
      }
      usages = [];
      usageMin = undefined;
      usageMax = undefined;
    }
  }
  if (collections.length > 0) throw new HidDescriptorError('a Collection is never ended');
  return { fields, usesReportIds, reportBits };
}

/** The lowercase hex dump format of Linux sysfs report_descriptor files, as in the test fixtures. */
export function bytesFromHex(text: string): Uint8Array {
  const hex = text.replace(/[^0-9a-f]/gi, '');
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}
