import { randomUUID } from 'node:crypto';
import { type Kysely, type Migration, Migrator } from 'kysely';
import { linearRegression } from 'simple-statistics';
import type { ABTestResult } from './ab-tester.js';
import { renderHtmlReport } from './html-report.js';
import type { BenchmarkResult } from './model-benchmark.js';
import { summarize } from './stats.js';

/** The seed's `PerformanceMetrics`: one generation's numbers. */
export interface PerformanceMetrics {
  generationTimeSeconds: number;
  success?: boolean;
  prompt?: string;
  peakRamGb?: number | null;
  peakVramGb?: number | null;
  overallMeshQuality?: number | null;
  gameReadyScore?: number | null;
  /** 'benchmark', 'job' or anything else; default 'manual'. */
  source?: string;
  /** Milliseconds since the epoch; default now. */
  timestamp?: number;
  details?: Record<string, unknown>;
}

interface PerfRunsTable {
  id: string;
  source: string;
  model_name: string;
  prompt: string | null;
  success: number;
  generation_seconds: number | null;
  peak_ram_gb: number | null;
  peak_vram_gb: number | null;
  overall_quality: number | null;
  game_ready_score: number | null;
  job_id: string | null;
  created_at: number;
  details: string | null;
}

interface PerfAbTestsTable {
  id: string;
  model_a: string;
  model_b: string;
  winner: string;
  p_value: number;
  created_at: number;
  result: string;
}

interface PerfSchema {
  perf_runs: PerfRunsTable;
  perf_ab_tests: PerfAbTestsTable;
}

/**
 * The tracker's own migrations, with their own migration table, so they run beside the job store's
 * in the same database without either knowing the other.
 */
export const PERFORMANCE_MIGRATIONS: Record<string, Migration> = {
  '0001_performance': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('perf_runs')
        .ifNotExists()
        .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
        .addColumn('source', 'varchar(32)', (c) => c.notNull())
        .addColumn('model_name', 'varchar(64)', (c) => c.notNull())
        .addColumn('prompt', 'text')
        .addColumn('success', 'integer', (c) => c.notNull())
        .addColumn('generation_seconds', 'double precision')
        .addColumn('peak_ram_gb', 'double precision')
        .addColumn('peak_vram_gb', 'double precision')
        .addColumn('overall_quality', 'double precision')
        .addColumn('game_ready_score', 'double precision')
        .addColumn('job_id', 'varchar(64)')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('details', 'text')
        .execute();
      await db.schema
        .createIndex('perf_runs_model_idx')
        .ifNotExists()
        .on('perf_runs')
        .columns(['model_name', 'created_at'])
        .execute();
      await db.schema
        .createIndex('perf_runs_job_idx')
        .ifNotExists()
        .unique()
        .on('perf_runs')
        .column('job_id')
        .execute();
      await db.schema
        .createTable('perf_ab_tests')
        .ifNotExists()
        .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
        .addColumn('model_a', 'varchar(64)', (c) => c.notNull())
        .addColumn('model_b', 'varchar(64)', (c) => c.notNull())
        .addColumn('winner', 'varchar(64)', (c) => c.notNull())
        .addColumn('p_value', 'double precision', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('perf_runs').ifExists().execute();
      await db.schema.dropTable('perf_ab_tests').ifExists().execute();
    },
  },
};

export interface TrendPoint {
  /** UTC day, YYYY-MM-DD. */
  date: string;
  runs: number;
  successRate: number;
  meanSeconds: number | null;
  medianSeconds: number | null;
  meanQuality: number | null;
}

export interface PerformanceTrend {
  modelName: string;
  days: number;
  runs: number;
  successRate: number;
  points: TrendPoint[];
  /** Least-squares slope of successful runs' seconds against days; negative means getting faster. */
  secondsPerDaySlope: number | null;
  /** The same for overall quality, points per day. */
  qualityPerDaySlope: number | null;
}

export interface ModelSummary {
  modelName: string;
  runs: number;
  successRate: number;
  meanSeconds: number | null;
  medianSeconds: number | null;
  p90Seconds: number | null;
  meanQuality: number | null;
  peakRamGb: number | null;
  peakVramGb: number | null;
  lastRunAt: string;
}

export interface PerformanceReport {
  generatedAt: string;
  days: number;
  models: ModelSummary[];
  trends: PerformanceTrend[];
  abTests: {
    id: string;
    modelA: string;
    modelB: string;
    winner: string;
    pValue: number;
    createdAt: string;
    result: ABTestResult;
  }[];
}

export interface PerformanceTrackerOptions {
  /** Clock, for tests (milliseconds since the epoch). */
  now?: () => number;
  /** PostgreSQL schema the job store uses, if any (for the migration table). */
  schema?: string;
}

const DAY = 86_400_000;

/**
 * Stores every benchmark run, every finished job's timings and every A/B test in the job database
 * (any Kysely instance: SQLite or PostgreSQL), and reports trends.
 *
 * @example
 * const { db } = await openDatabase({ dataDir: './data' });
 * const tracker = await PerformanceTracker.open(db);
 * await tracker.trackPerformance('dreamcad', { generationTimeSeconds: 0.8, overallMeshQuality: 97 });
 * const trend = await tracker.getPerformanceTrend('dreamcad', 30);
 */
export class PerformanceTracker {
  private readonly db: Kysely<PerfSchema>;
  private readonly now: () => number;

  constructor(
    // biome-ignore lint/suspicious/noExplicitAny: the tracker shares whatever database the jobs use.
    db: Kysely<any>,
    private readonly options: PerformanceTrackerOptions = {},
  ) {
    this.db = db as Kysely<PerfSchema>;
    this.now = options.now ?? Date.now;
  }

  /** A tracker whose tables exist (migrations run). */
  // biome-ignore lint/suspicious/noExplicitAny: see the constructor.
  static async open(db: Kysely<any>, options: PerformanceTrackerOptions = {}): Promise<PerformanceTracker> {
    const t = new PerformanceTracker(db, options);
    await t.migrate();
    return t;
  }

  async migrate(): Promise<void> {
    const migrator = new Migrator({
      db: this.db,
      provider: { getMigrations: async () => PERFORMANCE_MIGRATIONS },
      migrationTableName: 'dream_cad_perf_migrations',
      migrationLockTableName: 'dream_cad_perf_migrations_lock',
      ...(this.options.schema ? { migrationTableSchema: this.options.schema } : {}),
    });
    const { error } = await migrator.migrateToLatest();
    if (error) {
      throw new Error(`PerformanceTracker.migrate: ${error instanceof Error ? error.message : error}`, {
        cause: error,
      });
    }
  }

  /** Records one generation's metrics (the seed's `track_performance`). */
  async trackPerformance(modelName: string, metrics: PerformanceMetrics, jobId?: string): Promise<void> {
    const finite = (v: number | null | undefined) =>
      v === undefined || v === null || !Number.isFinite(v) ? null : v;
    await this.db
      .insertInto('perf_runs')
      .values({
        id: randomUUID(),
        source: metrics.source ?? 'manual',
        model_name: modelName,
        prompt: metrics.prompt ?? null,
        success: metrics.success === false ? 0 : 1,
        generation_seconds: finite(metrics.generationTimeSeconds),
        peak_ram_gb: finite(metrics.peakRamGb),
        peak_vram_gb: finite(metrics.peakVramGb),
        overall_quality: finite(metrics.overallMeshQuality),
        game_ready_score: finite(metrics.gameReadyScore),
        job_id: jobId ?? null,
        created_at: metrics.timestamp ?? this.now(),
        details: metrics.details ? JSON.stringify(metrics.details) : null,
      })
      .execute();
  }

  /** Records a benchmark result: one row per timed run, quality on each. */
  async trackBenchmark(result: BenchmarkResult): Promise<void> {
    const runs = result.runTimesSeconds.length > 0 ? result.runTimesSeconds : [Number.NaN];
    for (const seconds of runs) {
      await this.trackPerformance(result.modelName, {
        generationTimeSeconds: seconds,
        success: result.success,
        prompt: result.prompt,
        peakRamGb: result.peakRamGb,
        peakVramGb: result.peakVramGb,
        overallMeshQuality: result.qualityMetrics?.overallMeshQuality,
        gameReadyScore: result.qualityMetrics?.gameReadyScore,
        source: 'benchmark',
        details: result.errorMessage ? { error: result.errorMessage } : undefined,
      });
    }
  }

  async trackAbTest(result: ABTestResult): Promise<string> {
    const id = randomUUID();
    await this.db
      .insertInto('perf_ab_tests')
      .values({
        id,
        model_a: result.modelA,
        model_b: result.modelB,
        winner: result.winner,
        p_value: Number.isFinite(result.pValue) ? result.pValue : 1,
        created_at: this.now(),
        result: JSON.stringify(result),
      })
      .execute();
    return id;
  }

  /**
   * Copies the timings of finished jobs (completed or failed) from the job store's `jobs` table
   * that are not recorded yet; returns how many it added. Safe to call repeatedly.
   */
  async syncJobs(): Promise<number> {
    // biome-ignore lint/suspicious/noExplicitAny: the jobs table belongs to the job store's schema.
    const db = this.db as Kysely<any>;
    const rows = await db
      .selectFrom('jobs')
      .select(['id', 'model_name', 'prompt', 'status', 'started_at', 'completed_at', 'result'])
      .where('status', 'in', ['completed', 'failed'])
      .where('completed_at', 'is not', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(selectFrom('perf_runs').select('perf_runs.id').whereRef('perf_runs.job_id', '=', 'jobs.id')),
        ),
      )
      .execute();
    for (const r of rows) {
      let quality: number | undefined;
      let gameReady: number | undefined;
      try {
        const parsed = r.result ? JSON.parse(r.result) : undefined;
        const q = parsed?.quality ?? parsed?.qualityMetrics;
        quality = typeof q?.overallMeshQuality === 'number' ? q.overallMeshQuality : undefined;
        gameReady = typeof q?.gameReadyScore === 'number' ? q.gameReadyScore : undefined;
      } catch {}
      const seconds =
        r.started_at != null ? (Number(r.completed_at) - Number(r.started_at)) / 1000 : Number.NaN;
      await this.trackPerformance(
        r.model_name,
        {
          generationTimeSeconds: seconds,
          success: r.status === 'completed',
          prompt: r.prompt,
          overallMeshQuality: quality,
          gameReadyScore: gameReady,
          source: 'job',
          timestamp: Number(r.completed_at),
        },
        r.id,
      );
    }
    return rows.length;
  }

  private async runsSince(since: number, modelName?: string) {
    let q = this.db.selectFrom('perf_runs').selectAll().where('created_at', '>=', since);
    if (modelName) q = q.where('model_name', '=', modelName);
    return q.orderBy('created_at').execute();
  }

  /** Daily points and slopes for one model over the last `days` days (the seed's `get_performance_trend`). */
  async getPerformanceTrend(modelName: string, days = 30): Promise<PerformanceTrend> {
    const now = this.now();
    const rows = await this.runsSince(now - days * DAY, modelName);
    return trendOf(modelName, days, rows, now);
  }

  /** Everything the report page shows, as JSON (the seed's `generate_report`). */
  async generateReport(days = 30): Promise<PerformanceReport> {
    const now = this.now();
    const rows = await this.runsSince(now - days * DAY);
    const byModel = new Map<string, PerfRunsTable[]>();
    for (const r of rows) {
      const list = byModel.get(r.model_name) ?? [];
      list.push(r);
      byModel.set(r.model_name, list);
    }
    const models: ModelSummary[] = [];
    const trends: PerformanceTrend[] = [];
    for (const [name, list] of [...byModel].sort((a, b) => a[0].localeCompare(b[0]))) {
      const ok = list.filter((r) => r.success && r.generation_seconds !== null);
      const secs = summarize(ok.map((r) => r.generation_seconds!));
      const q = list.filter((r) => r.overall_quality !== null).map((r) => r.overall_quality!);
      const ram = list.filter((r) => r.peak_ram_gb !== null).map((r) => r.peak_ram_gb!);
      const vram = list.filter((r) => r.peak_vram_gb !== null).map((r) => r.peak_vram_gb!);
      models.push({
        modelName: name,
        runs: list.length,
        successRate: list.filter((r) => r.success).length / list.length,
        meanSeconds: ok.length ? secs.mean : null,
        medianSeconds: ok.length ? secs.median : null,
        p90Seconds: ok.length ? secs.p90 : null,
        meanQuality: q.length ? summarize(q).mean : null,
        peakRamGb: ram.length ? Math.max(...ram) : null,
        peakVramGb: vram.length ? Math.max(...vram) : null,
        lastRunAt: new Date(Number(list[list.length - 1].created_at)).toISOString(),
      });
      trends.push(trendOf(name, days, list, now));
    }
    const ab = await this.db
      .selectFrom('perf_ab_tests')
      .selectAll()
      .orderBy('created_at', 'desc')
      .limit(20)
      .execute();
    return {
      generatedAt: new Date(now).toISOString(),
      days,
      models,
      trends,
      abTests: ab.map((r) => ({
        id: r.id,
        modelA: r.model_a,
        modelB: r.model_b,
        winner: r.winner,
        pValue: r.p_value,
        createdAt: new Date(Number(r.created_at)).toISOString(),
        result: JSON.parse(r.result) as ABTestResult,
      })),
    };
  }

  /** The report as one self-contained HTML page: inline CSS and SVG charts, no scripts, no CDN. */
  async generateHtmlReport(days = 30): Promise<string> {
    return renderHtmlReport(await this.generateReport(days));
  }

  /** Deletes rows older than `days` days; returns how many runs went. */
  async prune(days: number): Promise<number> {
    const r = await this.db
      .deleteFrom('perf_runs')
      .where('created_at', '<', this.now() - days * DAY)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}

function trendOf(modelName: string, days: number, rows: PerfRunsTable[], now: number): PerformanceTrend {
  const byDay = new Map<string, PerfRunsTable[]>();
  for (const r of rows) {
    const d = new Date(Number(r.created_at)).toISOString().slice(0, 10);
    const list = byDay.get(d) ?? [];
    list.push(r);
    byDay.set(d, list);
  }
  const points: TrendPoint[] = [...byDay.keys()].sort().map((date) => {
    const list = byDay.get(date)!;
    const secs = list
      .filter((r) => r.success && r.generation_seconds !== null)
      .map((r) => r.generation_seconds!);
    const q = list.filter((r) => r.overall_quality !== null).map((r) => r.overall_quality!);
    const s = summarize(secs);
    return {
      date,
      runs: list.length,
      successRate: list.filter((r) => r.success).length / list.length,
      meanSeconds: secs.length ? s.mean : null,
      medianSeconds: secs.length ? s.median : null,
      meanQuality: q.length ? summarize(q).mean : null,
    };
  });
  const slope = (pairs: [number, number][]) => {
    if (pairs.length < 2 || new Set(pairs.map((p) => p[0])).size < 2) return null;
    return linearRegression(pairs).m;
  };
  const ok = rows.filter((r) => r.success && r.generation_seconds !== null);
  return {
    modelName,
    days,
    runs: rows.length,
    successRate: rows.length ? rows.filter((r) => r.success).length / rows.length : 0,
    points,
    secondsPerDaySlope: slope(ok.map((r) => [(Number(r.created_at) - now) / DAY, r.generation_seconds!])),
    qualityPerDaySlope: slope(
      rows
        .filter((r) => r.overall_quality !== null)
        .map((r) => [(Number(r.created_at) - now) / DAY, r.overall_quality!]),
    ),
  };
}
