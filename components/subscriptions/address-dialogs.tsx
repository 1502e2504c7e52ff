"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { addressLine, addressListQuery } from "@/components/addresses/queries";
import { Field, Select } from "@/components/ui/field";
import type { AddressSummaryDto } from "@/server/customers/address.schema";
import { formatLocalDay } from "./format";
import { DialogFooter, onConfirm } from "./dialog-form";
import { Modal } from "./modal";

/**
 * A select of the customer's addresses (with a link to add one). `exclude` leaves out the one
 * already in use, so a choice is always a change.
 */
export function AddressSelect({
  label,
  value,
  onChange,
  error,
  exclude,
  hint,
}: {
  label: string;
  value: string | null;
  onChange: (id: string) => void;
  error?: string;
  exclude?: string | null;
  hint?: string;
}) {
  const list = useQuery(addressListQuery());
  if (list.isPending)
    return (
      <p role="status" className="text-sm text-slate-500">
        Loading addresses…
      </p>
    );
  if (list.isError)
    return (
      <p role="alert" className="text-sm text-red-600">
        {list.error.message}
      </p>
    );
  const options = list.data.filter((a) => a.id !== exclude);
  if (options.length === 0)
    return (
      <p className="text-sm text-slate-600">
        {exclude ? "You have no other address." : "You have no address yet."}{" "}
        <Link href="/addresses" className="text-brand-700 underline">
          Add one in your address book
        </Link>
        .
      </p>
    );
  return (
    <div className="flex flex-col gap-1">
      <Field label={label} error={error} hint={hint}>
        {(p) => (
          <Select {...p} value={value ?? ""} onChange={(e) => onChange(e.target.value)}>
            {value === null && <option value="">Choose an address</option>}
            {options.map((a) => (
              <option key={a.id} value={a.id}>
                {addressLine(a)}
                {a.isDefault ? " (default)" : ""}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Link href="/addresses" className="text-xs text-brand-700 underline">
        Manage addresses
      </Link>
    </div>
  );
}

type AddressDialogProps = { open: boolean; onClose: () => void; busy: boolean; fieldError?: string; onSubmit: (addressId: string) => void };

function AddressDialog({
  open,
  onClose,
  busy,
  fieldError,
  onSubmit,
  title,
  intro,
  label,
  exclude,
  submit,
}: AddressDialogProps & { title: string; intro: string; label: string; exclude: string | null; submit: string }) {
  const [addressId, setAddressId] = useState<string | null>(null);
  return (
    <Modal open={open} title={title} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={onConfirm(() => {
          if (addressId) onSubmit(addressId);
        })}
      >
        <p className="mb-4 text-sm text-slate-600">{intro}</p>
        <AddressSelect label={label} value={addressId} onChange={setAddressId} error={fieldError} exclude={exclude} />
        <DialogFooter submit={submit} busy={busy || !addressId} />
      </form>
    </Modal>
  );
}

/** "This and all future deliveries" to another address. */
export function ChangeAddressDialog(props: AddressDialogProps & { current: AddressSummaryDto | null }) {
  return (
    <AddressDialog
      {...props}
      title="Change delivery address"
      intro={`${props.current ? `Now: ${addressLine(props.current)}. ` : ""}This and all future deliveries go to the address you pick; orders already created keep theirs.`}
      label="Ship to"
      exclude={props.current?.id ?? null}
      submit="Use this address"
    />
  );
}

/** "Send this one delivery to another address" (a gift): the rest of the schedule keeps the subscription's address. */
export function SendElsewhereDialog(props: AddressDialogProps & { localDate: string; current: AddressSummaryDto | null }) {
  return (
    <AddressDialog
      {...props}
      title="Send this delivery elsewhere"
      intro={`Only the delivery of ${formatLocalDay(props.localDate)} goes to the address you pick; the deliveries after it still go to your subscription's address.`}
      label="Ship this delivery to"
      exclude={props.current?.id ?? null}
      submit="Send it there"
    />
  );
}
