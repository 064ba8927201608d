import { describe, expect, it } from "vitest";
import { switchAccount } from "@/lib/actions/switch-account";
import { ACCOUNT_COOKIE } from "@/lib/auth/account-cookie";
import { getCurrentContext } from "@/lib/auth/context";
import { loadUserContext } from "@/lib/data/accounts";
import { createAccount, createUser } from "../support/factories";
import { requestCookies, signInAs } from "../support/next-runtime";
import { testDatabase } from "../support/test-database";

async function twoAccountUser() {
  const db = await testDatabase();
  const first = await createAccount(db, { name: "Móveis Alfa" });
  const second = await createAccount(db, { name: "Cozinhas Beta" });
  const foreign = await createAccount(db, { name: "Outra Fábrica" });
  const user = await createUser(db, {
    memberships: [
      { accountId: first.id, profiles: ["FABRICANTE", "RESPONSAVEL"] },
      { accountId: second.id, profiles: ["CONVIDADO"] },
    ],
  });
  return { db, first, second, foreign, user };
}

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
}

describe("current account", () => {
  it("starts in the default account and lists every membership with its kind", async () => {
    const { first, second, user } = await twoAccountUser();
    const context = await loadUserContext(user.id, undefined);
    expect(context?.account?.id).toBe(first.id);
    expect(context?.profiles.sort()).toEqual(["FABRICANTE", "RESPONSAVEL"]);
    expect(context?.accounts.map((account) => account.id).sort()).toEqual([first.id, second.id].sort());
    expect(context?.accounts.find((account) => account.id === first.id)?.isDefault).toBe(true);
  });

  it("honours a chosen account only when the user is a member of it", async () => {
    const { first, second, foreign, user } = await twoAccountUser();
    expect((await loadUserContext(user.id, second.id))?.account?.id).toBe(second.id);
    expect((await loadUserContext(user.id, second.id))?.profiles).toEqual(["CONVIDADO"]);
    for (const forged of [foreign.id, "not-a-uuid", "' OR 1=1 --", "00000000-0000-0000-0000-000000000000", ""]) {
      const context = await loadUserContext(user.id, forged);
      expect(context?.account?.id, forged).toBe(first.id);
    }
  });

  it("treats a session for an unknown or malformed user id as signed out", async () => {
    await twoAccountUser();
    expect(await loadUserContext("00000000-0000-0000-0000-000000000000", undefined)).toBeNull();
    expect(await loadUserContext("garbage", undefined)).toBeNull();
    signInAs("garbage");
    expect(await getCurrentContext()).toBeNull();
  });

  it("gives a user without memberships no account instead of failing", async () => {
    const db = await testDatabase();
    const loner = await createUser(db);
    const context = await loadUserContext(loner.id, undefined);
    expect(context?.account).toBeNull();
    expect(context?.accounts).toEqual([]);
  });
});

describe("switching accounts from the header", () => {
  it("switches to another of the user's accounts and remembers it", async () => {
    const { second, user } = await twoAccountUser();
    signInAs(user.id);
    const result = await switchAccount(null, form({ accountId: second.id }));
    expect(result).toEqual({ ok: true, data: { accountId: second.id, name: "Cozinhas Beta" } });
    expect(requestCookies().get(ACCOUNT_COOKIE)).toBe(second.id);
    expect((await loadUserContext(user.id, requestCookies().get(ACCOUNT_COOKIE)))?.account?.id).toBe(second.id);
  });

  it("refuses a foreign or unknown account and leaves the current one unchanged", async () => {
    const { first, foreign, user } = await twoAccountUser();
    signInAs(user.id, { accountId: first.id });
    for (const accountId of [foreign.id, "00000000-0000-0000-0000-000000000000", "x".repeat(80)]) {
      const result = await switchAccount(null, form({ accountId }));
      expect(result).toMatchObject({
        ok: false,
        code: "ACCOUNT_NOT_MEMBER",
        error: "Você não participa desta conta. A conta atual não foi alterada.",
      });
      expect(requestCookies().get(ACCOUNT_COOKIE)).toBe(first.id);
    }
  });

  it("answers a missing field with a field error and an anonymous caller with UNAUTHENTICATED", async () => {
    const { second, user } = await twoAccountUser();
    signInAs(user.id);
    const empty = await switchAccount(null, form({}));
    expect(empty).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { accountId: ["Campo obrigatório."] } });
    signInAs(null);
    expect(await switchAccount(null, form({ accountId: second.id }))).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(requestCookies().has(ACCOUNT_COOKIE)).toBe(false);
  });
});
