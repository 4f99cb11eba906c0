import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ABTester, PerformanceTracker } from '../src/bench/index.js';
import { openDatabase } from '../src/jobs/db.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 31, 12);

test('stores runs in the job database, reports trends, syncs finished jobs, renders HTML', async () => {
  const jobsDb = await openDatabase({ sqlitePath: ':memory:' });
  try {
    let now = T0 - 9 * DAY;
    const tracker = await PerformanceTracker.open(jobsDb.db, { now: () => now });
    await tracker.migrate(); // idempotent
    // Ten days of runs getting faster and better.
    for (let d = 0; d < 10; d++) {
      now = T0 - (9 - d) * DAY;
      for (let k = 0; k < 3; k++) {
        await tracker.trackPerformance('dreamcad', {
          generationTimeSeconds: 2 - d * 0.1 + k * 0.01,
          overallMeshQuality: 80 + d,
          peakRamGb: 0.5,
          source: 'benchmark',
        });
      }
    }
    await tracker.trackPerformance('dreamcad', { generationTimeSeconds: Number.NaN, success: false });
    // A job finished by the job system, in the same database.
    await jobsDb.db
      .insertInto('jobs')
      .values({
        id: 'job1',
        batch_id: null,
        prompt: 'a chair',
        model_name: 'other',
        config: '{}',
        status: 'completed',
        priority: 0,
        progress: 1,
        stage: 'done',
        attempts: 1,
        max_attempts: 3,
        error: null,
        error_code: null,
        reference_image: null,
        cancel_requested: 0,
        lease_owner: null,
        lease_expires_at: null,
        run_after: 0,
        created_at: T0 - 5000,
        started_at: T0 - 4000,
        completed_at: T0 - 1500,
        updated_at: T0,
        result: JSON.stringify({ quality: { overallMeshQuality: 91 } }),
      })
      .execute();
    assert.equal(await tracker.syncJobs(), 1);
    assert.equal(await tracker.syncJobs(), 0, 'a job is recorded once');

    const trend = await tracker.getPerformanceTrend('dreamcad', 30);
    assert.equal(trend.points.length, 10);
    assert.equal(trend.runs, 31);
    assert.ok(trend.secondsPerDaySlope! < -0.09 && trend.secondsPerDaySlope! > -0.11);
    assert.ok(Math.abs(trend.qualityPerDaySlope! - 1) < 1e-9);
    assert.equal((await tracker.getPerformanceTrend('dreamcad', 3)).points.length, 4);

    const ab = new ABTester().compareSamples(
      { modelA: 'dreamcad', modelB: 'other', testPrompts: ['x'] },
      { overallMeshQuality: [1, 2, 3, 4, 5] },
      { overallMeshQuality: [1, 2, 3, 4, 6] },
    );
    await tracker.trackAbTest(ab);
    const report = await tracker.generateReport();
    assert.deepEqual(
      report.models.map((m) => m.modelName),
      ['dreamcad', 'other'],
    );
    const other = report.models[1];
    assert.equal(other.medianSeconds, 2.5);
    assert.equal(other.meanQuality, 91);
    assert.equal(report.abTests[0].winner, 'no significant difference');
    assert.ok(JSON.stringify(report).length > 100, 'the report is JSON-serialisable');

    const html = await tracker.generateHtmlReport();
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<svg /);
    assert.match(html, /no significant difference/);
    assert.doesNotMatch(
      html,
      /<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/,
      'self-contained: no scripts, no remote URLs',
    );
  } finally {
    await jobsDb.close();
  }
});
