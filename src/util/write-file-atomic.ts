// Writes a file so readers never see it half-written: a sibling temp file, then a rename.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';

/**
 * Writes `data` to `filePath` so readers never see a half-written file: the bytes go
 * to a sibling temp file first, which is then renamed over the target (atomic on one
 * file system). The temp file is removed if anything fails.
 */
export async function writeFileAtomic(filePath: string, data: string | Buffer): Promise<void> {
  // 6 random bytes: enough that two writers in one process never pick the same name.
  const tmp = `${filePath}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, filePath);
  } catch (error) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw error;
  }
}
