// Equipe's list: the account's members and pending invitations, filtered and paginated, and each
// one's recent changes from the account events.
import { getSql } from "@/lib/db/connection";
import type { Profile } from "@/lib/domain/permissions";
import { toProfiles } from "./profile-array";
import { TEAM_PAGE_SIZE, type TeamFilters } from "@/lib/validation/team";

export type TeamRow =
  | {
      kind: "member";
      id: string;
      name: string;
      email: string;
      profiles: Profile[];
      isDefault: boolean;
      lastLoginAt: Date | null;
    }
  | { kind: "invitation"; id: string; email: string; profiles: Profile[]; expiresAt: Date; expired: boolean };

export type TeamChange = {
  id: string;
  type: string;
  actorName: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
};

type RawRow = {
  kind: "member" | "invitation";
  id: string;
  name: string | null;
  email: string;
  profiles: Profile[] | string;
  is_default: boolean;
  last_login_at: Date | null;
  expires_at: Date | null;
  total: number;
};

export async function listTeam(
  accountId: string,
  filters: TeamFilters,
  now: Date = new Date(),
): Promise<{ rows: TeamRow[]; total: number; pageCount: number }> {
  const sql = await getSql();
  const search = filters.q ? `%${filters.q.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%` : null;
  const offset = (filters.pagina - 1) * TEAM_PAGE_SIZE;
  const raw = await sql.query<RawRow>(
    `WITH team AS (
       SELECT 'member' AS kind, u.id::text AS id, u.name, u.email, m.profiles::text[] AS profiles,
              (u.default_account_id = m.account_id) AS is_default, u.last_login_at, NULL::timestamptz AS expires_at
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.account_id = $1
       UNION ALL
       SELECT 'invitation', i.id::text, NULL, i.email, i.profiles::text[], false, NULL, i.expires_at
         FROM invitations i
        WHERE i.account_id = $1)
     SELECT kind, id, name, email, profiles, is_default, last_login_at, expires_at, count(*) OVER ()::int AS total
       FROM team
      WHERE ($2::text IS NULL OR lower(coalesce(name, '') || ' ' || email) LIKE $2)
        AND ($3::text IS NULL OR $3 = ANY (profiles))
      ORDER BY kind = 'invitation', lower(coalesce(name, email)), email
      LIMIT $4 OFFSET $5`,
    [accountId, search, filters.perfil ?? null, TEAM_PAGE_SIZE, offset],
  );
  const total = raw[0]?.total ?? (offset > 0 ? await countTeam(accountId, search, filters.perfil) : 0);
  const rows = raw.map((row): TeamRow => {
    const profiles = toProfiles(row.profiles);
    if (row.kind === "member") {
      return {
        kind: "member",
        id: row.id,
        name: row.name ?? "",
        email: row.email,
        profiles,
        isDefault: row.is_default,
        lastLoginAt: row.last_login_at ? new Date(row.last_login_at) : null,
      };
    }
    const expiresAt = new Date(row.expires_at!);
    return { kind: "invitation", id: row.id, email: row.email, profiles, expiresAt, expired: expiresAt <= now };
  });
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / TEAM_PAGE_SIZE)) };
}

/** The count for a page past the end (the list then shows a link back). */
async function countTeam(accountId: string, search: string | null, perfil: Profile | undefined): Promise<number> {
  const sql = await getSql();
  const [row] = await sql.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM (
       SELECT u.name, u.email, m.profiles::text[] AS profiles FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.account_id = $1
       UNION ALL
       SELECT NULL, i.email, i.profiles::text[] FROM invitations i WHERE i.account_id = $1) team
      WHERE ($2::text IS NULL OR lower(coalesce(name, '') || ' ' || email) LIKE $2)
        AND ($3::text IS NULL OR $3 = ANY (profiles))`,
    [accountId, search, perfil ?? null],
  );
  return row?.total ?? 0;
}

/** The newest changes about each listed member or invitation (up to `limit` each). */
export async function listTeamChanges(accountId: string, targetIds: string[], limit = 5): Promise<Map<string, TeamChange[]>> {
  const result = new Map<string, TeamChange[]>();
  if (targetIds.length === 0) return result;
  const sql = await getSql();
  const rows = await sql.query<{
    target_id: string;
    id: string;
    type: string;
    actor_name: string | null;
    before: unknown;
    after: unknown;
    created_at: Date;
  }>(
    `SELECT t.id AS target_id, e.id, e.type, e.actor_name, e.before, e.after, e.created_at
       FROM unnest($2::text[]) AS t(id)
       CROSS JOIN LATERAL (
         SELECT e.id, e.type, COALESCE(u.name, e.actor_label) AS actor_name, e.before, e.after, e.created_at, e.seq
           FROM account_events e LEFT JOIN users u ON u.id = e.actor_user_id
          WHERE e.account_id = $1 AND e.target_type IN ('user', 'invitation') AND e.target_id = t.id
          ORDER BY e.seq DESC
          LIMIT $3) e
      ORDER BY e.seq DESC`,
    [accountId, targetIds, limit],
  );
  for (const row of rows) {
    const list = result.get(row.target_id) ?? [];
    list.push({
      id: row.id,
      type: row.type,
      actorName: row.actor_name,
      before: row.before,
      after: row.after,
      createdAt: new Date(row.created_at),
    });
    result.set(row.target_id, list);
  }
  return result;
}
