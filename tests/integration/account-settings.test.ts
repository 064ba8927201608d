import { describe, expect, it } from "vitest";
import { saveAccountSettings } from "@/lib/actions/update-account-settings";
import { getAccountSettings } from "@/lib/data/account-settings";
import { createAccount, createManufacturerWithStaff, createUser } from "../support/factories";
import { revalidatedPaths, signInAs } from "../support/next-runtime";
import { testDatabase } from "../support/test-database";

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
}

describe("Fabricante → Configurações (tolerance days and swap limit)", () => {
  it("saves both values for the Fabricante's current account", async () => {
    const db = await testDatabase();
    const { account, fabricante } = await createManufacturerWithStaff(db);
    signInAs(fabricante.id);
    const result = await saveAccountSettings(null, form({ graceDays: "20", swapLimit: "5" }));
    expect(result).toEqual({ ok: true, data: { graceDays: 20, swapLimit: 5 } });
    expect(await getAccountSettings(account.id)).toEqual({ graceDays: 20, swapLimit: 5 });
    expect(revalidatedPaths()).toContain("/");
  });

  it("refuses other profiles and customer accounts, changing nothing", async () => {
    const db = await testDatabase();
    const { account, administrador, responsavel, convidado } = await createManufacturerWithStaff(db);
    const lojista = await createAccount(db, { kind: "LOJISTA" });
    const lojistaUser = await createUser(db, {
      memberships: [{ accountId: lojista.id, profiles: ["FABRICANTE", "RESPONSAVEL"] }],
    });
    for (const user of [administrador, responsavel, convidado, lojistaUser]) {
      signInAs(user.id);
      expect(await saveAccountSettings(null, form({ graceDays: "1", swapLimit: "1" }))).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
      });
    }
    expect(await getAccountSettings(account.id)).toEqual({ graceDays: 15, swapLimit: 3 });
  });

  it.each([
    [{ graceDays: "", swapLimit: "3" }, "graceDays", "Campo obrigatório."],
    [{ graceDays: "366", swapLimit: "3" }, "graceDays", "Valor inválido."],
    [{ graceDays: "15", swapLimit: "101" }, "swapLimit", "Valor inválido."],
    [{ graceDays: "15", swapLimit: "-1" }, "swapLimit", "Valor inválido."],
    [{ graceDays: "2.5", swapLimit: "3" }, "graceDays", "Valor inválido."],
  ])("rejects %o with a message on %s", async (values, field, message) => {
    const db = await testDatabase();
    const { account, fabricante } = await createManufacturerWithStaff(db);
    signInAs(fabricante.id);
    const result = await saveAccountSettings(null, form(values));
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { [field]: [message] } });
    expect(await getAccountSettings(account.id)).toEqual({ graceDays: 15, swapLimit: 3 });
  });
});
