/**
 * The functions a native binary exports, read from its own tables: the export
 * directory of a Windows PE file, the external symbols of a 64-bit Mach-O file.
 * Enough to check, on Linux, what node-hid's Windows and macOS builds offer.
 */
export function exportedFunctions(file: Buffer): string[] {
  if (file.readUInt16LE(0) === 0x5a4d) return peExports(file);
  if (file.readUInt32LE(0) === 0xfeedfacf) return machOExports(file);
  throw new Error('neither a PE nor a 64-bit Mach-O file');
}

function cString(file: Buffer, at: number): string {
  return file.toString('latin1', at, file.indexOf(0, at));
}

function peExports(file: Buffer): string[] {
  const pe = file.readUInt32LE(0x3c);
  if (file.readUInt32LE(pe) !== 0x00004550) throw new Error('no PE signature');
  const sections = file.readUInt16LE(pe + 6);
  const optional = pe + 24;
  const optionalSize = file.readUInt16LE(pe + 20);
  const directories = optional + (file.readUInt16LE(optional) === 0x20b ? 112 : 96);
  const exportRva = file.readUInt32LE(directories);
  const offsetOf = (rva: number) => {
    for (let s = 0; s < sections; s++) {
      const header = optional + optionalSize + s * 40;
      const virtualAddress = file.readUInt32LE(header + 12);
      const size = Math.max(file.readUInt32LE(header + 8), file.readUInt32LE(header + 16));
      if (rva >= virtualAddress && rva < virtualAddress + size)
        return rva - virtualAddress + file.readUInt32LE(header + 20);
    }
    throw new Error(`RVA ${rva} is in no section`);
  };
  const directory = offsetOf(exportRva);
  const names = file.readUInt32LE(directory + 24);
  const nameTable = offsetOf(file.readUInt32LE(directory + 32));
  return Array.from({ length: names }, (_, i) =>
    cString(file, offsetOf(file.readUInt32LE(nameTable + i * 4))),
  );
}

function machOExports(file: Buffer): string[] {
  const commands = file.readUInt32LE(16);
  let at = 32;
  for (let c = 0; c < commands; c++) {
    const command = file.readUInt32LE(at);
    if (command === 0x2) {
      const symbols = file.readUInt32LE(at + 8);
      const count = file.readUInt32LE(at + 12);
      const strings = file.readUInt32LE(at + 16);
      const names: string[] = [];
      for (let s = 0; s < count; s++) {
        const entry = symbols + s * 16;
        const type = file.readUInt8(entry + 4);
        // N_EXT, defined in a section (N_SECT): what dlsym finds.
        if ((type & 0x01) !== 0 && (type & 0x0e) === 0x0e)
          names.push(cString(file, strings + file.readUInt32LE(entry)).replace(/^_/, ''));
      }
      return names;
    }
    at += file.readUInt32LE(at + 4);
  }
  throw new Error('no symbol table');
}
