// The manufacturer's own catalog of suspension and cancellation reasons (Configurações → Motivos):
// labels in pt-BR and English, "exige descrição", active or not. Reasons are never deleted — the
// log and blocked serials point at them — only deactivated, and each kind keeps one active reason
// so Suspender and Cancelar always have something to choose. Every change writes an account event.
import { recordAccountEvent, type AccountEventActor } from "@/lib/data/account-events";
import { getSql } from "@/lib/db/connection";
import type { SqlClient } from "@/lib/db/sql-client";
import { AppError } from "@/lib/errors";
import type { ReasonFields, ReasonKind } from "@/lib/validation/reason";

export type ReasonCatalogRow = ReasonFields & {
  id: string;
  kind: ReasonKind;
  active: boolean;
  /** Events and blocked serials that point at it. */
  uses: number;
};

type ReasonDbRow = {
  id: string;
  kind: ReasonKind;
  label: string;
  label_en: string | null;
  requires_description: boolean;
  active: boolean;
  uses: number;
};

const toRow = (row: ReasonDbRow): ReasonCatalogRow => ({
  id: row.id,
  kind: row.kind,
  label: row.label,
  labelEn: row.label_en,
  requiresDescription: row.requires_description,
  active: row.active,
  uses: row.uses,
});

/** Every reason of the account, suspension ones first, then by label. */
export async function listReasonCatalog(accountId: string): Promise<ReasonCatalogRow[]> {
  const rows = await (
    await getSql()
  ).query<ReasonDbRow>(
    `SELECT r.id, r.kind, r.label, r.label_en, r.requires_description, r.active,
            ((SELECT count(*) FROM subscription_events e WHERE e.reason_id = r.id)
             + (SELECT count(*) FROM subscriptions s WHERE s.block_reason_id = r.id))::int AS uses
       FROM reasons r WHERE r.manufacturer_id = $1
      ORDER BY r.kind, search_normalize(r.label), r.id`,
    [accountId],
  );
  return rows.map(toRow);
}

const labelTaken = () => new AppError("VALIDATION", undefined, { label: ["reasonLabelTaken"] });

/** Another reason of the same kind already uses the label (the unique key is per manufacturer and kind). */
async function assertLabelFree(tx: SqlClient, accountId: string, kind: ReasonKind, label: string, exceptId?: string) {
  const [taken] = await tx.query<{ id: string }>(
    `SELECT id FROM reasons WHERE manufacturer_id = $1 AND kind = $2::"ReasonKind" AND lower(label) = lower($3)
        AND id IS DISTINCT FROM $4::uuid`,
    [accountId, kind, label, exceptId ?? null],
  );
  if (taken) throw labelTaken();
}

/** Turns the unique key's violation by a concurrent insert into the same field error. */
async function uniqueLabel<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: string }).code === "23505") throw labelTaken();
    throw error;
  }
}

export async function createReason(
  accountId: string,
  actor: AccountEventActor,
  input: ReasonFields & { kind: ReasonKind },
): Promise<{ id: string }> {
  const sql = await getSql();
  return uniqueLabel(() =>
    sql.transaction(async (tx) => {
      await assertLabelFree(tx, accountId, input.kind, input.label);
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO reasons (manufacturer_id, kind, label, label_en, requires_description)
         VALUES ($1, $2::"ReasonKind", $3, $4, $5) RETURNING id`,
        [accountId, input.kind, input.label, input.labelEn, input.requiresDescription],
      );
      await recordAccountEvent(tx, {
        accountId,
        actor,
        type: "reason.created",
        target: { type: "reason", id: row!.id, label: input.label },
        after: input,
      });
      return { id: row!.id };
    }),
  );
}

async function lockReason(tx: SqlClient, accountId: string, id: string): Promise<ReasonDbRow> {
  const [row] = await tx.query<ReasonDbRow>(
    `SELECT id, kind, label, label_en, requires_description, active, 0 AS uses
       FROM reasons WHERE id = $1 AND manufacturer_id = $2 FOR UPDATE`,
    [id, accountId],
  );
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export async function updateReason(accountId: string, actor: AccountEventActor, id: string, input: ReasonFields) {
  const sql = await getSql();
  await uniqueLabel(() =>
    sql.transaction(async (tx) => {
      const before = toRow(await lockReason(tx, accountId, id));
      await assertLabelFree(tx, accountId, before.kind, input.label, id);
      await tx.query(
        `UPDATE reasons SET label = $3, label_en = $4, requires_description = $5 WHERE id = $1 AND manufacturer_id = $2`,
        [id, accountId, input.label, input.labelEn, input.requiresDescription],
      );
      await recordAccountEvent(tx, {
        accountId,
        actor,
        type: "reason.updated",
        target: { type: "reason", id, label: input.label },
        before: { label: before.label, labelEn: before.labelEn, requiresDescription: before.requiresDescription },
        after: input,
      });
    }),
  );
}

/** Deactivated reasons leave the Suspender/Cancelar choices; serials and the log keep showing them. */
export async function setReasonActive(accountId: string, actor: AccountEventActor, id: string, active: boolean) {
  const sql = await getSql();
  await sql.transaction(async (tx) => {
    // The account's reasons are locked in one order, so two deactivations can't each leave the other's last one.
    await tx.query(`SELECT id FROM reasons WHERE manufacturer_id = $1 ORDER BY id FOR UPDATE`, [accountId]);
    const reason = await lockReason(tx, accountId, id);
    if (reason.active === active) return;
    if (!active) {
      const [others] = await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM reasons WHERE manufacturer_id = $1 AND kind = $2::"ReasonKind" AND active AND id <> $3`,
        [accountId, reason.kind, id],
      );
      if (!others?.n) throw AppError.withMessage("CONFLICT", `settings.reasons.lastActive.${reason.kind}`);
    }
    await tx.query(`UPDATE reasons SET active = $3 WHERE id = $1 AND manufacturer_id = $2`, [id, accountId, active]);
    await recordAccountEvent(tx, {
      accountId,
      actor,
      type: active ? "reason.activated" : "reason.deactivated",
      target: { type: "reason", id, label: reason.label },
      before: { active: reason.active },
      after: { active },
    });
  });
}
