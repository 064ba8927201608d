"use client";

// A menu button (WAI-ARIA "menu button" pattern), the one every page uses for a list of actions.
// Usage:
//   <Menu label="Ações" items={[{ id: "SUSPEND", label: "Suspender", onSelect: () => open("SUSPEND") }]} />
// Enter, Space or ↓ open it on the first item (↑ on the last); ↑/↓/Home/End move; Enter/Space
// choose; Escape closes it and gives focus back to the button; Tab or a click elsewhere closes it.
// Choosing an item first puts focus back on the button and then calls onSelect, so a dialog that
// onSelect opens returns focus to the button when it closes. The list is fixed to the viewport and
// kept inside it (8 px margin) at any width: right-aligned to the button when there is room,
// otherwise moved left or right, and above the button when there is no room below.
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export type MenuItem = { id: string; label: string; onSelect: () => void };

const MARGIN = 8;

type Placement = { top: number; left: number };

function placeMenu(anchor: DOMRect, menu: { width: number; height: number }): Placement {
  const viewportWidth = document.documentElement.clientWidth;
  const viewportHeight = window.innerHeight;
  const preferredLeft = anchor.right - menu.width;
  const left = Math.max(MARGIN, Math.min(preferredLeft, viewportWidth - menu.width - MARGIN));
  const below = anchor.bottom + 4;
  const above = anchor.top - 4 - menu.height;
  const top = below + menu.height <= viewportHeight - MARGIN || above < MARGIN ? below : above;
  return { top, left };
}

export function Menu({
  label,
  ariaLabel,
  items,
  buttonClassName,
  focusId,
  focusFallbackId,
}: {
  /** What the button shows (a ▾ is added). */
  label: ReactNode;
  /** The button's accessible name when `label` alone is not enough (e.g. one menu per table row). */
  ariaLabel?: string;
  items: MenuItem[];
  buttonClassName?: string;
  /** Marks the button so a list that re-renders can give focus back to it (data-focus-id)… */
  focusId?: string;
  /** …or to this element (its data-focus-id) when the button is gone after the re-render. */
  focusFallbackId?: string;
}) {
  const [open, setOpen] = useState(false);
  const [placement, setPlacement] = useState<Placement | null>(null);
  const [focusOn, setFocusOn] = useState<"first" | "last">("first");
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menuId = useId();
  const buttonId = useId();

  const menuItems = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  function place() {
    const button = buttonRef.current;
    const menu = menuRef.current;
    if (!button || !menu) return;
    const rect = button.getBoundingClientRect();
    // The button has scrolled out of view: a menu floating away from it would be confusing.
    if (rect.bottom < 0 || rect.top > window.innerHeight) return setOpen(false);
    setPlacement(placeMenu(rect, { width: menu.offsetWidth, height: menu.offsetHeight }));
  }

  useLayoutEffect(() => {
    if (!open) return;
    place();
    const list = menuItems();
    (focusOn === "last" ? list[list.length - 1] : list[0])?.focus();
    // Only opening should move focus; `focusOn` is set together with `open`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOutside);
    window.addEventListener("scroll", place, true);
    window.addEventListener("resize", place);
    return () => {
      document.removeEventListener("pointerdown", closeOutside);
      window.removeEventListener("scroll", place, true);
      window.removeEventListener("resize", place);
    };
  }, [open]);

  function openWith(target: "first" | "last") {
    setFocusOn(target);
    setOpen(true);
  }

  function closeAndFocusButton() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      openWith(event.key === "ArrowUp" ? "last" : "first");
    }
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const list = menuItems();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const move = (next: number) => {
      event.preventDefault();
      list[(next + list.length) % list.length]?.focus();
    };
    if (event.key === "ArrowDown") move(index + 1);
    else if (event.key === "ArrowUp") move(index - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(list.length - 1);
    else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      closeAndFocusButton();
    } else if (event.key === "Tab") {
      // From the button, the browser's own Tab then moves on to what follows (or precedes) it.
      buttonRef.current?.focus();
      setOpen(false);
    }
  }

  function choose(item: MenuItem) {
    closeAndFocusButton();
    item.onSelect();
  }

  return (
    <>
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={ariaLabel}
        data-focus-id={focusId}
        data-focus-fallback={focusFallbackId}
        // Enter and Space arrive here as a click: both open the menu on its first item.
        onClick={() => (open ? setOpen(false) : openWith("first"))}
        onKeyDown={onButtonKeyDown}
        className={
          buttonClassName ??
          "whitespace-nowrap rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50"
        }
      >
        {label} <span aria-hidden>▾</span>
      </button>
      {open && (
        <ul
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-labelledby={buttonId}
          onKeyDown={onMenuKeyDown}
          onBlur={(event) => {
            const next = event.relatedTarget as Node | null;
            if (next && !menuRef.current?.contains(next)) setOpen(false);
          }}
          // Not "visibility: hidden" before it is placed: a hidden item could not take focus.
          style={placement ?? { top: 0, left: 0, opacity: 0 }}
          className="fixed z-30 w-48 max-w-[calc(100vw-16px)] rounded-lg border border-slate-200 bg-white p-1 shadow-lg"
        >
          {items.map((item) => (
            <li key={item.id} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => choose(item)}
                className="w-full rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
