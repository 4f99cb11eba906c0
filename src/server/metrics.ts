import type { JobOutcome } from '../jobs/processor.js';
import type { JobStatus } from '../jobs/types.js';

const DURATION_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];
const HTTP_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

class Histogram {
  readonly counts: number[];
  sum = 0;
  count = 0;
  constructor(readonly buckets: number[]) {
    this.counts = buckets.map(() => 0);
  }
  observe(v: number): void {
    this.sum += v;
    this.count++;
    for (let i = 0; i < this.buckets.length; i++) if (v <= this.buckets[i]) this.counts[i]++;
  }
  render(name: string, labels = ''): string[] {
    const l = labels ? `${labels},` : '';
    const lines = this.buckets.map((b, i) => `${name}_bucket{${l}le="${b}"} ${this.counts[i]}`);
    lines.push(`${name}_bucket{${l}le="+Inf"} ${this.count}`);
    const plain = labels ? `{${labels}}` : '';
    lines.push(`${name}_sum${plain} ${this.sum}`, `${name}_count${plain} ${this.count}`);
    return lines;
  }
}

/**
 * Counters and histograms kept by this process, rendered in the Prometheus text format together
 * with the queue's state read from the database at scrape time (so any process shows the whole
 * queue, while durations are those of the jobs this process ran).
 */
export class Metrics {
  private readonly outcomes = new Map<string, number>();
  private readonly durations = new Map<string, Histogram>();
  private readonly http = new Histogram(HTTP_BUCKETS);
  private readonly httpByStatus = new Map<string, number>();

  recordOutcome(o: JobOutcome): void {
    this.outcomes.set(o.status, (this.outcomes.get(o.status) ?? 0) + 1);
    if (o.status === 'completed' || o.status === 'failed' || o.status === 'cancelled') {
      const h = this.durations.get(o.job.modelName) ?? new Histogram(DURATION_BUCKETS);
      this.durations.set(o.job.modelName, h);
      h.observe(o.durationMs / 1000);
    }
  }

  recordHttp(statusCode: number, seconds: number): void {
    const cls = `${Math.floor(statusCode / 100)}xx`;
    this.httpByStatus.set(cls, (this.httpByStatus.get(cls) ?? 0) + 1);
    this.http.observe(seconds);
  }

  render(state: {
    counts: Record<JobStatus, number>;
    queueDepth: number;
    workers: number;
    active: number;
  }): string {
    const lines: string[] = [
      '# HELP dream_cad_jobs Jobs in the database by state.',
      '# TYPE dream_cad_jobs gauge',
      ...Object.entries(state.counts).map(([s, n]) => `dream_cad_jobs{state="${s}"} ${n}`),
      '# HELP dream_cad_queue_depth Jobs waiting to run (pending).',
      '# TYPE dream_cad_queue_depth gauge',
      `dream_cad_queue_depth ${state.queueDepth}`,
      '# HELP dream_cad_workers Worker loops in this process.',
      '# TYPE dream_cad_workers gauge',
      `dream_cad_workers ${state.workers}`,
      '# HELP dream_cad_jobs_active Jobs this process is running now.',
      '# TYPE dream_cad_jobs_active gauge',
      `dream_cad_jobs_active ${state.active}`,
      '# HELP dream_cad_job_outcomes_total Attempts this process finished, by outcome.',
      '# TYPE dream_cad_job_outcomes_total counter',
      ...[...this.outcomes].map(([s, n]) => `dream_cad_job_outcomes_total{outcome="${s}"} ${n}`),
      '# HELP dream_cad_job_duration_seconds Wall time of jobs this process ran, by model.',
      '# TYPE dream_cad_job_duration_seconds histogram',
      ...[...this.durations].flatMap(([m, h]) => h.render('dream_cad_job_duration_seconds', `model="${m}"`)),
      '# HELP dream_cad_http_requests_total HTTP requests answered, by status class.',
      '# TYPE dream_cad_http_requests_total counter',
      ...[...this.httpByStatus].map(([c, n]) => `dream_cad_http_requests_total{status="${c}"} ${n}`),
      '# HELP dream_cad_http_request_duration_seconds HTTP response times.',
      '# TYPE dream_cad_http_request_duration_seconds histogram',
      ...this.http.render('dream_cad_http_request_duration_seconds'),
      '# HELP process_resident_memory_bytes Resident memory.',
      '# TYPE process_resident_memory_bytes gauge',
      `process_resident_memory_bytes ${process.memoryUsage().rss}`,
    ];
    return `${lines.join('\n')}\n`;
  }
}
