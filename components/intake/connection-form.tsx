"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/components/ui/fetch-json";
import { Field, Input, Select } from "@/components/ui/field";
import { BASE_URL_HINTS, type ConnectedChannel, connectionKeys, CREDENTIAL_FIELDS, createConnection } from "./connections-api";

const CHANNELS: Array<[ConnectedChannel, string]> = [
  ["shopify", "Shopify"],
  ["woocommerce", "WooCommerce"],
  ["bigcommerce", "BigCommerce"],
  ["amazon", "Amazon"],
];

/** Connect a store. Credentials are sent once, stored encrypted, and never shown again. */
export function ConnectionForm() {
  const qc = useQueryClient();
  const [channel, setChannel] = useState<ConnectedChannel>("shopify");
  const [values, setValues] = useState<Record<string, string>>({});
  const set = (key: string) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));
  const create = useMutation({
    mutationFn: () => {
      const credentials = Object.fromEntries(CREDENTIAL_FIELDS[channel].map((f) => [f.key, values[`cred.${f.key}`] ?? ""]));
      return createConnection({
        channel,
        slug: values.slug ?? "",
        name: values.name ?? "",
        apiBaseUrl: values.apiBaseUrl ?? "",
        ...(values.webhookSecret ? { webhookSecret: values.webhookSecret } : {}),
        reconcileEveryMinutes: Number(values.reconcileEveryMinutes || 15),
        credentials,
      } as never);
    },
    onSuccess: () => {
      setValues({});
      void qc.invalidateQueries({ queryKey: connectionKeys.all });
    },
  });
  const fieldError = (path: string) => (create.error instanceof ApiError ? create.error.fields?.[path] : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const text = (key: string, label: string, opts: { hint?: string; type?: string; error?: string } = {}) => (
    <Field label={label} hint={opts.hint} error={opts.error ?? fieldError(key)}>
      {(p) => <Input {...p} type={opts.type ?? "text"} autoComplete="off" value={values[key] ?? ""} onChange={set(key)} />}
    </Field>
  );

  return (
    <form onSubmit={submit} aria-label="Connect a store" className="grid gap-4 sm:grid-cols-2">
      <Field label="Channel">
        {(p) => (
          <Select {...p} value={channel} onChange={(e) => setChannel(e.target.value as ConnectedChannel)}>
            {CHANNELS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {text("name", "Store name")}
      {text("slug", "Handle", { hint: "Lower-case letters, digits, dashes; prefixes this store's order ids" })}
      {text("apiBaseUrl", "API base URL", { hint: BASE_URL_HINTS[channel] })}
      {CREDENTIAL_FIELDS[channel].map((f) => (
        <div key={`${channel}-${f.key}`}>{text(`cred.${f.key}`, f.label, { type: "password", error: fieldError(`credentials.${f.key}`) })}</div>
      ))}
      {channel !== "amazon" &&
        text("webhookSecret", "Webhook secret", { type: "password", hint: "The secret the store signs its webhooks with (16+ characters)" })}
      {text("reconcileEveryMinutes", "Reconcile every (minutes)", { type: "number", hint: "Default 15" })}
      <div className="flex items-end gap-3 sm:col-span-2">
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Connecting…" : "Connect store"}
        </Button>
        {create.isError && (
          <p role="alert" className="text-sm text-red-600">
            {create.error.message}
          </p>
        )}
        {create.isSuccess && (
          <p role="status" className="text-sm text-brand-700">
            Connected {create.data.connection.name}. Point the store&apos;s webhooks at {create.data.connection.webhookPath}.
          </p>
        )}
      </div>
    </form>
  );
}
