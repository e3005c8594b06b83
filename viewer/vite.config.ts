import { defineConfig } from "vitest/config";

// Served by the RiskMap server at "/"; relative asset paths keep it working under any base path.
export default defineConfig({
  base: "./",
  build: {
    outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1500,
    // Font subsets stay files (fetched only when their characters show), never base64 inside the CSS.
    assetsInlineLimit: (file: string) => (/\.woff2?$/.test(file) ? false : undefined),
  },
  server: {
    proxy: {
      "/tiles": "http://127.0.0.1:8080",
      "/api": "http://127.0.0.1:8080",
      "/hubs": { target: "http://127.0.0.1:8080", ws: true },
    },
  },
  test: { environment: "node", include: ["test/**/*.test.ts"] },
});
