/**
 * tfjs's CPU backend greets its first tensor in Node with "Hi, looks like you are running
 * TensorFlow.js in Node.js … install our node backend": advice for a machine the grader picks the
 * backend of itself (and names), printed into npm test, a release's output and the "what your code
 * printed" of a report. The greeting is guarded by the backend's `firstUse` flag alone, so clearing
 * that flag drops it and nothing else: tfjs's other warnings still print.
 */
export async function skipNodeBackendBanner(tf: { ready(): Promise<void>; findBackend(name: string): unknown }): Promise<void> {
  // tfjs first picks its backend: a CPU backend found before that would be replaced by a fresh one.
  await tf.ready();
  const cpu = tf.findBackend('cpu') as { firstUse?: unknown } | null;
  if (cpu && typeof cpu.firstUse === 'boolean') cpu.firstUse = false;
}
