"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Field, Select } from "@/components/ui/field";
import { type Channel, CHANNEL_LABELS, type ChannelSettings, intakeKeys, saveSettings } from "./api";

const OPTIONS: Array<{ key: keyof ChannelSettings; label: string; hint: string; values: Array<[string, string]> }> = [
  {
    key: "totalsMode",
    label: "Totals check",
    hint: "Strict dead-letters orders whose totals don't add up; lenient accepts and flags them.",
    values: [
      ["strict", "Strict"],
      ["lenient", "Lenient"],
    ],
  },
  {
    key: "customerMode",
    label: "Customer check",
    hint: "Strict requires an existing customer; lenient creates one from the email.",
    values: [
      ["strict", "Strict"],
      ["lenient", "Lenient"],
    ],
  },
  {
    key: "testOrders",
    label: "Test orders",
    hint: "Ignore them, or accept them into orders flagged “test”.",
    values: [
      ["ignore", "Ignore"],
      ["accept", "Accept (flagged)"],
    ],
  },
];

/** The channel's validation modes; each change is saved at once (and audited server-side). */
export function ChannelSettingsForm({ channel, settings }: { channel: Channel; settings: ChannelSettings }) {
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (patch: Partial<ChannelSettings>) => saveSettings(channel, patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: intakeKeys.overview() }),
  });
  return (
    <fieldset className="grid gap-4 sm:grid-cols-3" aria-label={`${CHANNEL_LABELS[channel]} validation`}>
      {OPTIONS.map((o) => (
        <Field key={o.key} label={o.label} hint={o.hint}>
          {(props) => (
            <Select
              {...props}
              value={settings[o.key]}
              disabled={save.isPending}
              onChange={(e) => save.mutate({ [o.key]: e.target.value } as Partial<ChannelSettings>)}
            >
              {o.values.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ))}
      {save.isError && (
        <p role="alert" className="text-sm text-red-600 sm:col-span-3">
          {save.error.message}
        </p>
      )}
      {save.isSuccess && (
        <p role="status" className="text-sm text-brand-700 sm:col-span-3">
          Saved.
        </p>
      )}
    </fieldset>
  );
}
