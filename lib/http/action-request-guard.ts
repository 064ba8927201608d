// Server actions are POSTs to a page, handled by Next itself before our wrapper (define-action.ts)
// runs. Requests no form of the portal can send are refused here, from proxy.ts, with a 4xx and one
// log line — Next would answer many of them with a 500 and a stack trace: a body that is not
// multipart form data, one over 1 MB (Next's own limit), one from another origin, or arguments
// other than what the portal's forms send: (FormData) or (previous state, FormData).
import { isSameOrigin } from "./same-origin";

export const MAX_ACTION_BODY_BYTES = 1024 * 1024;

export type Refusal = { status: 400 | 403 | 404 | 405 | 411 | 413 | 415; reason: string };

type ActionRequest = { method: string; url: string; headers: Pick<Headers, "get"> };

/** True for a request Next would treat as a server action. */
export function isActionRequest(request: ActionRequest): boolean {
  const path = new URL(request.url).pathname;
  return request.headers.get("next-action") !== null || (request.method === "POST" && !path.startsWith("/api/"));
}

/** Why this server-action request is refused, or null when it may go on to Next. */
export function refuseActionRequest(request: ActionRequest): Refusal | null {
  if (request.method !== "POST") return { status: 405, reason: "server action not sent with POST" };
  if (!isSameOrigin(request.headers, request.url)) return { status: 403, reason: "server action from another origin" };
  const length = request.headers.get("content-length");
  if (length === null) return { status: 411, reason: "server action without Content-Length" };
  if (!/^\d{1,12}$/.test(length.trim())) return { status: 400, reason: "server action with an invalid Content-Length" };
  if (Number(length) > MAX_ACTION_BODY_BYTES) return { status: 413, reason: "server action body over 1 MB" };
  const type = request.headers.get("content-type")?.toLowerCase() ?? "";
  if (!/^multipart\/form-data;\s*boundary=\S+/.test(type)) {
    return { status: 415, reason: "server action body not multipart/form-data" };
  }
  return null;
}

/** Encodings of plain values React may put in a previous state; anything else is a reference. */
const PLAIN_VALUE = /^\$(?:\$.*|undefined|NaN|-?Infinity|-0|n-?\d{1,30}|D[-+:.\dTZ]{10,40})$/s;

function onlyPlainValues(value: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (typeof value === "string") return !value.startsWith("$") || PLAIN_VALUE.test(value);
  if (Array.isArray(value)) return value.every((item) => onlyPlainValues(item, depth + 1));
  if (value && typeof value === "object") return Object.values(value).every((item) => onlyPlainValues(item, depth + 1));
  return true;
}

const FORM_REFERENCE = /^\$K[0-9a-f]{1,6}$/;
const ACTION_FIELD = /^\$ACTION_(?:ID_[0-9a-f]{40,44}|REF_\d{1,4}|\d{1,4}:\d{1,4})$/;

/** Why the action's decoded form is refused, or null when it is the shape the portal's forms send. */
export function refuseActionForm(form: FormData, hasActionHeader: boolean): Refusal | null {
  const invalid = { status: 400, reason: "server action arguments the portal's forms never send" } as const;
  if (!hasActionHeader) {
    // A form posted without JavaScript names its action in a field.
    const names = [...form.keys()].filter((name) => name.startsWith("$ACTION_"));
    return names.length && names.every((name) => ACTION_FIELD.test(name)) ? null : invalid;
  }
  const encoded = form.get("0");
  if (typeof encoded !== "string") return invalid;
  let args: unknown;
  try {
    args = JSON.parse(encoded);
  } catch {
    return invalid;
  }
  if (!Array.isArray(args) || args.length < 1 || args.length > 2) return invalid;
  const formData = args.at(-1);
  if (typeof formData !== "string" || !FORM_REFERENCE.test(formData)) return invalid;
  return args.length === 2 && !onlyPlainValues(args[0]) ? invalid : null;
}
