import { z } from "zod";
import { isValidTimeZone } from "../schedule";

export const registerCustomerSchema = z.object({
  name: z.string().trim().min(1, "Enter your name").max(120),
  email: z.string().trim().toLowerCase().email("Enter a valid email address"),
  password: z.string().min(8, "Use at least 8 characters").max(200),
  timeZone: z.string().refine(isValidTimeZone, "Unknown time zone"),
});
export type RegisterCustomerInput = z.infer<typeof registerCustomerSchema>;
