/**
 * An error the REST layer itself raises, with the exact status and exception type Camunda's REST
 * layer uses at that point (`RestException` or `InvalidRequestException`). Camunda's resources
 * often translate an engine exception into one of these, e.g. a `NotFoundException` on
 * `POST /external-task/{id}/complete` becomes `404 RestException "External task with id … does
 * not exist"`; the `cause` keeps the engine's error so its numeric code still travels.
 */
export class RestError extends Error {
  readonly code = 'REST_ERROR';
  constructor(
    readonly status: number,
    readonly camundaType: 'RestException' | 'InvalidRequestException' | 'NotSupportedException',
    message: string,
    options?: { cause?: unknown; field?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RestError';
    this.field = options?.field;
  }
  readonly field: string | undefined;
}
