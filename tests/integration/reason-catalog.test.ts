// Configurações → Motivos: the manufacturer writes its own reasons in both languages, can't make
// two of a kind with the same wording, can't leave a kind without an active reason, never reaches
// another account's reasons, and every change leaves an account event.
import { beforeAll, describe, expect, it } from "vitest";
import { listAccountEvents } from "@/lib/data/account-events";
import { createReason, listReasonCatalog, setReasonActive, updateReason } from "@/lib/data/reason-catalog";
import { activeReasons } from "@/lib/data/reasons";
import type { Database } from "@/lib/db/connection";
import { AppError } from "@/lib/errors";
import { reasonCreateSchema } from "@/lib/validation/reason";
import { createAccount, createUser } from "../support/factories";
import { testDatabase } from "../support/test-database";

let db: Database;
let accountId: string;
let otherAccountId: string;
let actor: { kind: "USER"; userId: string };

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  db = await testDatabase();
  accountId = (await createAccount(db, { kind: "FABRICANTE" })).id;
  otherAccountId = (await createAccount(db, { kind: "FABRICANTE" })).id;
  const user = await createUser(db, { memberships: [{ accountId, profiles: ["FABRICANTE"] }] });
  actor = { kind: "USER", userId: user.id };
});

describe("reason catalog", () => {
  it("creates a reason with both labels, offered by Suspender in each language", async () => {
    const input = reasonCreateSchema.parse({ kind: "SUSPENSAO", label: " Auditoria de licenças ", labelEn: "License audit" });
    const { id } = await createReason(accountId, actor, input);

    const catalog = await listReasonCatalog(accountId);
    expect(catalog).toEqual([
      {
        id,
        kind: "SUSPENSAO",
        label: "Auditoria de licenças",
        labelEn: "License audit",
        requiresDescription: false,
        active: true,
        uses: 0,
      },
    ]);
    expect((await activeReasons(accountId, "en")).map((reason) => reason.label)).toEqual(["License audit"]);
    expect((await activeReasons(accountId, "pt-BR")).map((reason) => reason.label)).toEqual(["Auditoria de licenças"]);
    const [event] = await listAccountEvents(db.sql, accountId, { target: { type: "reason", id } });
    expect(event).toMatchObject({ type: "reason.created", targetLabel: "Auditoria de licenças" });
  });

  it("refuses a second reason of the same kind with the same wording, whatever its case, as a field error", async () => {
    const error = await appError(
      createReason(accountId, actor, {
        kind: "SUSPENSAO",
        label: "auditoria de LICENÇAS",
        labelEn: null,
        requiresDescription: false,
      }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toEqual({ label: ["reasonLabelTaken"] });
    // The same wording is fine for the other kind.
    await createReason(accountId, actor, {
      kind: "CANCELAMENTO",
      label: "Auditoria de licenças",
      labelEn: null,
      requiresDescription: true,
    });
    expect((await listReasonCatalog(accountId)).map((reason) => reason.kind)).toEqual(["SUSPENSAO", "CANCELAMENTO"]);
  });

  it("edits the labels and the description rule, recording before and after", async () => {
    const [reason] = await listReasonCatalog(accountId);
    await updateReason(accountId, actor, reason!.id, {
      label: "Auditoria de licenças",
      labelEn: "Licence audit",
      requiresDescription: true,
    });
    const [edited] = await listReasonCatalog(accountId);
    expect(edited).toMatchObject({ labelEn: "Licence audit", requiresDescription: true });
    const [event] = await listAccountEvents(db.sql, accountId, { target: { type: "reason", id: reason!.id } });
    expect(event).toMatchObject({
      type: "reason.updated",
      before: { labelEn: "License audit", requiresDescription: false },
      after: { labelEn: "Licence audit", requiresDescription: true },
    });
  });

  it("keeps one active reason of each kind, and deactivated reasons leave the choices", async () => {
    const [suspension] = await listReasonCatalog(accountId);
    const refused = await appError(setReasonActive(accountId, actor, suspension!.id, false));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.messageRef?.key).toBe("settings.reasons.lastActive.SUSPENSAO");

    const { id: second } = await createReason(accountId, actor, {
      kind: "SUSPENSAO",
      label: "Uso indevido",
      labelEn: null,
      requiresDescription: false,
    });
    await setReasonActive(accountId, actor, suspension!.id, false);
    expect((await activeReasons(accountId)).filter((reason) => reason.kind === "SUSPENSAO").map((reason) => reason.id)).toEqual([
      second,
    ]);
    expect((await listReasonCatalog(accountId)).find((reason) => reason.id === suspension!.id)?.active).toBe(false);

    await setReasonActive(accountId, actor, suspension!.id, true);
    expect((await activeReasons(accountId)).filter((reason) => reason.kind === "SUSPENSAO")).toHaveLength(2);
  });

  it("never reaches another account's reasons", async () => {
    const [mine] = await listReasonCatalog(accountId);
    expect(
      (await appError(updateReason(otherAccountId, actor, mine!.id, { label: "X", labelEn: null, requiresDescription: false })))
        .code,
    ).toBe("NOT_FOUND");
    expect((await appError(setReasonActive(otherAccountId, actor, mine!.id, false))).code).toBe("NOT_FOUND");
    expect(await listReasonCatalog(otherAccountId)).toEqual([]);
  });

  it("rejects empty, over-long and control-character labels before the database", () => {
    const problems = (input: Record<string, unknown>) =>
      reasonCreateSchema.safeParse(input).error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(problems({ kind: "SUSPENSAO", label: "  " })).toEqual([["label", "required"]]);
    expect(problems({ kind: "SUSPENSAO", label: "x".repeat(121) })).toEqual([["label", "tooLong"]]);
    expect(problems({ kind: "SUSPENSAO", label: "ok", labelEn: "a\u0000b" })).toEqual([["labelEn", "invalid"]]);
    expect(problems({ kind: "OUTRO", label: "ok" })).toEqual([["kind", "required"]]);
  });
});
