import { describe, expect, it } from "vitest";
import { ACCOUNT_KINDS, can, PROFILES, type Profile } from "@/lib/domain/permissions";
import { checkInvitation, checkProfileChange, checkRemoval, normalizeProfiles } from "@/lib/domain/team-rules";

const TEAM_ACTIONS = ["team.view", "team.invite", "team.edit-profiles", "team.remove"] as const;

describe("Equipe permissions", () => {
  it("are given to Responsável and Administrador in every account kind, and to nobody else", () => {
    for (const kind of ACCOUNT_KINDS) {
      for (const action of TEAM_ACTIONS) {
        for (const profile of PROFILES) {
          const expected = profile === "RESPONSAVEL" || profile === "ADMINISTRADOR";
          expect(can(kind, [profile], action), `${kind} ${profile} ${action}`).toBe(expected);
        }
      }
    }
  });
});

describe("team rules", () => {
  const base = { actorId: "a", targetId: "b", responsaveis: 2 };

  it("lets only a Responsável invite someone as Responsável", () => {
    expect(checkInvitation(["ADMINISTRADOR"], ["RESPONSAVEL"])).toBe("RESPONSAVEL_ONLY");
    expect(checkInvitation(["ADMINISTRADOR"], ["FABRICANTE", "CONVIDADO"])).toBeNull();
    expect(checkInvitation(["RESPONSAVEL"], ["RESPONSAVEL"])).toBeNull();
  });

  it("refuses any change of one's own profiles", () => {
    expect(
      checkProfileChange({
        ...base,
        targetId: "a",
        actorProfiles: ["RESPONSAVEL"],
        before: ["RESPONSAVEL"],
        after: ["RESPONSAVEL", "FABRICANTE"],
      }),
    ).toBe("SELF");
    expect(checkRemoval({ ...base, targetId: "a", actorProfiles: ["ADMINISTRADOR"], targetProfiles: ["ADMINISTRADOR"] })).toBe(
      "SELF",
    );
  });

  it("lets only a Responsável grant or take away Responsável", () => {
    const admin: Profile[] = ["ADMINISTRADOR"];
    expect(
      checkProfileChange({ ...base, actorProfiles: admin, before: ["FABRICANTE"], after: ["FABRICANTE", "RESPONSAVEL"] }),
    ).toBe("RESPONSAVEL_ONLY");
    expect(checkProfileChange({ ...base, actorProfiles: admin, before: ["RESPONSAVEL"], after: ["ADMINISTRADOR"] })).toBe(
      "RESPONSAVEL_ONLY",
    );
    expect(checkRemoval({ ...base, actorProfiles: admin, targetProfiles: ["RESPONSAVEL"] })).toBe("RESPONSAVEL_ONLY");
    // An Administrador may change the other profiles of a Responsável, as long as Responsável stays.
    expect(
      checkProfileChange({ ...base, actorProfiles: admin, before: ["RESPONSAVEL"], after: ["RESPONSAVEL", "FABRICANTE"] }),
    ).toBeNull();
    expect(
      checkProfileChange({ ...base, actorProfiles: ["RESPONSAVEL"], before: ["FABRICANTE"], after: ["RESPONSAVEL"] }),
    ).toBeNull();
  });

  it("never leaves an account without a Responsável", () => {
    const actor: Profile[] = ["RESPONSAVEL"];
    expect(
      checkProfileChange({ ...base, responsaveis: 1, actorProfiles: actor, before: ["RESPONSAVEL"], after: ["ADMINISTRADOR"] }),
    ).toBe("LAST_RESPONSAVEL");
    expect(checkRemoval({ ...base, responsaveis: 1, actorProfiles: actor, targetProfiles: ["RESPONSAVEL", "FABRICANTE"] })).toBe(
      "LAST_RESPONSAVEL",
    );
    expect(checkRemoval({ ...base, responsaveis: 2, actorProfiles: actor, targetProfiles: ["RESPONSAVEL"] })).toBeNull();
    expect(checkRemoval({ ...base, responsaveis: 1, actorProfiles: actor, targetProfiles: ["FABRICANTE"] })).toBeNull();
  });

  it("orders profiles as the matrix does and drops repeats", () => {
    expect(normalizeProfiles(["CONVIDADO", "RESPONSAVEL", "CONVIDADO"], PROFILES)).toEqual(["RESPONSAVEL", "CONVIDADO"]);
  });
});
