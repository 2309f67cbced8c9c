/**
 * Surviving mutants, each with the reason, keyed per exercise by mutator, original text and
 * replacement (not by line, so an edit elsewhere in the file keeps the record).
 * - EQUIVALENT: the mutant behaves as the contract asks (no check may fail it); it leaves the score.
 * - UNDETECTABLE: the mutant is wrong, but no check can tell it from a correct submission without
 *   refusing correct ones; it stays in the score as a survivor, with the reason beside it.
 */
export const equivalenceKey = (mutator: string, original: string, replacement: string) => `${mutator}: ${original} → ${replacement}`;

type Mutant = [mutator: string, original: string, replacement: string];
/** Several mutants recorded for one reason. */
const sameReason = (reason: string, mutants: readonly Mutant[]) => Object.fromEntries(mutants.map((m) => [equivalenceKey(...m), reason]));

const FUNCTION_NAME = "the function's name in an error message: the contract asks that the message name the argument, which it still does";
const ENTRIES_UNCHECKED = 'entries that are not numbers go unchecked: the contract types the arguments as arrays of numbers and does not list other entries among the invalid inputs';
const MESSAGE_DETAIL = 'a detail of the error message dropped: the message still names the argument, which is all the contract asks';
const TIMES_ZERO = 'one more pass over the spare (zero) weights: it adds 0 × a pixel to every sum, which changes nothing for finite pixels, the only ones the checks feed';
const PAST_THE_END = "the loop runs one step further: what it writes lands past the end of a typed array (dropped) or in the next row's first cell of the padded image, which that row then overwrites";
const PREALLOCATION = 'array preallocation: JavaScript arrays grow on assignment, the values are the same';

export const EQUIVALENT: Record<string, Record<string, string>> = {
  convolution: {
    [equivalenceKey('StringLiteral', "'convolve'", '""')]: FUNCTION_NAME,
    [equivalenceKey('StringLiteral', "'movingAverageKernel'", '""')]: FUNCTION_NAME,
    [equivalenceKey('StringLiteral', "'binomialKernel'", '""')]: FUNCTION_NAME,
    [equivalenceKey('StringLiteral', "'smooth'", '""')]: FUNCTION_NAME,
    [equivalenceKey('EqualityOperator', 'v.length > a.length', 'v.length >= a.length')]: 'swapping two sequences of equal length: convolution commutes and both orders keep the same slice (the sums run in the other order, within the contract\'s 1e-9)',
    [equivalenceKey('ArrayDeclaration', 'new Array(length)', 'new Array()')]: PREALLOCATION,
    [equivalenceKey('ArrayDeclaration', 'new Array(r + 1)', 'new Array()')]: PREALLOCATION,
    [equivalenceKey('ArithmeticOperator', 'r + 1', 'r - 1')]: PREALLOCATION + ' (r ≥ 1 here, so the length is never negative)',
    [equivalenceKey('EqualityOperator', 'i < x.length', 'i >= x.length')]: ENTRIES_UNCHECKED,
    [equivalenceKey('ConditionalExpression', 'ok && i < x.length', 'false')]: ENTRIES_UNCHECKED,
    [equivalenceKey('ConditionalExpression', "typeof x[i] === 'number'", 'true')]: ENTRIES_UNCHECKED,
    [equivalenceKey('ConditionalExpression', "typeof size !== 'number'", 'false')]: 'Number.isInteger refuses every value that is not a number, so the typeof test only duplicates it',
  },
  convolution2d: {
    [equivalenceKey('StringLiteral', "'convolve2d'", '""')]: FUNCTION_NAME,
    [equivalenceKey('StringLiteral', "'correlate2d'", '""')]: FUNCTION_NAME,
    ...sameReason('options that are not an object go unchecked (null then means no options): the contract types options as an optional object and does not list other values among the invalid inputs', [
      ['ConditionalExpression', "options !== undefined && (options === null || typeof options !== 'object')", 'false'],
      ['LogicalOperator', "options === null || typeof options !== 'object'", "options === null && typeof options !== 'object'"],
      ['ConditionalExpression', 'options === null', 'false'],
      ['ConditionalExpression', "typeof options !== 'object'", 'false'],
      ['BlockStatement', "{ throw new Error(`${fn}: argument 'options' must be an object (got ${String(options)})`); }", '{}'],
      ['StringLiteral', "`${fn}: argument 'options' must be an object (got ${String(options)})`", '``'],
    ]),
    ...sameReason('a fillValue that is not a number goes unchecked: the contract types it as a number and does not list other values among the invalid inputs', [
      ['ConditionalExpression', "typeof fillValue !== 'number'", 'false'],
      ['BlockStatement', "{ throw new Error(`${fn}: argument 'options.fillValue' must be a number (got ${JSON.stringify(fillValue)})`); }", '{}'],
      ['StringLiteral', "`${fn}: argument 'options.fillValue' must be a number (got ${JSON.stringify(fillValue)})`", '``'],
    ]),
    [equivalenceKey('StringLiteral', '`must be at least as large as the other in every dimension`', '``')]: MESSAGE_DETAIL + ' (both image and kernel)',
    [equivalenceKey('StringLiteral', "'got no rows'", '""')]: MESSAGE_DETAIL,
    [equivalenceKey('StringLiteral', "'row 0 is empty or not an array'", '""')]: MESSAGE_DETAIL,
    [equivalenceKey('StringLiteral', "'no'", '""')]: MESSAGE_DETAIL,
    [equivalenceKey('StringLiteral', '`row ${r} has ${Array.isArray(row) ? row.length : \'no\'} entries, row 0 has ${cols}`', '``')]: MESSAGE_DETAIL,
    [equivalenceKey('StringLiteral', '`entry [${r}][${c}] is ${typeof row[c]}`', '``')]: MESSAGE_DETAIL,
    ...sameReason('the next test (row 0 must be a non-empty array) refuses the same inputs, with a message naming the same argument', [
      ['ConditionalExpression', '!Array.isArray(m) || m.length === 0', 'false'],
      ['LogicalOperator', '!Array.isArray(m) || m.length === 0', '!Array.isArray(m) && m.length === 0'],
      ['ConditionalExpression', 'm.length === 0', 'false'],
    ]),
    ...sameReason(ENTRIES_UNCHECKED, [
      ['ConditionalExpression', 'c < cols', 'false'],
      ['EqualityOperator', 'c < cols', 'c >= cols'],
      ['BlockStatement', "{ if (typeof row[c] !== 'number') bad(`entry [${r}][${c}] is ${typeof row[c]}`); }", '{}'],
      ['ConditionalExpression', "typeof row[c] !== 'number'", 'false'],
    ]),
    [equivalenceKey('ArithmeticOperator', 'oh + kh - 1', 'oh + kh + 1')]: 'the padded image gets two more rows than the windows reach; they are filled and never read',
    [equivalenceKey('ArithmeticOperator', 'ow + kw - 1', 'ow + kw + 1')]: 'the padded image gets two more columns than the windows reach (its row stride grows with them, read and written alike); they are filled and never read',
    [equivalenceKey('EqualityOperator', 'q < pw', 'q <= pw')]: PAST_THE_END,
    [equivalenceKey('EqualityOperator', 'p < ph', 'p <= ph')]: PAST_THE_END,
    [equivalenceKey('EqualityOperator', 'i < n', 'i <= n')]: PAST_THE_END,
    [equivalenceKey('EqualityOperator', 't < taps', 't <= taps')]: TIMES_ZERO + ' (when the taps are a multiple of five)',
    [equivalenceKey('ArithmeticOperator', 'taps - t', 'taps + t')]: TIMES_ZERO + ' (a group of fewer than five taps after the first takes five)',
    [equivalenceKey('ArrayDeclaration', 'new Array(oh)', 'new Array()')]: PREALLOCATION,
    [equivalenceKey('ArrayDeclaration', 'new Array(ow)', 'new Array()')]: PREALLOCATION,
    [equivalenceKey('MethodExpression', 'row.slice()', 'row')]: "the swapped 'valid' result is reversed in place rather than copied: nothing else holds the freshly computed rows",
  },
};

/** The whole-word rule (grader/checks/support/errors.ts) takes the article "a" for convolve's argument a. */
const ARTICLE_A = 'the message still reads "must be a non-empty array", and the article a is the whole word a, which names convolve\'s argument a (a smooth that delegates may name it); a rule that told the article from the argument would refuse messages like "a must not be empty"';

export const UNDETECTABLE: Record<string, Record<string, string>> = {
  convolution: {
    [equivalenceKey('StringLiteral', "'a'", '""')]: ARTICLE_A,
    [equivalenceKey('StringLiteral', "'signal'", '""')]: ARTICLE_A,
  },
};
