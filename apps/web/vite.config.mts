import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The gateway serves the build at `/` (apps/gateway/src/http/web-app.ts); in development Vite proxies /api to it.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Ant Design and React change less often than the pages: their own file stays cached across releases.
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              test: /node_modules[\\/](antd|@ant-design|rc-|@rc-component|react|react-dom|react-router|dayjs|@tanstack)/,
            },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': process.env.LAUREL_GATEWAY_URL ?? 'http://127.0.0.1:3000' } },
});
