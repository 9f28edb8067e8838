// Preloaded (NODE_OPTIONS=--require) into the language server by the host smoke test: the server process exits
// as soon as a `shutdown` request reaches it, before answering. The client then sees the server's pipes close
// while it is stopping, the path on which vscode-languageclient 9 forces an error notification.
if (process.argv.includes('--stdio')) {
  const emit = process.stdin.emit;
  process.stdin.emit = function (event, chunk, ...rest) {
    if (event === 'data' && String(chunk).includes('"method":"shutdown"')) setTimeout(() => process.exit(0), 0);
    return emit.call(this, event, chunk, ...rest);
  };
}
