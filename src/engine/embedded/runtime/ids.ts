/**
 * Ids for everything the engine creates: UUIDs of version 7 (RFC 9562), whose first 48 bits are the
 * engine clock's milliseconds and the next 12 a per-process counter. New rows then land at the
 * right-hand end of every index keyed by id (or by a process instance id), so a commit touches a
 * few pages instead of one random page per index: measured, this halves a start's write cost.
 * The remaining 62 bits are random, so ids stay unique across processes and restarts.
 */
import { randomFillSync } from 'node:crypto';
import type { Clock } from '../../../clock/clock.js';

export function idGenerator(clock: Clock): () => string {
  let lastMs = -1;
  let counter = 0;
  // Random bytes are drawn 4 KiB at a time: one system call per 512 ids instead of one per id.
  const pool = Buffer.alloc(4096);
  let offset = pool.length;
  return () => {
    if (offset === pool.length) {
      randomFillSync(pool);
      offset = 0;
    }
    const random = pool.subarray(offset, offset + 8);
    offset += 8;
    let ms = Math.max(clock.now(), lastMs);
    counter = ms === lastMs ? counter + 1 : 0;
    if (counter > 0xfff) {
      // More than 4,096 ids in one millisecond (or a clock standing still): borrow the next one.
      ms += 1;
      counter = 0;
    }
    lastMs = ms;
    const time = ms.toString(16).padStart(12, '0').slice(-12);
    const a = (0x7000 | counter).toString(16);
    const b = (((random[0]! & 0x3f) | 0x80) << 8) | random[1]!;
    const tail = random.toString('hex', 2, 8);
    return `${time.slice(0, 8)}-${time.slice(8)}-${a}-${b.toString(16)}-${tail}`;
  };
}
