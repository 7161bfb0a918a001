import { formatNullableDate } from '../wire/date-format.js';

/** Formats a port date for the wire in the server's zone; null stays null. */
export type DateFmt = (d: Date | null | undefined) => string | null;

/** A {@link DateFmt} for `zone`. */
export function dateFmt(zone: string): DateFmt {
  return (d) => formatNullableDate(d, zone);
}

/** A HAL-ish link as Camunda's LinkableDto carries it. */
export interface AtomLink {
  method: string;
  href: string;
  rel: string;
}
