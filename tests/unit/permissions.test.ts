import { describe, expect, it } from "vitest";
import { ACTIONS, can, PROFILES, type Action, type Profile } from "@/lib/domain/permissions";

const MUTATIONS: Action[] = [
  "subscriptions.suspend",
  "subscriptions.cancel",
  "subscriptions.release",
  "customers.create",
  "subscriptions.create",
  "subscriptions.renew",
  "subscriptions.import",
  "activations.deactivate",
  "account.settings",
];

describe("permission matrix", () => {
  it("lets only the FABRICANTE profile act on subscriptions, in a manufacturer account", () => {
    for (const action of MUTATIONS) {
      expect(can("FABRICANTE", ["FABRICANTE"], action)).toBe(true);
      for (const profile of PROFILES.filter((p) => p !== "FABRICANTE")) {
        expect(can("FABRICANTE", [profile], action), `${profile} ${action}`).toBe(false);
      }
      expect(can("LOJISTA", ["FABRICANTE", "RESPONSAVEL"], action)).toBe(false);
      expect(can("PROFISSIONAL", ["FABRICANTE"], action)).toBe(false);
    }
  });

  it("lets every profile of a manufacturer read the list, but a Convidado may not export", () => {
    for (const profile of PROFILES) expect(can("FABRICANTE", [profile], "subscriptions.view")).toBe(true);
    expect(can("FABRICANTE", ["CONVIDADO"], "subscriptions.export")).toBe(false);
    expect(can("FABRICANTE", ["ADMINISTRADOR"], "subscriptions.export")).toBe(true);
  });

  it("gives lojista and profissional accounts only their own read-only view", () => {
    for (const kind of ["LOJISTA", "PROFISSIONAL"] as const) {
      expect(can(kind, ["RESPONSAVEL"], "own-subscriptions.view")).toBe(true);
      expect(can(kind, ["RESPONSAVEL"], "subscriptions.view")).toBe(false);
    }
    expect(can("FABRICANTE", ["FABRICANTE"], "own-subscriptions.view")).toBe(false);
  });

  it("shows Histórico da conta to every profile of every account, and exports it to all but a Convidado", () => {
    for (const kind of ["FABRICANTE", "LOJISTA", "PROFISSIONAL"] as const) {
      for (const profile of PROFILES) expect(can(kind, [profile], "history.view"), `${kind} ${profile}`).toBe(true);
      expect(can(kind, ["CONVIDADO"], "history.export")).toBe(false);
      expect(can(kind, ["ADMINISTRADOR"], "history.export")).toBe(true);
    }
  });

  it("lets only the Responsável and the Administrador of a manufacturer manage integrations", () => {
    expect(can("FABRICANTE", ["RESPONSAVEL"], "integrations.manage")).toBe(true);
    expect(can("FABRICANTE", ["ADMINISTRADOR"], "integrations.manage")).toBe(true);
    expect(can("FABRICANTE", ["FABRICANTE"], "integrations.manage")).toBe(false);
    expect(can("FABRICANTE", ["CONVIDADO"], "integrations.manage")).toBe(false);
    expect(can("LOJISTA", ["RESPONSAVEL", "ADMINISTRADOR"], "integrations.manage")).toBe(false);
    expect(can("PROFISSIONAL", ["RESPONSAVEL"], "integrations.manage")).toBe(false);
  });

  it("grants a user with several profiles the union of them, and nothing with none", () => {
    expect(can("FABRICANTE", ["CONVIDADO", "FABRICANTE"], "subscriptions.suspend")).toBe(true);
    for (const action of ACTIONS) expect(can("FABRICANTE", [] as Profile[], action)).toBe(false);
  });
});
