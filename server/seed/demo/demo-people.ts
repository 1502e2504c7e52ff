import type { ImportedCustomer } from "@/server/customers/import-customers";
import type { Random } from "./random";

/** The cities customers live in: six time zones, so schedules and reminders show the zone rules. */
const CITIES = [
  { timeZone: "America/New_York", city: "New York", region: "NY", country: "US", postal: "10001", area: "US-East" },
  { timeZone: "America/Los_Angeles", city: "Los Angeles", region: "CA", country: "US", postal: "90012", area: "US-West" },
  { timeZone: "Europe/London", city: "London", region: null, country: "GB", postal: "EC1A 1BB", area: "UK" },
  { timeZone: "Europe/Berlin", city: "Berlin", region: null, country: "DE", postal: "10115", area: "EU" },
  { timeZone: "Australia/Sydney", city: "Sydney", region: "NSW", country: "AU", postal: "2000", area: "APAC" },
  { timeZone: "Asia/Tokyo", city: "Tokyo", region: null, country: "JP", postal: "100-0001", area: "APAC" },
] as const;

const FIRST = [
  "Ada",
  "Ben",
  "Chloe",
  "Dev",
  "Elena",
  "Farid",
  "Grace",
  "Hiro",
  "Ines",
  "Jonas",
  "Kira",
  "Liam",
  "Maya",
  "Noah",
  "Olga",
  "Pablo",
  "Quinn",
  "Rosa",
  "Sam",
  "Tara",
  "Umar",
  "Vera",
  "Wen",
  "Yuki",
  "Zoe",
];
const LAST = [
  "Adams",
  "Berger",
  "Chen",
  "Dubois",
  "Evans",
  "Fischer",
  "Garcia",
  "Hughes",
  "Ito",
  "Jensen",
  "Kowalski",
  "Lopez",
  "Murphy",
  "Nakamura",
  "Okafor",
  "Patel",
  "Rossi",
  "Schmidt",
  "Tanaka",
  "Walsh",
];
const STREETS = ["Maple Ave", "High Street", "Hauptstraße", "George St", "Sakura-dori", "Sunset Blvd", "Elm St", "Baker St"];

export type DemoPerson = ImportedCustomer & {
  /** Test-gateway card: most approve; a few decline, fail capture, or hit a gateway that is down. */
  card: "approve" | "decline" | "captureDecline" | "alwaysError";
};

/** `count` customers, deterministic for a given generator state. Emails are @example.com (never delivered). */
export function demoPeople(random: Random, count: number): DemoPerson[] {
  return Array.from({ length: count }, (_, i) => {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    const place = CITIES[i % CITIES.length]!;
    return {
      email: `${first}.${last}.${i + 1}@example.com`.toLowerCase(),
      name: `${first} ${last}`,
      timeZone: place.timeZone,
      tier: random.chance(0.25) ? "gold" : "standard",
      region: place.area,
      address: {
        line1: `${random.int(1, 400)} ${random.pick(STREETS)}`,
        city: place.city,
        region: place.region,
        postalCode: place.postal,
        country: place.country,
        // A few addresses failed verification: their orders are rejected by the workflow.
        valid: !random.chance(0.03),
      },
      card: random.weighted([
        ["approve", 90],
        ["decline", 6],
        ["captureDecline", 2],
        ["alwaysError", 2],
      ] as const),
    };
  });
}
