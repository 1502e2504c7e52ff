/**
 * Every route's contract, in one list: the OpenAPI document is generated from it and
 * route-coverage.test.ts fails when a handler under app/api has no entry here.
 * Adding a route: see docs/conventions.md ("Adding a route").
 */
import { signInRoutes } from "../../auth/sign-in-routes.schema";
import { tokenRoutes } from "../../auth/token-routes.schema";
import { addressRoutes } from "../../customers/address-routes.schema";
import { customerRoutes } from "../../customers/customer-routes.schema";
import { forecastRoutes } from "../../forecast/forecast-routes.schema";
import { healthRoutes } from "../../health/health-routes.schema";
import { intakeAdminRoutes, intakeRoutes } from "../../intake/intake-routes.schema";
import { adminNotificationRoutes } from "../../notifications/admin-notification-routes.schema";
import { notificationRoutes } from "../../notifications/notification-routes.schema";
import { programRoutes } from "../../continuity/program-routes.schema";
import { orderRoutes } from "../../orders/order-routes.schema";
import { emailActionRoutes } from "../../subscriptions/email-action-routes.schema";
import { deliveryAddressRoutes } from "../../subscriptions/delivery-address-routes.schema";
import { saveOfferRoutes } from "../../subscriptions/save-offer-routes.schema";
import { productSwapRoutes } from "../../subscriptions/product-swap-routes.schema";
import { subscriptionRoutes } from "../../subscriptions/subscription-routes.schema";
import { workflowRoutes } from "../../workflows/workflow-routes.schema";
import { httpRoutes } from "../http-routes.schema";
import type { RouteContract } from "../route-contract";

/** Routes that are not ours to describe: next-auth's handlers and the Inngest serve endpoint. */
export const UNDESCRIBED_ROUTES = ["/api/auth/[...nextauth]", "/api/inngest"] as const;

export const ROUTE_CONTRACTS: readonly RouteContract[] = [
  subscriptionRoutes,
  programRoutes,
  orderRoutes,
  notificationRoutes,
  adminNotificationRoutes,
  tokenRoutes,
  customerRoutes,
  intakeRoutes,
  intakeAdminRoutes,
  healthRoutes,
  httpRoutes,
  workflowRoutes,
  forecastRoutes,
  signInRoutes,
  emailActionRoutes,
  saveOfferRoutes,
  productSwapRoutes,
  addressRoutes,
  deliveryAddressRoutes,
].flatMap((area) => Object.values(area));
