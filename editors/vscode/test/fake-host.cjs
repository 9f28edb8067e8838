// What the host scripts share: `require('vscode')` answers with the fake module, unhandled rejections are
// logged as VS Code's extension host logs them (plain Node would die on them), and a polling wait.
const Module = require('node:module');
const fake = require('./fake-vscode.cjs');

const loadModule = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? fake : loadModule.call(this, request, ...rest);
};
const host = fake.__state;
process.on('unhandledRejection', (reason) => host.output.push(`unhandled rejection: ${reason}\n`));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with `test()` once it is truthy; rejects after `ms`. */
async function until(what, test, ms = 60_000, every = 50) {
  const start = Date.now();
  for (;;) {
    const value = test();
    if (value) return value;
    if (Date.now() - start > ms) throw new Error(`timeout: ${what}`);
    await sleep(every);
  }
}

module.exports = { fake, host, sleep, until };
