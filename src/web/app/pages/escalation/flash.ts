/**
 * A banner for the next page shown (e.g. "Escalation withdrawn" on the escalation page after the
 * withdraw page), kept in memory only: a reload shows none.
 */
export interface Flash {
  title: string;
  text: string;
}

const pending = new Map<string, Flash>();

export function setFlash(key: string, flash: Flash): void {
  pending.set(key, flash);
}

/** The banner left for `key`, once. */
export function takeFlash(key: string): Flash | null {
  const flash = pending.get(key) ?? null;
  pending.delete(key);
  return flash;
}
