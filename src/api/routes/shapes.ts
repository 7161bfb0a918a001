/** Answer shapes shared by several routes (zod: they are also the OpenAPI document's schemas). */
import { z } from 'zod';

export const membershipSchema = z.object({
  partnership: z.string(),
  agency: z.string().nullable(),
  organisation: z.string().nullable(),
  organisationName: z.string().nullable(),
  roles: z.array(z.string()),
  reports: z.boolean(),
  processOwner: z.boolean(),
});

export const userSchema = z.object({
  username: z.string(),
  email: z.string(),
  admin: z.boolean(),
  memberships: z.array(membershipSchema),
});

/** A page of a list: `{ items, total, page, pageSize }`. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

/** `page` (from 1) and `pageSize` (1 to 100, default 20). */
export const paging = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

/** An RFC 3339 instant in UTC, e.g. `2026-11-02T10:00:00.000Z`. */
export const instant = z.string().describe('RFC 3339 date-time in UTC');
