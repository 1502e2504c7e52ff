import type { ConnectedChannel, ConnectionView } from "../channel-connections.schema";
import type { ConnectionRow } from "./load-connection";

/** What the API shows of a connection: never a credential or secret, only whether one is set. */
export function connectionView(row: ConnectionRow): ConnectionView {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: row.id,
    channel: row.channel as ConnectedChannel,
    slug: row.slug,
    name: row.name,
    apiBaseUrl: row.apiBaseUrl,
    enabled: row.enabled,
    reconcileEveryMinutes: row.reconcileEveryMinutes,
    hasWebhookSecret: row.webhookSecretCiphertext !== null,
    webhookPath: `/api/intake/${row.channel}/${row.id}`,
    watermark: iso(row.watermark),
    lastReconciledAt: iso(row.lastReconciledAt),
    lastReconcileError: row.lastReconcileError,
    lastTestAt: iso(row.lastTestAt),
    lastTestOk: row.lastTestOk,
    lastTestMessage: row.lastTestMessage,
  };
}
