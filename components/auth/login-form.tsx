"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { FieldError } from "@/components/ui/field-error";
import { focusFirstInvalid } from "@/components/ui/focus-first-invalid";
import { loginSchema } from "@/lib/validation/login";
import { loginErrorView, type LoginErrorView } from "./login-error";

type FieldErrors = Partial<Record<"email" | "password", string>>;

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const t = useTranslations("auth.login");
  const tf = useTranslations("myAccount.forgot");
  const tv = useTranslations("validation");
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<LoginErrorView>(loginErrorView(initialError));
  const [pending, setPending] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  // A failed attempt puts focus on the first invalid field, or back on the e-mail field (described
  // by the error message) when the credentials as a whole were refused.
  useEffect(() => {
    if (!attempt) return;
    if (formRef.current?.querySelector('[aria-invalid="true"]')) focusFirstInvalid(formRef.current);
    else if (formRef.current?.querySelector('[role="alert"]')) formRef.current.querySelector<HTMLInputElement>("#email")?.focus();
  }, [attempt]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = loginSchema.safeParse({ email: data.get("email"), password: data.get("password") });
    setFormError(null);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as keyof FieldErrors;
        errors[field] ??= tv.has(issue.message as never) ? tv(issue.message as never) : tv("invalid");
      }
      setFieldErrors(errors);
      setAttempt((n) => n + 1);
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const result = await signIn("credentials", { ...parsed.data, redirect: false, callbackUrl });
      if (!result || result.error || !result.ok) {
        setFormError(loginErrorView(result?.error ?? "unexpected"));
        setAttempt((n) => n + 1);
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setFormError({ key: "unexpected" });
      setAttempt((n) => n + 1);
    } finally {
      setPending(false);
    }
  }

  const inputClass =
    "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-600";

  return (
    <form ref={formRef} className="mt-6 space-y-4" onSubmit={onSubmit} noValidate>
      {formError && (
        <p id="login-error" role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {formError.key === "throttled" ? t("throttled", { minutes: formError.minutes ?? 15 }) : t(formError.key)}
        </p>
      )}
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          className={inputClass}
          aria-invalid={fieldErrors.email ? true : undefined}
          aria-required
          aria-describedby={fieldErrors.email ? "email-error" : formError ? "login-error" : undefined}
        />
        <FieldError id="email-error" message={fieldErrors.email} />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          className={inputClass}
          aria-invalid={fieldErrors.password ? true : undefined}
          aria-required
          aria-describedby={fieldErrors.password ? "password-error" : undefined}
        />
        <FieldError id="password-error" message={fieldErrors.password} />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
      <p className="text-center text-sm">
        <Link href="/esqueci-senha" className="text-brand-700 underline">
          {tf("link")}
        </Link>
      </p>
    </form>
  );
}
