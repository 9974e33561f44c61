// Vite build of the single-page UI into ui/dist (Tauri's frontendDist), plus the Vitest setup.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  // Relative asset URLs: the page is served from Tauri's custom protocol and from a test server.
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The webview is a current WebKitGTK/WebView2/WKWebView; no legacy transpiling needed.
    target: 'es2022',
  },
  // Stores are compiled for the browser so runes stay reactive under test.
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
