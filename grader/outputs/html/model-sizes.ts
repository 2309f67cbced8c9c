/** Parameter counts of well-known models, for the "how big is your model?" chart. */
export interface KnownModel {
  name: string;
  parameters: number;
  /** How the number is shown (exact where it is known exactly). */
  display: string;
}

export const KNOWN_MODELS: readonly KnownModel[] = [
  { name: 'LeNet-5 (1998)', parameters: 60_000, display: '≈ 60k' },
  { name: 'AlexNet (2012)', parameters: 61_000_000, display: '≈ 61M' },
  { name: 'VGG16 (2014)', parameters: 138_357_544, display: '138,357,544' },
  { name: 'ResNet-50 (2015)', parameters: 25_600_000, display: '≈ 25.6M' },
  { name: 'DeepSeek-R1 (2025)', parameters: 671e9, display: '671B' },
  { name: 'GPT-4 (2023)', parameters: 1.8e12, display: '1.8T (reported)' },
];
