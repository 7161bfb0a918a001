/**
 * The child's details that the procedures' documents need (east-riding Appendix A "Family
 * Details", liverpool Appendix 1 "Child Name / DOB / Age" and Appendix 2 "Name of Child / young
 * Person: Date of Birth: Address"). They never enter process variables, messages or logs.
 */
import { z } from 'zod';

export const subjectSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    dateOfBirth: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
      // A real day: JavaScript would read 30 February as 2 March, so the date must survive the round trip.
      .refine((d) => {
        const day = new Date(`${d}T00:00:00Z`);
        return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(d);
      }, 'a real date'),
    address: z.string().trim().min(1).max(500),
    /** east-riding Appendix A "Family Details … Parents": names as the agency holds them. */
    parents: z.string().trim().min(1).max(500).optional(),
  })
  .strict();

export type Subject = z.infer<typeof subjectSchema>;

/** Two subjects are the same record when every field matches exactly (after trimming). */
export function sameSubject(a: Subject, b: Subject): boolean {
  return (
    a.name === b.name && a.dateOfBirth === b.dateOfBirth && a.address === b.address && a.parents === b.parents
  );
}
