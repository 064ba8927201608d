// Maps next-auth's error string (from authorize() or the 429 throttle) to what the form shows.
export type LoginErrorView = {
  key: "invalidCredentials" | "throttled" | "unexpected" | "sessionExpired";
  minutes?: number;
} | null;

export function loginErrorView(error: string | null | undefined): LoginErrorView {
  if (!error) return null;
  const throttled = /^THROTTLED:(\d+)$/.exec(error);
  if (throttled) return { key: "throttled", minutes: Number(throttled[1]) };
  if (error === "CredentialsSignin" || error === "INVALID_INPUT") return { key: "invalidCredentials" };
  if (error === "SessionRequired") return { key: "sessionExpired" };
  return { key: "unexpected" };
}
