// The current account the user chose in the header. Only a hint: it is re-checked against the
// user's memberships on every request.
export const ACCOUNT_COOKIE = "pa-account";
export const ACCOUNT_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;
