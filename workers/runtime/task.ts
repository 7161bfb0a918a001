/**
 * An external task as a handler sees it: ids, extension properties and typed accessors for its
 * variables (process variables and the task's own inputs). A missing or mistyped value is a
 * {@link MissingDataError} naming the variable, never silently `undefined`.
 */
import { MissingDataError } from './errors/missing-data-error.js';

/** What the official client hands over, as far as the handlers use it. */
export interface RawTask {
  id: string;
  topicName: string;
  activityId: string;
  processInstanceId: string;
  processDefinitionKey?: string | null;
  businessKey?: string | null;
  createTime?: string | null;
  retries?: number | null;
  extensionProperties?: Record<string, string> | null;
  variables: { getTyped(name: string): { type: string; value: unknown } | null; getAllTyped(): object };
}

export class TaskView {
  readonly id: string;
  readonly topic: string;
  readonly activityId: string;
  readonly processInstanceId: string;
  readonly processDefinitionKey: string | null;
  readonly businessKey: string | null;
  /** When the engine created the task: the same on every redelivery, unlike the clock. */
  readonly createdAt: Date | null;
  readonly retries: number | null;
  readonly properties: Readonly<Record<string, string>>;

  constructor(private readonly raw: RawTask) {
    this.id = raw.id;
    this.topic = raw.topicName;
    this.activityId = raw.activityId;
    this.processInstanceId = raw.processInstanceId;
    this.processDefinitionKey = raw.processDefinitionKey ?? null;
    this.businessKey = raw.businessKey ?? null;
    const created = raw.createTime ? new Date(raw.createTime) : null;
    this.createdAt = created && !Number.isNaN(created.getTime()) ? created : null;
    this.retries = raw.retries ?? null;
    this.properties = raw.extensionProperties ?? {};
  }

  /** The deserialized value (Date for Date, parsed JSON for Json), or undefined when absent or Null. */
  value(name: string): unknown {
    let typed: { type: string; value: unknown } | null;
    try {
      typed = this.raw.variables.getTyped(name);
    } catch {
      // A Json variable whose text does not parse: say which, never what.
      throw new MissingDataError(`variable "${name}"`, 'readable JSON');
    }
    return typed === null || typed.value === null ? undefined : typed.value;
  }

  has(name: string): boolean {
    return this.value(name) !== undefined;
  }

  /** A non-empty text variable or input. */
  text(name: string): string {
    const v = this.value(name);
    if (typeof v !== 'string' || v.trim() === '')
      throw new MissingDataError(`variable "${name}"`, 'a non-empty text');
    return v;
  }

  optionalText(name: string): string | null {
    return this.has(name) ? this.text(name) : null;
  }

  date(name: string): Date {
    const v = this.value(name);
    if (!(v instanceof Date) || Number.isNaN(v.getTime()))
      throw new MissingDataError(`variable "${name}"`, 'a date');
    return v;
  }

  optionalDate(name: string): Date | null {
    return this.has(name) ? this.date(name) : null;
  }

  /** A required extension property (`camunda:property`). */
  property(name: string): string {
    const v = this.properties[name];
    if (v === undefined || v.trim() === '') throw new MissingDataError(`camunda:property "${name}"`, 'set');
    return v;
  }

  /**
   * Every variable name the task carries; empty when a Json variable does not parse (the client
   * parses them all at once), which only loses optional lookups such as a deadline's explanation.
   */
  names(): string[] {
    try {
      return Object.keys(this.raw.variables.getAllTyped());
    } catch {
      return [];
    }
  }
}
