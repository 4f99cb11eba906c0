/**
 * Errors of the job system; the HTTP layer maps `JOB_NOT_FOUND` and `THUMBNAIL_NOT_READY` to 404
 * and `JOB_CONFLICT` to 409.
 */
export type JobErrorCode = 'JOB_NOT_FOUND' | 'JOB_CONFLICT' | 'THUMBNAIL_NOT_READY';

export class JobError extends Error {
  constructor(
    readonly code: JobErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** No job (or batch) has that id. */
export class JobNotFoundError extends JobError {
  constructor(readonly jobId: string) {
    super('JOB_NOT_FOUND', `No job with id "${jobId}".`);
  }
}

/** The job is not in a state that allows the operation, e.g. downloading a job that is still running. */
export class JobStateError extends JobError {
  constructor(message: string) {
    super('JOB_CONFLICT', message);
  }
}

/** The job has no thumbnail yet: it has not completed (or its stored asset is gone). */
export class ThumbnailNotReadyError extends JobError {
  constructor(message: string) {
    super('THUMBNAIL_NOT_READY', message);
  }
}
