export {
  AB_METRICS,
  AB_TEST_DEFAULTS,
  type ABTestConfig,
  ABTester,
  type ABTestResult,
  type AbMetric,
  type MetricComparison,
} from './ab-tester.js';
export { renderHtmlReport, svgLineChart } from './html-report.js';
export {
  BENCHMARK_CONFIG_DEFAULTS,
  type BenchmarkConfig,
  type BenchmarkResult,
  type BenchmarkSample,
  ModelBenchmark,
  type ModelBenchmarkOptions,
} from './model-benchmark.js';
export {
  type ModelSummary,
  PERFORMANCE_MIGRATIONS,
  type PerformanceMetrics,
  type PerformanceReport,
  PerformanceTracker,
  type PerformanceTrackerOptions,
  type PerformanceTrend,
  type TrendPoint,
} from './performance-tracker.js';
export {
  type ProcessSamplerOptions,
  processSampler,
  type ResourcePeaks,
  type ResourceSampler,
} from './resources.js';
export {
  bootstrapCi,
  cliffsDelta,
  cohensD,
  type MannWhitneyResult,
  mannWhitneyU,
  normalCdf,
  type SampleSummary,
  seededRandom,
  summarize,
  type WelchResult,
  welchTTest,
} from './stats.js';
