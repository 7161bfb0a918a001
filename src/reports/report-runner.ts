/**
 * Runs partnership reports off the server's event loop: one worker thread (report-thread.ts),
 * started on the first report and kept (unref'd, so it never holds the process open), computes them
 * one after another on its own connection. A year of 100,000 escalations takes seconds of SQL
 * (docs/benchmarks.md); on the server's own connection every other request would wait for it.
 * A thread that dies fails the reports it was computing (a 5xx, as for any server fault) and the
 * next report starts a new one.
 */
import { Worker } from 'node:worker_threads';
import type { PartnershipReport } from './report-schema.js';
import type { ReportPeriod } from './period.js';
import type { ThreadAnswer, ThreadRequest } from './report-thread.js';

export interface ReportJob {
  /** The application database's file (the thread opens its own connection to it). */
  dbFile: string;
  partnership: string;
  period: ReportPeriod;
  now: Date;
}

export class ReportRunner {
  private worker: Worker | null = null;
  private next = 1;
  private readonly pending = new Map<
    number,
    { resolve: (r: PartnershipReport) => void; reject: (e: Error) => void }
  >();

  /** The report of `job`, computed in the thread. */
  run(job: ReportJob): Promise<PartnershipReport> {
    const request: ThreadRequest = {
      id: this.next++,
      dbFile: job.dbFile,
      partnership: job.partnership,
      from: job.period.from.getTime(),
      to: job.period.to.getTime(),
      now: job.now.getTime(),
    };
    return new Promise<PartnershipReport>((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      this.thread().postMessage(request);
    });
  }

  /** Stops the thread (reports still running fail). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./report-thread-entry.mjs', import.meta.url));
    worker.unref();
    worker.on('message', (answer: ThreadAnswer) => {
      const job = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      if ('error' in answer) job?.reject(new Error(`partnership report failed: ${answer.error}`));
      else job?.resolve(answer.report);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const job of this.pending.values()) job.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the report thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
