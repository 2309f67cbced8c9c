// Compiles the grader's SIMD kernels with AssemblyScript: `{ source, options }` as JSON on stdin,
// the module's binary on stdout, the compiler's complaint on stderr. Plain JavaScript run by a
// plain `node`: under tsx's loader, loading the compiler alone took 1.5 GB and ~25 s.
import asc from 'assemblyscript/asc';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { source, options } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const { error, stderr, binary } = await asc.compileString({ 'kernels.ts': source }, options);
if (error || !binary) {
  process.stderr.write(`${error?.message ?? 'no binary'}\n${stderr.toString()}`);
  process.exitCode = 1;
} else {
  process.stdout.write(binary);
}
