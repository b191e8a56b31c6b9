"use client";

import Link from "next/link";
import { startTransition, useActionState, useId } from "react";
import { chooseKey, MUST_CHOOSE, theirsKey } from "@/db/domain/rebase";
import type { ActionResult } from "@/db/domain/result";

export type FieldSpec = {
  name: string;
  label: string;
  type?:
    | "text"
    | "textarea"
    | "select"
    | "number"
    | "date"
    | "hidden"
    | "url"
    | "password"
    | "file";
  /** For a file field: the types the picker offers. */
  accept?: string;
  defaultValue?: string | number | null;
  options?: { value: string; label: string }[];
  help?: string;
  required?: boolean;
  rows?: number;
  /** Wide fields span the whole form row. */
  wide?: boolean;
};

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

const control =
  "w-full rounded border border-zinc-400 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-600 dark:border-zinc-500 dark:bg-zinc-900";

function valueText(v: unknown): string {
  if (v === null || v === undefined) return "—";
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
}

function fillTemplate(template: string, data: unknown): string {
  const values = (data ?? {}) as Record<string, unknown>;
  return template.replace(/\{(\w+)\}/g, (_, key: string) =>
    encodeURIComponent(String(values[key] ?? "")),
  );
}

/**
 * A maintainer form: server action via useActionState, field errors beside their inputs
 * (aria-describedby), a live status region, and — on any refusal — the submitted values shown
 * again so nothing typed is lost. Conflicts list what the other maintainer changed.
 */
export function EditForm({
  action,
  fields,
  submitLabel,
  successMessage,
  successHref,
  successLinkLabel = "View it",
  id,
  noScriptAction,
}: {
  action: Action;
  fields: FieldSpec[];
  submitLabel: string;
  successMessage: string;
  /** Where to view the result; "{id}" / "{slug}" are filled from the action's data. */
  successHref?: string;
  /** The success link's words ("View it" unless said). */
  successLinkLabel?: string;
  id?: string;
  /**
   * Where the form posts without JavaScript, when that must be a plain HTTP endpoint (sign-in
   * answers 429 with Retry-After there); with JavaScript the server action runs as usual.
   */
  noScriptAction?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const uid = useId();
  const failed = state && !state.ok ? state : null;
  const value = (f: FieldSpec) =>
    (f.type === "password" ? undefined : failed?.values?.[f.name]) ??
    (f.defaultValue === null || f.defaultValue === undefined ? "" : String(f.defaultValue));

  // After a conflict: the fields both maintainers changed, and their values, carried until chosen.
  const mustChoose = new Set((failed?.values?.[MUST_CHOOSE] ?? "").split(",").filter(Boolean));
  const carried = Object.entries(failed?.values ?? {}).filter(
    ([k]) => k === MUST_CHOOSE || k.startsWith("theirs:"),
  );

  return (
    <form
      {...(noScriptAction
        ? {
            action: noScriptAction,
            method: "post",
            onSubmit: (e: React.FormEvent<HTMLFormElement>) => {
              e.preventDefault();
              const data = new FormData(e.currentTarget);
              startTransition(() => formAction(data));
            },
          }
        : { action: formAction })}
      id={id}
      className="space-y-3"
      noValidate
    >
      <div className="grid gap-3 sm:grid-cols-2">
        {fields.map((f) => {
          const inputId = `${uid}-${f.name}`;
          const errors = failed?.fieldErrors?.[f.name];
          const describedBy =
            [errors ? `${inputId}-err` : null, f.help ? `${inputId}-help` : null]
              .filter(Boolean)
              .join(" ") || undefined;
          if (f.type === "hidden")
            return (
              <input
                key={`${f.name}-${value(f)}`}
                type="hidden"
                name={f.name}
                defaultValue={value(f)}
              />
            );
          const common = {
            id: inputId,
            name: f.name,
            "aria-invalid": errors ? true : undefined,
            "aria-describedby": describedBy,
            required: f.required,
            className: control,
          };
          return (
            <div key={f.name} className={f.wide || f.type === "textarea" ? "sm:col-span-2" : ""}>
              <label
                htmlFor={inputId}
                className="block text-xs font-medium text-zinc-800 dark:text-zinc-200"
              >
                {f.label}
                {f.required ? <span aria-hidden="true"> *</span> : null}
              </label>
              {f.type === "textarea" ? (
                <textarea key={value(f)} {...common} rows={f.rows ?? 4} defaultValue={value(f)} />
              ) : f.type === "file" ? (
                <input {...common} type="file" accept={f.accept} />
              ) : f.type === "select" ? (
                <select key={value(f)} {...common} defaultValue={value(f)}>
                  {f.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  key={value(f)}
                  {...common}
                  type={f.type === "number" ? "text" : (f.type ?? "text")}
                  inputMode={f.type === "number" ? "decimal" : undefined}
                  defaultValue={value(f)}
                />
              )}
              {f.help ? (
                <p
                  id={`${inputId}-help`}
                  className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400"
                >
                  {f.help}
                </p>
              ) : null}
              {mustChoose.has(f.name) ? (
                <fieldset className="mt-1 rounded border border-amber-500 px-2 py-1 text-xs">
                  <legend className="px-1 font-medium">Changed by both of you</legend>
                  <label className="mr-4 inline-flex items-center gap-1">
                    <input type="radio" name={chooseKey(f.name)} value="yours" required />
                    Keep yours (in the box above)
                  </label>
                  <label className="inline-flex items-center gap-1">
                    <input type="radio" name={chooseKey(f.name)} value="theirs" required />
                    Take theirs: “{valueText(failed?.values?.[theirsKey(f.name)] ?? "")}”
                  </label>
                </fieldset>
              ) : null}
              {errors ? (
                <p
                  id={`${inputId}-err`}
                  className="mt-0.5 text-xs font-medium text-red-700 dark:text-red-400"
                >
                  {errors.join(" ")}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      {carried.map(([k, v]) => (
        <input key={`${k}-${v}`} type="hidden" name={k} defaultValue={v} />
      ))}
      {failed?.confirm ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name={failed.confirm.name} />
          {failed.confirm.label}
        </label>
      ) : null}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60"
        >
          {pending ? "Saving…" : submitLabel}
        </button>
        <div aria-live="polite" role="status" className="text-sm">
          {state?.ok ? (
            <span className="text-emerald-800 dark:text-emerald-300">
              {fillTemplate(successMessage, state.data)}
              {successHref ? (
                <>
                  {" "}
                  <Link href={fillTemplate(successHref, state.data)}>{successLinkLabel}</Link>
                </>
              ) : null}
            </span>
          ) : null}
        </div>
      </div>
      {failed ? (
        <div
          role="alert"
          className="rounded border border-red-500 bg-red-50 px-3 py-2 text-sm dark:bg-red-950"
        >
          <p className="font-medium">{failed.error}</p>
          {failed.conflict ? (
            <ul className="mt-2 space-y-2">
              {failed.conflict.changes.map((c) => (
                <li key={c.revision}>
                  Revision {c.revision} ({c.action}) by {c.authorName} at{" "}
                  {c.createdAt.slice(0, 16).replace("T", " ")} UTC
                  {c.reason ? ` — ${c.reason}` : ""}
                  <ul className="ml-4 list-disc">
                    {c.diff.map((d) => (
                      <li key={d.field}>
                        <code>{d.field}</code>: {valueText(d.before)} → {valueText(d.after)}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
