"use server";

import { defineAction } from "@/lib/actions/define-action";
import { hashPassword } from "@/lib/auth/password";
import { acceptInvitation } from "@/lib/data/invitations";
import { acceptInvitationSchema } from "@/lib/validation/team";

/** The invitation link's form: name and password of the new user. */
export const acceptInvite = defineAction({
  name: "acceptInvite",
  input: acceptInvitationSchema,
  permission: "public",
  async handler({ token, name, password }) {
    return acceptInvitation({ token, name, passwordHash: await hashPassword(password) });
  },
});
