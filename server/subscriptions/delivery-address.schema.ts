/** Request shapes of the subscription address routes (pure: the portal imports them). */
import { z } from "zod";
import { requestSchemas } from "../http/named-schemas";
import { idSchema } from "./subscription.schema";

export const subscriptionAddressSchema = z
  .object({ addressId: idSchema("Choose one of your addresses").meta({ description: "One of your addresses (GET /api/v1/addresses)." }) })
  .register(requestSchemas, { id: "SubscriptionAddressRequest" });
export type SubscriptionAddressInput = z.infer<typeof subscriptionAddressSchema>;
