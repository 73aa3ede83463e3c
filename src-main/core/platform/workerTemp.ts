import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Temporary folders for worker threads, one a job, under the app's profile:
 * ExcelJS's streaming reader spills a sheet that comes before its shared
 * strings (as Excel writes them) to a temporary file, unpacked, client data
 * and all, and leaves it there when the reading stops early. A job's thread
 * gets TEMP pointed at its own folder, and the folder goes when the job ends;
 * what a crash left is cleared once, before the first job.
 */
export class WorkerTempFolders {
  private readonly cleared: Promise<void>;

  constructor(private readonly root: string) {
    this.cleared = rm(root, { recursive: true, force: true }).catch(() => undefined);
  }

  async next(): Promise<string> {
    await this.cleared;
    await mkdir(this.root, { recursive: true });
    return mkdtemp(path.join(this.root, 'job-'));
  }
}

/** The environment of a worker whose temporary files go to `folder`. */
export function envWithTemp(folder: string): NodeJS.ProcessEnv {
  return { ...process.env, TMPDIR: folder, TMP: folder, TEMP: folder };
}
