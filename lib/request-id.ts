// A short id that ties a user-visible error to its server log line.
import { randomBytes } from "node:crypto";

export function newRequestId(): string {
  return randomBytes(6).toString("hex");
}
