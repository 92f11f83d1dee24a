/** Stops the local runtime the way Ctrl-C does, and waits until its emulators are gone. */
export default async function globalTeardown(): Promise<void> {
  const child = globalThis.eboxRuntime;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
