/** Reads every entry of a zip file (yauzl) into memory: its bytes and its Unix mode. */
import yauzl from 'yauzl';

export interface ZipEntry {
  bytes: Buffer;
  /** The entry's Unix mode (from the external attributes), e.g. 0o100600. */
  mode: number;
}

export function readZip(file: string): Promise<Map<string, ZipEntry>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = new Map<string, ZipEntry>();
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.set(entry.fileName, {
              bytes: Buffer.concat(chunks),
              mode: entry.externalFileAttributes >>> 16,
            });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
