/**
 * TypeBox schemas of the REST API. Each route uses them once: Fastify validates requests with them,
 * TypeScript infers handler types from them, and @fastify/swagger publishes them at /api/docs.
 * Every `description` says what is accepted, because validation errors repeat it to the client.
 */
import { Type } from 'typebox';
import { JOB_STATUSES, PRIORITY_NAMES } from '../jobs/types.js';
import { MAX_PROMPT_LENGTH } from '../utils/prompt.js';

export const ID_PATTERN = '^[0-9a-z]{26}$';

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable machine-readable error code.' }),
    detail: Type.String({ description: 'What was wrong and what is accepted.' }),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          path: Type.String(),
          message: Type.String(),
          accepted: Type.Optional(Type.String()),
        }),
      ),
    ),
  },
  { description: 'An RFC 9457 problem document.' },
);

const Priority = Type.Enum(PRIORITY_NAMES, {
  description: `Priority: ${PRIORITY_NAMES.join(', ')} (default NORMAL).`,
});

export const Prompt = Type.String({
  minLength: 1,
  maxLength: MAX_PROMPT_LENGTH,
  description: `A description of the object: 1 to ${MAX_PROMPT_LENGTH} characters of plain text.`,
});

/** Generation settings shared by single jobs and batches. */
export const GenerationParams = {
  model: Type.Optional(
    Type.String({
      pattern: '^[a-z0-9][a-z0-9_-]{0,63}$',
      description: 'Model name as listed by GET /api/models (default: DREAM_CAD_DEFAULT_MODEL).',
    }),
  ),
  negativePrompt: Type.Optional(
    Type.String({ maxLength: MAX_PROMPT_LENGTH, description: 'What the result must not have.' }),
  ),
  seed: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 4294967295, description: 'An integer from 0 to 4294967295.' }),
  ),
  steps: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: 'Inference steps, 1 to 500.' })),
  guidance: Type.Optional(Type.Number({ minimum: 0, maximum: 50, description: 'Guidance scale, 0 to 50.' })),
  detail: Type.Optional(
    Type.Enum(['low', 'medium', 'high'], { description: 'Detail level: low, medium or high.' }),
  ),
  meshResolution: Type.Optional(
    Type.Integer({
      minimum: 16,
      maximum: 256,
      description:
        'Grid samples per axis the mesh is built on, 16 to 256 (point-e: the SDF grid, default 64). ' +
        'Only for models whose capabilities have meshResolution; others answer 400.',
    }),
  ),
  pointsOnly: Type.Optional(
    Type.Boolean({
      description:
        'true: return the coloured point cloud instead of a mesh (point-e). The result downloads as ply ' +
        '(points) or glb (POINTS primitive) only. Only for models whose capabilities have ' +
        'supportsPointsOnly; others answer 400.',
    }),
  ),
  formats: Type.Optional(
    Type.Array(Type.String({ pattern: '^[a-z0-9]{2,8}$', description: 'A format id such as glb.' }), {
      maxItems: 10,
      uniqueItems: true,
      description: 'Formats of interest, e.g. ["glb","obj"] (see GET /api/formats).',
    }),
  ),
  priority: Type.Optional(Priority),
};

export const CreateJobBody = Type.Object(
  {
    prompt: Prompt,
    ...GenerationParams,
    useImageAs: Type.Optional(
      Type.Enum(['palette', 'none'], {
        description:
          'What the model does with the reference image (multipart `image`; only with one). dreamcad: ' +
          "palette (the default) colours the parts with the image's dominant colours where the prompt " +
          'names no colour, none ignores the image. Other models ignore it.',
      }),
    ),
  },
  { additionalProperties: false, description: 'A generation job.' },
);

export const CreateBatchBody = Type.Object(
  {
    prompts: Type.Array(Prompt, {
      minItems: 1,
      maxItems: 1000,
      description: 'One prompt per job: 1 to 1000 prompts.',
    }),
    name: Type.Optional(Type.String({ maxLength: 200, description: 'A label for the batch.' })),
    ...GenerationParams,
  },
  { additionalProperties: false },
);

export const JobIdParams = Type.Object({
  id: Type.String({ pattern: ID_PATTERN, description: 'A job id: 26 lowercase letters and digits.' }),
});

export const DownloadParams = Type.Object({
  id: JobIdParams.properties.id,
  format: Type.String({
    pattern: '^[a-z0-9]{2,8}$',
    description: 'A format id from GET /api/formats, e.g. glb, obj, ply, stl.',
  }),
});

export const ListJobsQuery = Type.Object(
  {
    status: Type.Optional(
      Type.String({
        pattern: `^(${JOB_STATUSES.join('|')})(,(${JOB_STATUSES.join('|')}))*$`,
        description: `Comma-separated states: ${JOB_STATUSES.join(', ')}.`,
      }),
    ),
    model: Type.Optional(
      Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,63}$', description: 'A model name.' }),
    ),
    batch: Type.Optional(Type.String({ pattern: ID_PATTERN, description: 'A batch id.' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, description: 'Page number from 1.' })),
    pageSize: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 200, description: 'Jobs per page, 1 to 200.' }),
    ),
  },
  { additionalProperties: false },
);

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const JobSchema = Type.Object(
  {
    id: Type.String(),
    batchId: Nullable(Type.String()),
    prompt: Type.String(),
    model: Type.String(),
    status: Type.Enum(JOB_STATUSES as string[]),
    priority: Type.String(),
    progress: Type.Number({ description: '0 to 1.' }),
    stage: Type.String(),
    attempts: Type.Integer(),
    maxAttempts: Type.Integer(),
    error: Nullable(Type.String()),
    errorCode: Nullable(Type.String()),
    params: Type.Record(Type.String(), Type.Unknown()),
    hasReferenceImage: Type.Boolean(),
    cancelRequested: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
    startedAt: Nullable(Type.String({ format: 'date-time' })),
    completedAt: Nullable(Type.String({ format: 'date-time' })),
    updatedAt: Type.String({ format: 'date-time' }),
    result: Nullable(
      Type.Object({
        seed: Type.Optional(Type.Integer()),
        generationTime: Type.Number(),
        vertexCount: Type.Integer(),
        triangleCount: Type.Integer(),
        parts: Type.Integer(),
        palette: Type.Optional(
          Type.Object(
            {
              source: Type.String({ description: 'Where the colours came from: image.' }),
              colors: Type.Array(
                Type.Object({
                  hex: Type.String(),
                  rgb: Type.Array(Type.Number(), { description: 'Linear RGB, 0 to 1.' }),
                  oklab: Type.Array(Type.Number()),
                  share: Type.Number({ description: 'Fraction of the opaque pixels, 0 to 1.' }),
                  name: Type.String({ description: 'The nearest colour word.' }),
                }),
                { description: 'Dominant colours of the reference image, largest first.' },
              ),
              applied: Type.Array(
                Type.Object({
                  role: Type.Enum(['main', 'secondary']),
                  hex: Type.String(),
                  name: Type.String(),
                  groups: Type.Array(Type.String()),
                  parts: Type.Array(Type.String()),
                }),
                { description: 'Which colour went to which part groups and parts.' },
              ),
              skipped: Type.Array(
                Type.Object({ role: Type.Enum(['main', 'secondary']), reason: Type.String() }),
                { description: 'Palette colours that coloured nothing, and why.' },
              ),
            },
            {
              description:
                'With useImageAs "palette" (dreamcad): the reference image\'s colours and their use.',
            },
          ),
        ),
      }),
    ),
    links: Type.Object({
      self: Type.String(),
      events: Type.String(),
      preview: Nullable(Type.String()),
      thumbnail: Nullable(Type.String({ description: 'The 256 px PNG thumbnail, once completed.' })),
      downloads: Type.Record(Type.String(), Type.String()),
    }),
  },
  { description: 'A generation job.' },
);

export const JobPageSchema = Type.Object({
  jobs: Type.Array(JobSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const BatchSchema = Type.Object({
  id: Type.String(),
  name: Nullable(Type.String()),
  priority: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  jobs: Type.Array(JobSchema),
});
