/** What every rule gets: where to report, and how to compile expressions positioned at an element. */
import { ExpressionSyntaxError, parseExpression, type Expression } from '../../expressions/index.js';
import { own, type ModdleElement } from '../moddle.js';
import type { ResourceProblems } from '../problems.js';
import { describe } from './whitelist.js';

export interface RuleContext {
  problems: ResourceProblems;
  /** Sequence flows of the enclosing container by source and by target element id. */
  outgoing: Map<string, ModdleElement[]>;
  incoming: Map<string, ModdleElement[]>;
}

/** Parses an expression written on `element`; a syntax error becomes a problem there (null returned). */
export function compile(
  ctx: RuleContext,
  element: ModdleElement,
  label: string,
  text: string,
): Expression | null {
  try {
    return parseExpression(text);
  } catch (error) {
    if (!(error instanceof ExpressionSyntaxError)) throw error;
    ctx.problems.add(
      `${describe(element.$type, element.id)}: ${label}: ${error.message}`,
      element.id ?? null,
    );
    return null;
  }
}

/** Reports a problem at an element, prefixed with its type and id. */
export function report(
  ctx: RuleContext,
  element: ModdleElement,
  message: string,
  related: string[] = [],
): void {
  ctx.problems.add(`${describe(element.$type, element.id)}: ${message}`, element.id ?? null, related);
}

/** A string attribute (moddle property), or null. */
export function text(element: ModdleElement, name: string): string | null {
  const value = own(element, name);
  return typeof value === 'string' ? value : null;
}

/** The body of a (formal) expression child, e.g. a condition or a timer value. */
export function body(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const b = (value as { body?: unknown }).body;
  return typeof b === 'string' ? b : '';
}
