import { z } from "zod";

/** The JWKS URL an event follows: one rule for the Keys tab's form and the API's PATCH (null stops following). */
export const jwksUrlValue = z
  .string({ error: "jwksUrl must be the https URL where your platform publishes its JWKS, or null to stop following it." })
  .trim()
  .min(1, "Enter the https URL where your platform publishes its JWKS, e.g. https://auth.example.com/.well-known/jwks.json.")
  .max(2048, "The URL is longer than 2,048 characters.");

export const setJwksUrlSchema = z.object({ eventSlug: z.string().min(1).max(100), jwksUrl: jwksUrlValue });
export const stopJwksUrlSchema = z.object({ eventSlug: z.string().min(1).max(100) });
