// Sends visitors without a valid session to the login page. Only a first gate: every page,
// action and route handler checks the session and permissions again on the server.
import { NextResponse } from "next/server";
import { withAuth } from "next-auth/middleware";

function malformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export default withAuth(
  function proxy(request) {
    // A broken %-escape would make Next fail while decoding route parameters: answer 400 instead.
    if (malformedPath(request.nextUrl.pathname)) return new NextResponse("Bad Request", { status: 400 });
    return NextResponse.next();
  },
  { pages: { signIn: "/login" } },
);

export const config = {
  matcher: [
    "/((?!login|api/auth|api/health|api/v1|_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:svg|png|ico|css|js)$).*)",
  ],
};
