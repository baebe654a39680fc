import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/**
 * How npm start runs the local backend (sandbox/backend/main.ts, under tsx) on `port`, serving
 * the functions built in `<serverlessDir>/functions` (serverless/ unless told otherwise).
 */
export function localBackendCommand(port: number, serverlessDir?: string): { command: string; args: string[] } {
  return {
    command: path.join(root, 'node_modules', '.bin', 'tsx'),
    args: [path.join(root, 'sandbox', 'backend', 'main.ts'), String(port), ...(serverlessDir ? [serverlessDir] : [])],
  };
}
