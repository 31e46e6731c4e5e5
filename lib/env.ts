import { DEFAULT_DATABASE_URL } from "@/lib/db/provider";
import { trustedProxyHops } from "@/lib/http/forwarded";

/**
 * Environment, read in one place. Secrets are never given defaults: the zero-config start
 * (scripts/demo.ts) writes local ones to .env.local, and production refuses to start without them.
 */
export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function appUrl(): string {
  return (process.env.BETTER_AUTH_URL || process.env.APP_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, "");
}

export function isProduction(): boolean {
  return process.env.NODE_ENV === "production";
}

export interface EnvironmentProblem {
  variable: string;
  message: string;
}

/** What is wrong with the environment for serving traffic; empty when all is well. */
export function environmentProblems(env: Record<string, string | undefined> = process.env): EnvironmentProblem[] {
  const problems: EnvironmentProblem[] = [];
  const authSecret = env.BETTER_AUTH_SECRET ?? "";
  if (authSecret.length < 32) {
    problems.push({
      variable: "BETTER_AUTH_SECRET",
      message: "must be set to a random string of at least 32 characters (openssl rand -base64 32)",
    });
  }
  const kek = env.KEY_ENCRYPTION_KEY ?? "";
  if (!/^[A-Za-z0-9+/]{43}=$/.test(kek)) {
    problems.push({
      variable: "KEY_ENCRYPTION_KEY",
      message: "must be 32 random bytes in base64 (openssl rand -base64 32); it encrypts private keys at rest",
    });
  }
  const url = env.DATABASE_URL?.trim() ?? "";
  if (!url) {
    problems.push({ variable: "DATABASE_URL", message: "must be set: file:./data/app.db (SQLite) or postgresql://user@host:5432/db; production never falls back to a default database" });
  } else if (!/^(file:|postgres(ql)?:\/\/)/.test(url)) {
    problems.push({ variable: "DATABASE_URL", message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)" });
  }
  const publicUrl = env.BETTER_AUTH_URL?.trim() ?? "";
  if (!publicUrl) {
    problems.push({ variable: "BETTER_AUTH_URL", message: "must be set to the public URL attendees and admins use, e.g. https://events.example.com" });
  } else if (!isHttpUrl(publicUrl)) {
    problems.push({ variable: "BETTER_AUTH_URL", message: "must be an http:// or https:// URL without a path, e.g. https://events.example.com" });
  }
  if (Number.isNaN(trustedProxyHops(env))) {
    problems.push({ variable: "TRUSTED_PROXY_HOPS", message: "must be a whole number from 0 to 10: how many proxies of yours append to X-Forwarded-For (0 = clients connect directly)" });
  }
  return problems;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && (url.pathname === "/" || url.pathname === "") && !url.search && !url.username;
  } catch {
    return false;
  }
}

/** Whether the public URL is https: cookies are then Secure and HSTS is sent. */
export function publicUrlIsHttps(): boolean {
  return appUrl().startsWith("https://");
}
