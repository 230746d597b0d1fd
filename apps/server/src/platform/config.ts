import { resolve } from "node:path";

/** Runtime settings, all from the environment so that one build runs anywhere. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  demoPassword: string;
  /** Send the session cookie with the Secure flag (behind HTTPS). */
  secureCookies: boolean;
  sessionHours: number;
  /** Largest upload accepted, in bytes. */
  maxUploadBytes: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "0.0.0.0",
    databaseUrl: env.DATABASE_URL?.trim() || null,
    dataDir: resolve(env.JINGWEI_DATA_DIR ?? "data"),
    demoPassword: env.JINGWEI_DEMO_PASSWORD ?? "jingwei-demo",
    secureCookies: env.JINGWEI_SECURE_COOKIES === "true",
    sessionHours: Number(env.JINGWEI_SESSION_HOURS ?? 12),
    maxUploadBytes: Number(env.JINGWEI_MAX_UPLOAD_MB ?? 20) * 1024 * 1024,
  };
}
