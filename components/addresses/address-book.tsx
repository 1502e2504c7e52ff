"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { AddressForm } from "./address-form";
import { addressListQuery, useAddressMutation, type AddressDto, type AddressMutation } from "./queries";

type Editing = { kind: "new" } | { kind: "edit"; id: string } | null;

const DONE: Record<AddressMutation["kind"], string> = {
  add: "Address added.",
  update: "Address saved. Subscriptions that ship there use it from their next order.",
  delete: "Address deleted.",
  default: "Default address changed.",
};

/** The portal's address book: list, add, edit, delete, make default. */
export function AddressBook() {
  const list = useQuery(addressListQuery());
  const mutation = useAddressMutation();
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<string | null>(null);
  const run = (m: AddressMutation) => {
    setMessage(null);
    mutation.mutate(m, {
      onSuccess: () => {
        setMessage(DONE[m.kind]);
        setEditing(null);
      },
    });
  };
  const open = (e: Editing) => {
    mutation.reset();
    setMessage(null);
    setEditing(e);
  };

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
  // Errors of list actions (delete refused…) show under the list; a form shows its own.
  const listError = mutation.error && !editing ? mutation.error : null;

  return (
    <div className="flex flex-col gap-4">
      <div aria-live="polite" className="min-h-5 text-sm">
        {message && (
          <p role="status" className="text-brand-700">
            {message}
          </p>
        )}
        {listError && (
          <p role="alert" className="text-red-600">
            {listError.message}
          </p>
        )}
      </div>
      {list.data.length === 0 && editing?.kind !== "new" && (
        <EmptyState title="No addresses yet">Add one to ship your subscriptions to it.</EmptyState>
      )}
      <ul className="grid gap-4 md:grid-cols-2" aria-label="Your addresses">
        {list.data.map((a) =>
          editing?.kind === "edit" && editing.id === a.id ? (
            <li key={a.id} className="rounded-lg border border-slate-200 bg-white p-4 md:col-span-2">
              <AddressForm
                initial={a}
                submitLabel="Save address"
                busy={mutation.isPending}
                serverError={mutation.error}
                onSubmit={(input) => run({ kind: "update", id: a.id, input })}
                onCancel={() => open(null)}
              />
            </li>
          ) : (
            <AddressCard key={a.id} address={a} busy={mutation.isPending} onEdit={() => open({ kind: "edit", id: a.id })} onRun={run} />
          ),
        )}
      </ul>
      {editing?.kind === "new" ? (
        <section aria-labelledby="new-address-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="new-address-heading" className="mb-4 text-base font-semibold">
            New address
          </h2>
          <AddressForm
            submitLabel="Add address"
            busy={mutation.isPending}
            serverError={mutation.error}
            onSubmit={(input) => run({ kind: "add", input })}
            onCancel={() => open(null)}
          />
        </section>
      ) : (
        <div>
          <Button onClick={() => open({ kind: "new" })}>Add an address</Button>
        </div>
      )}
    </div>
  );
}

function AddressCard({
  address: a,
  busy,
  onEdit,
  onRun,
}: {
  address: AddressDto;
  busy: boolean;
  onEdit: () => void;
  onRun: (m: AddressMutation) => void;
}) {
  const headingId = `address-${a.id}`;
  return (
    <li className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="address-card">
      <div className="flex items-start justify-between gap-2">
        <h2 id={headingId} className="font-medium text-slate-900">
          {a.name}
        </h2>
        {a.isDefault && <span className="rounded bg-brand-100 px-1.5 py-0.5 text-xs text-brand-700">Default</span>}
      </div>
      <address className="text-sm not-italic text-slate-700">
        {a.line1}
        {a.line2 && (
          <>
            <br />
            {a.line2}
          </>
        )}
        <br />
        {a.city}
        {a.region ? `, ${a.region}` : ""} {a.postalCode}
        <br />
        {a.country}
      </address>
      {!a.valid && <p className="text-xs text-red-700">This address failed verification; orders to it are held. Edit it to fix it.</p>}
      {a.usedBy.length > 0 && (
        <p className="text-xs text-slate-600">
          Ships:{" "}
          {a.usedBy.map((u, i) => (
            <span key={`${u.subscriptionId}:${u.cycleIndex}`}>
              {i > 0 && ", "}
              <Link href={`/subscriptions/${u.subscriptionId}`} className="text-brand-700 underline">
                {u.productName}
              </Link>
              {u.cycleIndex !== null && " (one delivery)"}
            </span>
          ))}
        </p>
      )}
      <div className="mt-auto flex flex-wrap gap-2">
        <Button variant="secondary" onClick={onEdit} aria-label={`Edit ${a.name}, ${a.line1}`}>
          Edit
        </Button>
        {!a.isDefault && (
          <Button variant="secondary" disabled={busy} onClick={() => onRun({ kind: "default", id: a.id })} aria-label={`Make ${a.line1} the default`}>
            Make default
          </Button>
        )}
        <Button variant="danger" disabled={busy} onClick={() => onRun({ kind: "delete", id: a.id })} aria-label={`Delete ${a.name}, ${a.line1}`}>
          Delete
        </Button>
      </div>
    </li>
  );
}
