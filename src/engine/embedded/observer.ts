/**
 * What the embedded engine tells an observer about its own work, for monitoring (`/metrics`):
 * how late each timer fired and how long each group commit took to reach the disk. The engine
 * knows nothing of the metrics library; the product passes an observer that records into it.
 */
export interface EngineObserver {
  /**
   * A timer job fired: `lagMs` after its due date (0 when on time; a timer run by hand before its
   * due date is not reported). Late firings come from a busy or stopped engine: downtime's overdue
   * timers fire at start-up with the downtime as their lag.
   */
  timerFired?(lagMs: number, processDefinitionKey: string): void;
  /** A group commit reached the disk: the COMMIT's duration (fsync included) and the units it carried. */
  committed?(seconds: number, units: number): void;
}
