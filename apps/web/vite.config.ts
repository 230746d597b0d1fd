import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The console is served by the Fastify server from apps/web/dist (SPA fallback) in production;
// during development Vite serves it and forwards /api to the server (JINGWEI_API_URL overrides its address).
const proxy = {
  "/api": { target: process.env.JINGWEI_API_URL ?? "http://localhost:3000", changeOrigin: false },
};

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react()],
  server: {
    port: 5173,
    proxy,
  },
  preview: {
    port: 4173,
    proxy,
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
  },
});
