// Sends visitors without a valid session to the login page. Only a first gate: every page,
// action and route handler checks the session and permissions again on the server.
import { withAuth } from "next-auth/middleware";

export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  matcher: ["/((?!login|api/auth|api/health|api/v1|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico|css|js)$).*)"],
};
