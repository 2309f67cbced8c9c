/** A stand-in for the batch worker: answers, hangs or dies depending on the job's id. */
process.on('disconnect', () => process.exit(0));
process.on('message', (m: { type: string; job: { id: string } }) => {
  const { id } = m.job;
  if (id.startsWith('hang')) for (;;);
  if (id.startsWith('crash')) {
    process.stderr.write('fake worker: out of memory\n');
    process.exit(3);
  }
  if (id.startsWith('refuse')) return process.send!({ type: 'failed', id, error: 'not a zip' });
  process.send!({ type: 'done', id, record: { pid: process.pid } });
});
process.send!({ type: 'ready' });
