// Who an event is attributed to (DESIGN.md §6): a portal user, the system (sweep), or an API key of
// the integration API, recorded by its name. Every lib/data function that writes an event takes one.

export type Actor =
  | { kind: "USER"; userId: string; accountId: string }
  | { kind: "SYSTEM"; accountId: string }
  | { kind: "API_KEY"; accountId: string; apiKeyId: string; label: string };

/** The actor columns of an event row: actor_kind, actor_user_id, actor_label. */
export function actorColumns(actor: Actor): [kind: Actor["kind"], userId: string | null, label: string | null] {
  return [actor.kind, actor.kind === "USER" ? actor.userId : null, actor.kind === "API_KEY" ? actor.label : null];
}
