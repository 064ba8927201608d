import { describe, expect, it } from "vitest";
import { customerInputSchema } from "@/lib/validation/customer";
import { renewalInputSchema, subscriptionInputSchema } from "@/lib/validation/subscription";

const valid = {
  name: "  Móveis Aurora Ltda ",
  document: "11.222.333/0001-81",
  type: "LOJISTA",
  city: "Ribeirão Preto",
  state: "sp",
  email: "compras@aurora.com.br",
};

function messagesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));
}

describe("customer schema", () => {
  it("normalizes a valid customer: trimmed name, document digits, UF upper case", () => {
    expect(customerInputSchema.parse(valid)).toEqual({
      name: "Móveis Aurora Ltda",
      document: "11222333000181",
      type: "LOJISTA",
      city: "Ribeirão Preto",
      state: "SP",
      email: "compras@aurora.com.br",
    });
    expect(customerInputSchema.parse({ ...valid, document: "529.982.247-25", type: "PROFISSIONAL" }).document).toBe("52998224725");
  });

  it("refuses wrong check digits, repeated digits, letters and wrong lengths with documentInvalid", () => {
    for (const document of ["11.222.333/0001-82", "111.111.111-11", "5299822472X", "1234567", "52998224725 OR 1=1"]) {
      expect(messagesOf(customerInputSchema.safeParse({ ...valid, document }))).toEqual({ document: "documentInvalid" });
    }
  });

  it("names each bad field", () => {
    const result = customerInputSchema.safeParse({ name: " ", document: "", type: "OUTRO", city: "x\u0000", state: "XX", email: "nope" });
    expect(messagesOf(result)).toEqual({
      name: "required",
      document: "required",
      type: "customerTypeInvalid",
      city: "invalid",
      state: "stateInvalid",
      email: "emailInvalid",
    });
    expect(messagesOf(customerInputSchema.safeParse({ ...valid, name: "a".repeat(201) }))).toEqual({ name: "textTooLong" });
  });
});

describe("subscription and renewal schemas", () => {
  const customerId = "6f1d5b0c-3c1e-4c59-9a55-2f8f1d3f0a11";

  it("accepts aaaa-mm-dd and dd/mm/aaaa starts, upper-cases the plan, leaves an empty start to today", () => {
    expect(subscriptionInputSchema.parse({ customerId, product: " Render Studio ", plan: "anual", startedAt: "08/12/2026" })).toEqual({
      customerId,
      product: "Render Studio",
      plan: "ANUAL",
      startedAt: "2026-12-08",
    });
    expect(subscriptionInputSchema.parse({ customerId, product: "X", plan: "MENSAL", startedAt: "" }).startedAt).toBeUndefined();
  });

  it("refuses a bad plan, date, customer and a start out of range", () => {
    expect(messagesOf(subscriptionInputSchema.safeParse({ customerId: "x", product: "", plan: "SEMANAL", startedAt: "31/02/2026" }))).toEqual({
      customerId: "customerRequired",
      product: "required",
      plan: "planInvalid",
      startedAt: "dateInvalid",
    });
    expect(messagesOf(subscriptionInputSchema.safeParse({ customerId, product: "X", plan: "MENSAL", startedAt: "1999-12-31" }))).toEqual({
      startedAt: "startOutOfRange",
    });
  });

  it("renewal: 1 to 36 whole periods of a well-formed serial", () => {
    expect(renewalInputSchema.parse({ serialNumber: "abcd efgh jkmn pqrs", periods: "3" })).toEqual({
      serialNumber: "ABCD-EFGH-JKMN-PQRS",
      periods: 3,
    });
    for (const periods of ["0", "37", "1.5", "dois", ""]) {
      expect(messagesOf(renewalInputSchema.safeParse({ serialNumber: "ABCD-EFGH-JKMN-PQRS", periods }))).toEqual({ periods: "periodsInvalid" });
    }
  });
});
