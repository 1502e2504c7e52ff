/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL (production deploys). */
import { migrateDatabase } from "./migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is required");
  process.exit(1);
}
await migrateDatabase(url);
console.log("migrations applied");
