// A Profile[] column as read through SqlClient: an array through pg, its text form ("{A,B}") on PGlite.
import type { Profile } from "@/lib/domain/permissions";

export function toProfiles(value: Profile[] | string): Profile[] {
  if (Array.isArray(value)) return value;
  return value
    .replace(/^\{|\}$/g, "")
    .split(",")
    .filter(Boolean) as Profile[];
}
