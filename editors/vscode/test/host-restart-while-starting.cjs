// "Restart server" while the client is restarting a crashed server by itself: runs the bundled extension in the
// fake host with crash-then-slow-start.cjs preloaded into the server, gives the command while the client is
// still starting, stops the extension, and prints what a user would see as one JSON object on stdout.
// Usage: NODE_OPTIONS=--require=…/crash-then-slow-start.cjs JXLINT_TEST_DIR=<empty dir> node test/host-restart-while-starting.cjs <jxlint .js> <workspace>
const path = require('node:path');
const fs = require('node:fs');
const { fake, host, until } = require('./fake-host.cjs');

const [serverPath, workspace] = process.argv.slice(2);
const dir = process.env.JXLINT_TEST_DIR;

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const serverPids = () => fs.readdirSync(dir).filter((f) => f.startsWith('server-')).map((f) => Number(f.slice('server-'.length)));

(async () => {
  const seen = {};
  host.settings.path = serverPath;
  host.workspaceFolders = [{ uri: fake.Uri.file(workspace), name: 'ws', index: 0 }];
  const extension = require(path.join(__dirname, '..', 'dist', 'extension.js'));
  const context = { subscriptions: [], extensionPath: path.join(__dirname, '..'), extensionUri: fake.Uri.file(path.join(__dirname, '..')) };
  await extension.activate(context);
  const log = () => host.output.join('');
  // The first server exits; the client logs that it restarts it and is starting the second one.
  await until('the client restarting the crashed server', () => log().includes('Server will restart'), 60_000, 20);
  await until('the second server', () => serverPids().length >= 2, 60_000, 20);
  seen.serversBeforeRestart = serverPids().length;
  await host.commands.get('jxlint.restartServer')();
  seen.serversAfterRestart = serverPids().length;
  await extension.deactivate();
  for (const d of context.subscriptions) d.dispose?.();
  // The client kills a server that has not exited 2 s after a stop; give it that long and a margin.
  await until('every server process gone', () => serverPids().every((pid) => !alive(pid)), 10_000, 20).catch(() => undefined);
  seen.aliveAtEnd = serverPids().filter(alive);
  seen.notifications = host.messages;
  seen.output = log().slice(-6000);
  process.stdout.write(JSON.stringify(seen));
  setTimeout(() => process.exit(0), 200);
})().catch((error) => {
  process.stderr.write(`host-restart-while-starting: ${error.stack}\n${host.output.join('').slice(-3000)}\n`);
  for (const pid of fs.existsSync(dir) ? serverPids() : []) if (alive(pid)) process.kill(pid);
  process.exit(1);
});
