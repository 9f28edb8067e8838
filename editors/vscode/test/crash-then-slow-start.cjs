// Preloaded (NODE_OPTIONS=--require) into the language server by host-restart-while-starting.cjs.
// Every server writes its pid to $JXLINT_TEST_DIR/server-<pid>. The first one exits (code 1) soon after
// `initialized`, so the client restarts it by itself; the later ones hold `initialize` back for
// $JXLINT_TEST_INIT_DELAY_MS, which keeps that client in its starting state for as long.
if (process.argv.includes('--stdio') && process.env.JXLINT_TEST_DIR) {
  const fs = require('node:fs');
  const path = require('node:path');
  const dir = process.env.JXLINT_TEST_DIR;
  fs.writeFileSync(path.join(dir, `server-${process.pid}`), '');
  const crashed = path.join(dir, 'crashed');
  const first = !fs.existsSync(crashed);
  const delay = Number(process.env.JXLINT_TEST_INIT_DELAY_MS ?? 1500);
  const emit = process.stdin.emit;
  process.stdin.emit = function (event, chunk, ...rest) {
    if (event === 'data') {
      const text = String(chunk);
      if (first && text.includes('"method":"initialized"')) {
        fs.writeFileSync(crashed, '');
        setTimeout(() => process.exit(1), 300);
      }
      if (!first && text.includes('"method":"initialize"')) {
        setTimeout(() => emit.call(this, event, chunk, ...rest), delay);
        return true;
      }
    }
    return emit.call(this, event, chunk, ...rest);
  };
}
