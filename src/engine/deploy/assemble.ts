/**
 * Builds the ParseError Camunda 7.20+ answers for a rejected deployment: the message starts
 * `ENGINE-09005 Could not parse BPMN process. Errors: ` and lists `* <message> | resource <name> |
 * line <n> | column <n>` per problem (Camunda's Parse.throwExceptionForErrors format); `details` holds
 * the same problems keyed by resource name.
 */
import { ParseError, type ResourceReport } from '../errors/parse-error.js';
import type { ResourceProblems } from './problems.js';

/** Hostile inputs can produce thousands of problems; the message lists this many, details keep more. */
const MAX_IN_MESSAGE = 50;
const MAX_PER_RESOURCE = 1000;

export function buildParseError(reports: Map<string, ResourceProblems>): ParseError {
  const lines: string[] = [];
  const details: Record<string, ResourceReport> = {};
  let total = 0;
  for (const [name, problems] of reports) {
    if (!problems.hasErrors) continue;
    details[name] = { errors: problems.errors.slice(0, MAX_PER_RESOURCE), warnings: [] };
    for (const p of problems.errors) {
      total += 1;
      if (lines.length < MAX_IN_MESSAGE) {
        lines.push(`\n* ${p.message} | resource ${name}${p.line > 0 ? ` | line ${p.line}` : ''}${p.column > 0 ? ` | column ${p.column}` : ''}`);
      }
    }
  }
  const more = total > MAX_IN_MESSAGE ? `\n* … and ${total - MAX_IN_MESSAGE} more` : '';
  return new ParseError(`ENGINE-09005 Could not parse BPMN process. Errors: ${lines.join('')}${more}`, details);
} // prettier-ignore
