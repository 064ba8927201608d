// The headers that make the browser protect the portal's pages: a strict Content-Security-Policy
// (scripts only with this response's nonce, no framing), no MIME sniffing, no referrer to other
// sites, no powerful features. Behind HTTPS — NEXTAUTH_URL starting with https://, the setting for
// a TLS-terminating proxy — also Strict-Transport-Security (and next-auth's cookies become Secure).

/** True when the portal's public URL is https:// (the portal itself may listen on plain http). */
export function servesHttps(publicUrl: string | undefined = process.env.NEXTAUTH_URL): boolean {
  return publicUrl?.toLowerCase().startsWith("https://") ?? false;
}

/** A fresh, unguessable nonce for one response. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  const directives = [
    "default-src 'self'",
    // Next marks its own scripts with the nonce; 'strict-dynamic' lets them load their chunks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // React renders style attributes; styles can't run code, so they stay allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Headers for every response, pages and APIs alike. */
export function securityHeaders(options: { https: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (options.https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}
