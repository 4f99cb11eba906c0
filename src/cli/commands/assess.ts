import { type Command, InvalidArgumentError } from 'commander';
import { DreamCadError, FileFormatError } from '../../errors.js';
import { readMeshFile } from '../../io/read/registry.js';
import { QualityAssessor } from '../../quality/assessor.js';
import type { QualityMetrics } from '../../quality/types.js';
import { renderThumbnail } from '../../thumbnails/render-thumbnail.js';
import { intOption, numberOption } from '../options.js';
import { EXIT_FAILURE, EXIT_USAGE, formatTable, reportError } from '../output.js';

const SCORES = {
  overall: 'overallMeshQuality',
  'game-ready': 'gameReadyScore',
  validity: 'meshValidityScore',
  manifold: 'meshManifoldScore',
  watertight: 'meshWatertightScore',
} as const;

type ScoreName = keyof typeof SCORES;

const yes = (b: boolean) => (b ? 'yes' : 'no');
const n = (v: number, d = 2) => (Number.isInteger(v) ? String(v) : v.toFixed(d));

/** The assessment as metric/value rows: the scores first, then the facts behind them. */
export function metricsTable(m: QualityMetrics): string {
  const f = m.facts;
  const rows: [string, string][] = [
    ['overall quality', n(m.overallMeshQuality)],
    ['game-ready score', n(m.gameReadyScore)],
    ['validity score', n(m.meshValidityScore)],
    ['manifold score', n(m.meshManifoldScore)],
    ['watertight score', n(m.meshWatertightScore)],
    ['winding score', n(m.windingScore)],
    ['UV coverage %', n(m.uvCoverage)],
    ['watertight', yes(m.isWatertight)],
    ['edge manifold', yes(m.isEdgeManifold)],
    ['vertex manifold', yes(m.isVertexManifold)],
    ['vertices (stored / welded)', `${m.vertexCount} / ${f.weldedVertexCount}`],
    ['faces', String(m.faceCount)],
    ['parts / materials / textures', `${f.parts} / ${f.materials} / ${f.textures}`],
    ['degenerate faces', String(f.degenerateFaces)],
    ['duplicate faces', String(f.duplicateFaces)],
    ['boundary edges / holes', `${f.boundaryEdges} / ${f.holes}`],
    ['non-manifold edges / vertices', `${f.nonManifoldEdges} / ${f.nonManifoldVertices}`],
    ['winding conflicts (edges)', String(f.inconsistentWindingEdges)],
    [
      'self-intersecting face pairs',
      f.selfIntersectionsChecked
        ? `${f.selfIntersectingPairs}${f.selfIntersectionsTruncated ? '+' : ''}`
        : 'not checked',
    ],
    ['connected components', String(f.components)],
    ['area m² / volume m³', `${n(f.area, 4)} / ${n(f.volume, 4)}`],
    ['bounds min', f.bounds.min.map((v) => n(v, 3)).join(', ')],
    ['bounds max', f.bounds.max.map((v) => n(v, 3)).join(', ')],
    ['UV overlap % / out of [0,1] %', `${n(f.uv.overlap * 100)} / ${n(f.uv.outOfRange * 100)}`],
    [
      'texel density px/m',
      `${n(f.uv.texelDensity, 1)}${f.uv.texelDensityAssumed ? ' (assumed texture size)' : ''}`,
    ],
  ];
  if (m.validator)
    rows.push(['validator errors / warnings', `${m.validator.errors} / ${m.validator.warnings}`]);
  rows.push(['assessed in ms', n(m.assessmentMs, 0)]);
  return formatTable(
    ['metric', 'value'],
    rows.map(([a, b]) => [a, b]),
  );
}

export function register(program: Command): void {
  program
    .command('assess')
    .description(
      'Assess mesh files (GLB, glTF, OBJ, PLY, STL, FBX): scores, watertightness, manifoldness, UVs, validator',
    )
    .argument('<files...>', 'mesh files to assess')
    .option(
      '--min-score <n>',
      'exit with status 1 when a file scores below this (0–100)',
      numberOption('--min-score', 0, 100),
    )
    .option(
      '--score <name>',
      `the score --min-score checks: ${Object.keys(SCORES).join(', ')}`,
      (raw: string) => {
        if (!(raw in SCORES))
          throw new InvalidArgumentError(`--score must be one of ${Object.keys(SCORES).join(', ')}.`);
        return raw as ScoreName;
      },
      'overall' as ScoreName,
    )
    .option(
      '--max-triangles <n>',
      'triangle budget of the game-ready score',
      intOption('--max-triangles', 1, 1e9),
    )
    .option('--no-validate', 'skip the Khronos glTF-Validator on GLB files')
    .option(
      '--no-self-intersections',
      'skip the self-intersection search (faster; watertight then means closed + manifold)',
    )
    .option('--thumbnail <png>', 'also render a 256 px thumbnail of the (single) file to this PNG')
    .option('--json', 'print JSON instead of tables')
    .action(
      async (
        files: string[],
        flags: {
          minScore?: number;
          score: ScoreName;
          maxTriangles?: number;
          validate: boolean;
          selfIntersections: boolean;
          thumbnail?: string;
          json?: boolean;
        },
      ) => {
        const assessor = new QualityAssessor({
          validate: flags.validate,
          selfIntersections: flags.selfIntersections,
          ...(flags.maxTriangles ? { maxTriangles: flags.maxTriangles } : {}),
        });
        const results: (QualityMetrics | { path: string; error: string })[] = [];
        let failed = 0;
        let unreadable = 0;
        let thumbnailSource: string | undefined;
        for (const file of files) {
          let m: QualityMetrics;
          try {
            m = await assessor.assessMeshFile(file);
          } catch (err) {
            // One line per file that cannot be assessed; the others are still assessed.
            if (!(err instanceof DreamCadError)) throw err;
            unreadable++;
            reportError(err);
            results.push({ path: file, error: err.message });
            continue;
          }
          thumbnailSource ??= file;
          results.push(m);
          const score = m[SCORES[flags.score]];
          const below = flags.minScore !== undefined && score < flags.minScore;
          if (below) failed++;
          if (!flags.json) {
            process.stdout.write(`${files.length > 1 ? `\n== ${file}\n` : ''}${metricsTable(m)}\n`);
            for (const w of m.warnings) process.stdout.write(`note: ${w}\n`);
            if (below)
              process.stdout.write(`FAIL: ${flags.score} score ${score} < --min-score ${flags.minScore}\n`);
          }
        }
        if (flags.thumbnail && thumbnailSource) {
          const { asset } = await readMeshFile(thumbnailSource);
          const { writeFile } = await import('node:fs/promises');
          const png = await renderThumbnail(asset, { size: 256 });
          try {
            await writeFile(flags.thumbnail, png);
          } catch (err) {
            throw new FileFormatError(
              `Cannot write the thumbnail "${flags.thumbnail}": ${err instanceof Error ? err.message : err}`,
            );
          }
        }
        if (flags.json)
          process.stdout.write(`${JSON.stringify(files.length === 1 ? results[0] : results, null, 2)}\n`);
        // A file that cannot be read is a usage error (2) and outranks a score below --min-score (1).
        if (unreadable > 0) {
          process.exitCode = EXIT_USAGE;
          return;
        }
        if (failed > 0) process.exitCode = EXIT_FAILURE;
      },
    );
}
