"use client";

// Shows at once that the page is changing — a bar at the top and "Carregando a página…" for screen
// readers — and makes a page being replaced inert meanwhile, so nothing on it (an Ações menu of
// the list, a dialog) can be opened just before the new page takes its place. Starts on a click on
// a link to another page of the portal, or when a component reports a transition (the refresh
// after Sim, useReportNavigationPending); ends when the new URL is rendered or the transition ends.
// No route-level loading.tsx: streaming a fallback first would make notFound() pages answer 200.
import { usePathname, useSearchParams } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useId, useRef, useState, type ReactNode } from "react";

/** A navigation that never lands (a link whose click something else cancelled) stops showing after this. */
const GIVE_UP_MS = 20_000;

const ReportContext = createContext<(key: string, pending: boolean) => void>(() => undefined);

/** Reports a pending transition of the calling component (e.g. router.refresh in startTransition). */
export function useReportNavigationPending(pending: boolean): void {
  const report = useContext(ReportContext);
  const key = useId();
  useEffect(() => {
    report(key, pending);
    return () => report(key, false);
  }, [report, key, pending]);
}

function isPortalNavigation(event: MouseEvent): boolean {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return false;
  }
  const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute("download")) return false;
  if (anchor.target && anchor.target !== "_self") return false;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin || url.pathname.startsWith("/api/")) return false;
  return url.pathname !== window.location.pathname || url.search !== window.location.search;
}

export function NavigationPendingArea({ label, children }: { label: string; children: ReactNode }) {
  const location = `${usePathname()}?${useSearchParams().toString()}`;
  const [linkPending, setLinkPending] = useState(false);
  const [reported, setReported] = useState<ReadonlySet<string>>(new Set());
  // The new page is rendered: the navigation is over.
  const [renderedLocation, setRenderedLocation] = useState(location);
  if (renderedLocation !== location) {
    setRenderedLocation(location);
    setLinkPending(false);
  }
  const rendered = useRef(location);
  useEffect(() => {
    rendered.current = location;
  }, [location]);

  useEffect(() => {
    // Capture phase: before next/link handles the click (and prevents its default).
    const onClick = (event: MouseEvent) => {
      if (isPortalNavigation(event)) setLinkPending(true);
    };
    // Back / forward to another page (a skip link's #fragment also fires popstate: not a new page).
    const onPopState = () => {
      const now = `${window.location.pathname}?${new URLSearchParams(window.location.search).toString()}`;
      if (now !== rendered.current) setLinkPending(true);
    };
    document.addEventListener("click", onClick, true);
    window.addEventListener("popstate", onPopState);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("popstate", onPopState);
    };
  }, []);

  useEffect(() => {
    if (!linkPending) return;
    const timer = setTimeout(() => setLinkPending(false), GIVE_UP_MS);
    return () => clearTimeout(timer);
  }, [linkPending]);

  const report = useCallback((key: string, pending: boolean) => {
    setReported((current) => {
      if (current.has(key) === pending) return current;
      const next = new Set(current);
      if (pending) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  // A page being replaced is inert; a page being refreshed in place (after Sim) only says so — it
  // stays the page, and focus stays where the dialog gave it back.
  const busy = linkPending || reported.size > 0;
  return (
    <ReportContext.Provider value={report}>
      {busy && (
        <div role="status" className="pointer-events-none fixed inset-x-0 top-0 z-50">
          <div className="h-1 w-full animate-pulse bg-brand-600" aria-hidden="true" />
          <span className="sr-only">{label}</span>
        </div>
      )}
      <div
        inert={linkPending}
        aria-busy={busy}
        data-navigation-pending={busy ? "" : undefined}
        className={linkPending ? "cursor-progress opacity-60 transition-opacity delay-100" : undefined}
      >
        {children}
      </div>
    </ReportContext.Provider>
  );
}
