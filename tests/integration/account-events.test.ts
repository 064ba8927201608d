import { describe, expect, it } from "vitest";
import { listAccountEvents, recordAccountEvent } from "@/lib/data/account-events";
import { createAccount, createUser } from "../support/factories";
import { testDatabase } from "../support/test-database";

describe("account events", () => {
  it("are written inside the change's transaction and vanish with its rollback", async () => {
    const db = await testDatabase();
    const account = await createAccount(db);
    const user = await createUser(db, { memberships: [{ accountId: account.id, profiles: ["RESPONSAVEL"] }] });
    await db.sql.transaction((tx) =>
      recordAccountEvent(tx, {
        accountId: account.id,
        actor: { kind: "USER", userId: user.id },
        type: "member.profiles_changed",
        target: { type: "user", id: user.id, label: user.email },
        before: { profiles: ["CONVIDADO"] },
        after: { profiles: ["FABRICANTE"] },
      }),
    );
    await expect(
      db.sql.transaction(async (tx) => {
        await recordAccountEvent(tx, {
          accountId: account.id,
          actor: { kind: "SYSTEM" },
          type: "x.rolled_back",
          target: { type: "user" },
        });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    await recordAccountEvent(db.sql, {
      accountId: account.id,
      actor: { kind: "API_KEY", label: "ERP" },
      type: "api_key.used",
      target: { type: "api_key" },
    });

    const events = await listAccountEvents(db.sql, account.id);
    expect(events.map((event) => [event.type, event.actorKind, event.actorName])).toEqual([
      ["api_key.used", "API_KEY", "ERP"],
      ["member.profiles_changed", "USER", user.name],
    ]);
    expect(events[1]).toMatchObject({
      before: { profiles: ["CONVIDADO"] },
      after: { profiles: ["FABRICANTE"] },
      targetLabel: user.email,
    });
    const aboutUser = await listAccountEvents(db.sql, account.id, { target: { type: "user", id: user.id } });
    expect(aboutUser).toHaveLength(1);
  });
});
