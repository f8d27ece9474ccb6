/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'scripts/**/*.test.ts', 'bridge/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**'],
    // Two cores: keep parallelism modest so the real-Redis tests keep their timing.
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
