// Equipe's forms and list: invitations, profiles, removal, accepting an invitation. Messages are
// keys of the "validation" namespace.
import { z } from "zod";
import { PROFILES } from "@/lib/domain/permissions";
import { loginSchema } from "./login";
import { linkTokenSchema, withConfirmation } from "./password";
import { hasControlCharacters } from "./text";

export const emailSchema = loginSchema.shape.email;

/** Checkboxes: FormData sends none, one string or several. */
const profilesSchema = z
  .preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.enum(PROFILES, { error: "invalid" })),
  )
  .pipe(
    z
      .array(z.enum(PROFILES))
      .min(1, { error: "profilesRequired" })
      .transform((list) => PROFILES.filter((p) => list.includes(p))),
  );

const uuid = z.uuid({ error: "invalidUuid" });

export const inviteSchema = z.object({ email: emailSchema, profiles: profilesSchema });
export const memberProfilesSchema = z.object({ userId: uuid, profiles: profilesSchema });
export const memberSchema = z.object({ userId: uuid });
export const invitationSchema = z.object({ invitationId: uuid });

export const personNameSchema = z
  .string({ error: "nameRequired" })
  .trim()
  .min(2, { error: "nameRequired" })
  .max(160, { error: "tooLong" })
  .refine((value) => !hasControlCharacters(value), { error: "invalid" });

export const acceptInvitationSchema = withConfirmation({ token: linkTokenSchema, name: personNameSchema });

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const TEAM_PAGE_SIZE = 25;

export type TeamFilters = { q?: string; perfil?: (typeof PROFILES)[number]; pagina: number };

/** The list's URL; a bad value is dropped, never an error page. */
export function parseTeamFilters(params: Record<string, string | string[] | undefined>): TeamFilters {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim();
  const q = first(params.q);
  const perfil = first(params.perfil);
  const page = Number(first(params.pagina));
  return {
    q: q && q.length <= 100 && !hasControlCharacters(q) ? q : undefined,
    perfil: PROFILES.find((profile) => profile === perfil),
    pagina: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}
