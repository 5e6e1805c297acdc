// Starts the real API host (the built Jiebang.Host.dll) on a fresh SQLite database in a temporary folder, serving
// the built SPA at /admin. Business time can be moved forward between starts with DevClock:Offset (Development only).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..', '..');
const hostDir = join(repo, 'api/src/Host/bin/Debug/net10.0');
const dist = join(repo, 'web-admin/dist');

async function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

export class Host {
  constructor() {
    if (!existsSync(join(hostDir, 'Jiebang.Host.dll'))) {
      throw new Error(`The host is not built (${hostDir}); run \`dotnet build Jiebang.slnx\` first.`);
    }
    if (!existsSync(join(dist, 'index.html'))) {
      throw new Error('The SPA is not built; run `npm run build` in web-admin first.');
    }
    this.dataDir = mkdtempSync(join(tmpdir(), 'jiebang-e2e-'));
    this.process = null;
    this.port = 0;
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts (or restarts) the host with business time shifted by the given number of days. */
  async start(offsetDays = 0) {
    await this.stop();
    // The same port across restarts keeps the browser contexts (and their signed-in sessions) on one origin.
    this.port ||= await freePort();
    const log = createWriteStream(join(this.dataDir, `host-${offsetDays}.log`));
    const args = [
      'Jiebang.Host.dll',
      '--urls', this.url,
      '--ConnectionStrings:Jiebang', `Data Source=${join(this.dataDir, 'jiebang.db')}`,
      '--Attachments:Path', join(this.dataDir, 'attachments'),
      '--WebAdmin:Path', dist,
      '--Demo:Seed', 'true',
      '--Logging:LogLevel:Default', 'Warning',
    ];
    if (offsetDays) args.push('--DevClock:Offset', `${offsetDays}.00:00:00`);
    this.process = spawn('dotnet', args, {
      cwd: hostDir,
      env: { ...process.env, ASPNETCORE_ENVIRONMENT: 'Development', DOTNET_NOLOGO: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process.stdout.pipe(log);
    this.process.stderr.pipe(log);
    const started = Date.now();
    while (Date.now() - started < 60_000) {
      if (this.process.exitCode !== null) throw new Error(`The host exited with code ${this.process.exitCode}; see ${this.dataDir}`);
      try {
        const response = await fetch(`${this.url}/health/ready`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('The host did not become ready within 60 s.');
  }

  async stop() {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    this.process = null;
  }

  async dispose(keep) {
    await this.stop();
    if (!keep) rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** A call straight to the API as the given demo user, for checks the UI must never allow. */
  async apiAs(userName, path, init = {}) {
    const token = await this.token(userName);
    return fetch(`${this.url}${path}`, { ...init, headers: { ...(init.headers ?? {}), Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } });
  }

  async token(userName) {
    const response = await fetch(`${this.url}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userName, password: 'Demo#2026' }),
    });
    if (!response.ok) throw new Error(`Sign-in as ${userName} failed: ${response.status}`);
    return (await response.json()).accessToken;
  }
}
