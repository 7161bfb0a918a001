/**
 * An HTTP proxy in front of /engine-rest that can hold a request instead of forwarding it: a test
 * uses it to stop a worker between its effects and its `complete`, then kills the worker, which is
 * how a crash looks to the engine (the task stays locked until its lock expires).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Decides whether to hold a request; called with the method and path. */
export type HoldRule = (method: string, path: string) => boolean | Promise<boolean>;

export class HoldingProxy {
  private server: http.Server | null = null;
  private rule: HoldRule = () => false;
  private waiters: ((path: string) => void)[] = [];
  /** Paths of the requests held so far (never answered). */
  readonly held: string[] = [];
  /** `METHOD path` of every request forwarded. */
  readonly forwarded: string[] = [];
  port = 0;

  constructor(private readonly target: URL) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** The proxy's /engine-rest base URL. */
  get url(): string {
    return `http://127.0.0.1:${this.port}${this.target.pathname.replace(/\/+$/, '')}`;
  }

  /** Holds the next requests the rule selects. */
  holdWhen(rule: HoldRule): void {
    this.rule = rule;
  }

  /** Resolves with the path of the next request held. */
  nextHold(): Promise<string> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = req.url ?? '/';
    if (await this.rule(req.method ?? 'GET', path)) {
      // Never forwarded, never answered: the worker that sent it is about to be killed.
      this.held.push(path);
      this.waiters.splice(0).forEach((w) => w(path));
      return;
    }
    this.forwarded.push(`${req.method} ${path}`);
    const upstream = http.request(
      { host: this.target.hostname, port: this.target.port, method: req.method, path, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    // A client that dies mid long poll must not leave the poll open upstream: the engine would hand the
    // next free task to it, and the task would stay locked to a dead worker.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  }
}
