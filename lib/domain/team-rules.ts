// The rules of Equipe that the permission matrix can't express: who may grant or take away
// Responsável, that an account keeps at least one Responsável, and that nobody edits themselves.
import type { Profile } from "./permissions";

/** Why a team change is refused; null when it is allowed. */
export type TeamRefusal = "SELF" | "RESPONSAVEL_ONLY" | "LAST_RESPONSAVEL" | null;

const touchesResponsavel = (before: readonly Profile[], after: readonly Profile[]) =>
  before.includes("RESPONSAVEL") !== after.includes("RESPONSAVEL");

/** Only a Responsável may give the Responsável profile in an invitation. */
export function checkInvitation(actorProfiles: readonly Profile[], profiles: readonly Profile[]): TeamRefusal {
  return profiles.includes("RESPONSAVEL") && !actorProfiles.includes("RESPONSAVEL") ? "RESPONSAVEL_ONLY" : null;
}

/**
 * A change of a member's profiles from `before` to `after`. `responsaveis` counts the account's
 * members with the Responsável profile now (the target included).
 */
export function checkProfileChange(input: {
  actorId: string;
  actorProfiles: readonly Profile[];
  targetId: string;
  before: readonly Profile[];
  after: readonly Profile[];
  responsaveis: number;
}): TeamRefusal {
  if (input.actorId === input.targetId) return "SELF";
  if (touchesResponsavel(input.before, input.after) && !input.actorProfiles.includes("RESPONSAVEL")) return "RESPONSAVEL_ONLY";
  if (input.before.includes("RESPONSAVEL") && !input.after.includes("RESPONSAVEL") && input.responsaveis <= 1) {
    return "LAST_RESPONSAVEL";
  }
  return null;
}

/** Removing a member from the account is taking away all of their profiles. */
export function checkRemoval(input: {
  actorId: string;
  actorProfiles: readonly Profile[];
  targetId: string;
  targetProfiles: readonly Profile[];
  responsaveis: number;
}): TeamRefusal {
  return checkProfileChange({ ...input, before: input.targetProfiles, after: [] });
}

/** Profiles in the matrix's order, without repeats (what a form sends may be in any order). */
export function normalizeProfiles(profiles: readonly Profile[], order: readonly Profile[]): Profile[] {
  return order.filter((profile) => profiles.includes(profile));
}
