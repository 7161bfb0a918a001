/**
 * The demo seeder's HTTP client: the product's own API over HTTP with a user's personal access
 * token, exactly as an integration would call it. A refused call is an error naming the call and the
 * problem's fields, never the body sent.
 */

/** The parts of `GET /escalations/:id` the seeder reads. */
export interface EscalationView {
  id: string;
  caseReference: string;
  partnership: string;
  status: string;
  stages: { elementId: string; name: string; endedAt: string | null }[];
  openTasks: { id: string; elementId: string; name: string; canComplete: boolean }[];
}

export class DemoApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'DemoApiError';
  }
}

export class DemoClient {
  constructor(private readonly baseUrl: string) {}

  /** Calls `/api/v1<path>` with the token; the parsed JSON answer, or a {@link DemoApiError}. */
  async call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) {
      const problem = safeJson(text) as { detail?: string; errors?: { path: string; message: string }[] };
      const fields = (problem?.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('; ');
      throw new DemoApiError(
        res.status,
        `${method} ${path.split('?')[0]} answered ${res.status}: ${problem?.detail ?? ''}${fields ? ` (${fields})` : ''}`,
      );
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  escalation(token: string, id: string): Promise<EscalationView> {
    return this.call<EscalationView>(token, 'GET', `/escalations/${encodeURIComponent(id)}`);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
