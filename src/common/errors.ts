import { ApiError } from '../api/request';

/** Any failure as an `ApiError`, so views need one shape to show. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) {
    return error;
  }
  return new ApiError({
    status: 0,
    code: 'unexpected',
    message: error instanceof Error ? error.message : String(error)
  });
}
