/**
 * Types mirroring the server's pydantic models (see design/API.md).
 *
 * Field names are the API's own (snake_case): these objects are what the
 * server sends, not view models.
 */

/** `GET /me`: who the catalog thinks the current user is. */
export interface IMe {
  /** The stable user name entries are owned by and shared with. */
  username: string;
  /** A human-friendly name; may equal `username`. */
  display_name: string;
}

/** One field-level problem in an error response (pydantic style). */
export interface IErrorDetail {
  /** Where the problem is, e.g. `["training", "channels", 0, "uri"]`. */
  loc: Array<string | number>;
  /** What is wrong. */
  msg: string;
}

/** The body of every error response: `{"error": {...}}`. */
export interface IErrorBody {
  error: {
    code: string;
    message: string;
    details?: IErrorDetail[];
  };
}
