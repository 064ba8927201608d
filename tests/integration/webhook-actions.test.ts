// The Integrações server actions: session → account → zod → integrations.manage → data. Bad URLs
// and event lists are field errors; other profiles and accounts are refused and nothing is written.
import { beforeAll, describe, expect, it } from "vitest";
import {
  createWebhook,
  deleteWebhook,
  redeliverFailedWebhookRange,
  rotateWebhook,
  sendWebhookTest,
  updateWebhook,
} from "@/lib/actions/webhook-actions";
import { listAccountEvents } from "@/lib/data/account-events";
import { listWebhookEndpoints } from "@/lib/data/webhook-endpoints";
import type { Database } from "@/lib/db/connection";
import { createAccount, createManufacturerWithStaff, createUser } from "../support/factories";
import { signInAs } from "../support/next-runtime";
import { testDatabase } from "../support/test-database";

let db: Database;
let staff: Awaited<ReturnType<typeof createManufacturerWithStaff>>;

beforeAll(async () => {
  db = await testDatabase();
  staff = await createManufacturerWithStaff(db);
});

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

const valid = { url: "http://localhost:4000/webhooks", eventTypes: ["serial.suspended", "serial.cancelled"], enabled: "on" };

describe("webhook actions", () => {
  it("create, edit, test, rotate and delete an endpoint as the Responsável, each in the account's log", async () => {
    signInAs(staff.responsavel.id);
    const created = await createWebhook(null, form(valid));
    expect(created).toMatchObject({ ok: true, data: { secret: expect.stringMatching(/^whsec_/) } });
    const id = created.ok ? created.data.id : "";
    expect(await listWebhookEndpoints(staff.account.id)).toMatchObject([
      { id, url: valid.url, eventTypes: ["serial.suspended", "serial.cancelled"], enabled: true },
    ]);

    signInAs(staff.administrador.id);
    expect(await updateWebhook(null, form({ ...valid, id, enabled: [] }))).toMatchObject({ ok: true });
    expect((await listWebhookEndpoints(staff.account.id))[0]).toMatchObject({ enabled: false });
    expect(await sendWebhookTest(null, form({ id }))).toMatchObject({ ok: true });
    const rotated = await rotateWebhook(null, form({ id }));
    expect(rotated.ok && rotated.data.secret).not.toBe(created.ok && created.data.secret);
    expect(await redeliverFailedWebhookRange(null, form({ endpointId: id, from: "2026-01-01", to: "2026-12-31" }))).toMatchObject(
      {
        ok: true,
        data: { count: 0 },
      },
    );
    expect(await deleteWebhook(null, form({ id }))).toMatchObject({ ok: true });
    expect(await listWebhookEndpoints(staff.account.id)).toEqual([]);

    const log = await listAccountEvents(db.sql, staff.account.id, { target: { type: "webhook", id } });
    expect(log.map((event) => event.type)).toEqual([
      "webhook.deleted",
      "webhook.secret_rotated",
      "webhook.updated",
      "webhook.created",
    ]);
    expect(JSON.stringify(log)).not.toContain("whsec_");
  });

  it("answers bad input with field errors and saves nothing", async () => {
    signInAs(staff.responsavel.id);
    const cases: [Record<string, string | string[]>, string, RegExp][] = [
      [{ ...valid, url: "" }, "url", /obrigatório/],
      [{ ...valid, url: "ftp://example.com/x" }, "url", /https/],
      [{ ...valid, url: "http://10.0.0.8/hook" }, "url", /rede privada/],
      [{ ...valid, url: "http://169.254.169.254/latest" }, "url", /rede privada/],
      [{ ...valid, url: "https://user:senha@example.com/x" }, "url", /usuário e senha/],
      [{ ...valid, eventTypes: [] }, "eventTypes", /pelo menos um/],
      [{ ...valid, eventTypes: ["serial.exploded"] }, "eventTypes", /pelo menos um/],
    ];
    for (const [fields, field, message] of cases) {
      const result = await createWebhook(null, form(fields));
      expect(result, JSON.stringify(fields)).toMatchObject({ ok: false, code: "VALIDATION" });
      expect(result).toMatchObject({ fieldErrors: { [field]: [expect.stringMatching(message)] } });
    }
    expect(await listWebhookEndpoints(staff.account.id)).toEqual([]);
  });

  it("refuses the Fabricante and Convidado profiles, a lojista account and a stranger; another account's endpoint is not found", async () => {
    for (const user of [staff.fabricante, staff.convidado]) {
      signInAs(user.id);
      expect(await createWebhook(null, form(valid))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    const lojista = await createAccount(db, { kind: "LOJISTA" });
    const lojistaUser = await createUser(db, { memberships: [{ accountId: lojista.id, profiles: ["RESPONSAVEL"] }] });
    signInAs(lojistaUser.id, { accountId: lojista.id });
    expect(await createWebhook(null, form(valid))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    signInAs(null);
    expect(await createWebhook(null, form(valid))).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await listWebhookEndpoints(staff.account.id)).toEqual([]);

    signInAs(staff.responsavel.id);
    const created = await createWebhook(null, form(valid));
    const id = created.ok ? created.data.id : "";
    const other = await createManufacturerWithStaff(db);
    signInAs(other.responsavel.id);
    for (const attempt of [
      () => updateWebhook(null, form({ ...valid, id })),
      () => rotateWebhook(null, form({ id })),
      () => deleteWebhook(null, form({ id })),
      () => sendWebhookTest(null, form({ id })),
    ]) {
      expect(await attempt()).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect(await listWebhookEndpoints(staff.account.id)).toHaveLength(1);
  });
});
