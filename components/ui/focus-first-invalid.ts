"use client";

// After a failed submit, focus goes to the first field marked aria-invalid="true" in the form, or
// to its error message (role="alert", given tabIndex={-1}) when no single field is to blame.
// Usage: const formRef = useRef<HTMLFormElement>(null); useFocusFirstInvalid(formRef, state);
// where `state` is the action's last result ({ ok: false, … } after a failure, a new object each time).
import { useEffect, type RefObject } from "react";

export function focusFirstInvalid(container: HTMLElement | null): void {
  const target =
    container?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? container?.querySelector<HTMLElement>('[role="alert"]');
  target?.focus();
}

export function useFocusFirstInvalid(ref: RefObject<HTMLElement | null>, result: { ok: boolean } | null | undefined): void {
  useEffect(() => {
    if (result && !result.ok) focusFirstInvalid(ref.current);
  }, [ref, result]);
}
