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
/**
 * The checks call every function with the JavaScript types its signature declares and, within
 * them, give the values the contract refuses (empty or ragged arrays, unknown modes, sizes below
 * 1 or not whole); a value of another type (null, a string for a number, …) is TypeScript's to refuse.
 */
const wrongType = (what: string) => `${what} goes unchecked: it is of another JavaScript type than the contract's signature declares, and the checks feed only the declared types`;
const ENTRIES_UNCHECKED = wrongType('an entry that is not a number');
const MESSAGE_DETAIL = 'a detail of the error message dropped: the message still names the argument, which is all the contract asks';
const TIMES_ZERO = 'one more pass over the spare (zero) weights: it adds 0 × a pixel to every sum, which changes nothing for finite pixels, the only ones the checks feed';
const PAST_THE_END = "the loop runs one step further: what it writes lands past the end of a typed array (dropped) or in the next row's first cell of the padded image, which that row then overwrites";
/** The stubs (exercises/parameters.ts, exercises/layers.ts) list what to refuse; the contract's types exclude the rest. */
const unlisted = (what: string) => `the reference refuses ${what}, which the stub does not list among the inputs to refuse (the contract's type excludes it, and tfjs refuses it too), so the checks do not demand a throw`;
const TYPEOF_BEFORE_IS_INTEGER = 'Number.isInteger refuses every value that is not a number, so the typeof test only duplicates it';
const PREALLOCATION = 'array preallocation: JavaScript arrays grow on assignment, the values are the same';

export const EQUIVALENT: Record<string, Record<string, string>> = {
  augment: {
    ...sameReason(FUNCTION_NAME, [
      ['StringLiteral', "'translate'", '""'],
      ['StringLiteral', "'rotate'", '""'],
      ['StringLiteral', "'scale'", '""'],
    ]),
    ...sameReason(PREALLOCATION, [
      ['ArrayDeclaration', 'new Array(h)', 'new Array()'],
      ['ArrayDeclaration', 'new Array(w)', 'new Array()'],
    ]),
    ...sameReason("the contract asks rotate for no refusal of its angle (it asks scale to refuse a factor that is not a positive finite number, and translate a shift that is not whole); with NaN or ±Infinity degrees the mutant returns fill everywhere, which no check grades", [
      ['ConditionalExpression', "typeof degrees !== 'number' || !Number.isFinite(degrees)", 'false'],
      ['LogicalOperator', "typeof degrees !== 'number' || !Number.isFinite(degrees)", "typeof degrees !== 'number' && !Number.isFinite(degrees)"],
      ['ConditionalExpression', "typeof degrees !== 'number'", 'false'],
      ['BlockStatement', "{ throw new Error(`rotate: argument 'degrees' must be a finite number (got ${String(degrees)})`); }", '{}'],
      ['StringLiteral', "`rotate: argument 'degrees' must be a finite number (got ${String(degrees)})`", '``'],
    ]),
    [equivalenceKey('ConditionalExpression', "typeof factor !== 'number'", 'false')]: 'Number.isFinite refuses every value that is not a number, so the typeof test only duplicates it',
    ...sameReason('the exact quarter turns are a shortcut: Math.cos and Math.sin give the same turn to within 1e-16, far inside the checks\' 1e-9 and the contract\'s border slack of 1e-9', [
      ['ArithmeticOperator', '((degrees % 360) + 360) % 360', '(degrees % 360 + 360) * 360'],
      ['ArithmeticOperator', '(degrees % 360) + 360', 'degrees % 360 - 360'],
      ['ConditionalExpression', 'd === 0', 'false'],
      ['ConditionalExpression', 'd === 90', 'false'],
      ['ConditionalExpression', 'd === 180', 'false'],
      ['ConditionalExpression', 'd === 270', 'false'],
    ]),
    ...sameReason('unclamped, a source point at most 1e-9 past the last column (row) still interpolates between that column and itself: the same value', [
      ['ArithmeticOperator', 'w - 1', 'w + 1'],
      ['ArithmeticOperator', 'h - 1', 'h + 1'],
    ]),
    ...sameReason(wrongType('a fill that is not a number'), [
      ['BlockStatement', "{ if (typeof fill !== 'number') throw new Error(`${fn}: argument 'fill' must be a number (got ${String(fill)})`); }", '{}'],
      ['ConditionalExpression', "typeof fill !== 'number'", 'false'],
      ['StringLiteral', "`${fn}: argument 'fill' must be a number (got ${String(fill)})`", '``'],
    ]),
    ...sameReason('the next test (row 0 must be an array) refuses the same images of the declared type', [
      ['LogicalOperator', 'Array.isArray(m) && m.length > 0 && Array.isArray(m[0])', 'Array.isArray(m) && m.length > 0 || Array.isArray(m[0])'],
      ['ConditionalExpression', 'Array.isArray(m) && m.length > 0', 'true'],
      ['LogicalOperator', 'Array.isArray(m) && m.length > 0', 'Array.isArray(m) || m.length > 0'],
      ['ConditionalExpression', 'm.length > 0', 'true'],
      ['EqualityOperator', 'm.length > 0', 'm.length >= 0'],
    ]),
    ...sameReason(ENTRIES_UNCHECKED, [
      ['ConditionalExpression', 'ok && c < cols', 'false'],
      ['EqualityOperator', 'c < cols', 'c >= cols'],
      ['ConditionalExpression', "typeof row[c] === 'number'", 'true'],
    ]),
  },
  cnn: {
    [equivalenceKey('ObjectLiteral', '{ poolSize: 2 }', '{}')]: "tfjs's maxPooling2d defaults to poolSize 2: the same model, layer for layer",
  },
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
    [equivalenceKey('ConditionalExpression', "typeof size !== 'number'", 'false')]: TYPEOF_BEFORE_IS_INTEGER,
  },
  convolution2d: {
    [equivalenceKey('StringLiteral', "'convolve2d'", '""')]: FUNCTION_NAME,
    [equivalenceKey('StringLiteral', "'correlate2d'", '""')]: FUNCTION_NAME,
    ...sameReason(wrongType('an options argument that is not an object (null then means no options)'), [
      ['ConditionalExpression', "options !== undefined && (options === null || typeof options !== 'object')", 'false'],
      ['LogicalOperator', "options === null || typeof options !== 'object'", "options === null && typeof options !== 'object'"],
      ['ConditionalExpression', 'options === null', 'false'],
      ['ConditionalExpression', "typeof options !== 'object'", 'false'],
      ['BlockStatement', "{ throw new Error(`${fn}: argument 'options' must be an object (got ${String(options)})`); }", '{}'],
      ['StringLiteral', "`${fn}: argument 'options' must be an object (got ${String(options)})`", '``'],
    ]),
    ...sameReason(wrongType('a fillValue that is not a number'), [
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
  filters: {
    [equivalenceKey('ConditionalExpression', "typeof size !== 'number'", 'false')]: TYPEOF_BEFORE_IS_INTEGER,
  },
  layers: {
    ...sameReason(FUNCTION_NAME, [
      ['StringLiteral', "'conv2dForward'", '""'],
      ['StringLiteral', "'conv2dBackward'", '""'],
      ['StringLiteral', "'maxPool2dForward'", '""'],
      ['StringLiteral', "'maxPool2dBackward'", '""'],
    ]),
    ...sameReason(MESSAGE_DETAIL, [
      ['StringLiteral', '`has ${b.shape[0]} values but w has ${g.F} filters`', '``'],
      ['StringLiteral', "`${size} is larger than x (H=${H}, W=${W}); 'valid' pooling needs the window inside the input`", '``'],
      ['StringLiteral', '`has ${KC} input channels (shape [${w.shape}]) but x has ${C} (shape [${x.shape}])`', '``'],
      ['StringLiteral', "'height'", '""'],
      ['StringLiteral', "'width'", '""'],
      ['StringLiteral', "`kernel ${axis} ${k} is larger than the input ${axis} ${n} with padding 'valid'`", '``'],
      ['StringLiteral', '`must have rank ${rank}, got shape [${t.shape}]`', '``'],
      ['StringLiteral', '`has an invalid dimension ${d} in shape [${t.shape}]`', '``'],
      ['StringLiteral', '`has ${data.length} values but shape [${t.shape}] needs ${size}`', '``'],
      ['StringLiteral', '`must have shape [${shape}], got [${t.shape}]`', '``'],
      ['StringLiteral', '`must be a positive integer, got ${String(v)}`', '``'],
    ]),
    ...sameReason("the loop runs one step further: what it writes lands past the end of a typed array (dropped) or on an output that the following steps write again", [
      ['EqualityOperator', 'n < N', 'n <= N'],
      ['EqualityOperator', 'oh < OH', 'oh <= OH'],
      ['EqualityOperator', 'ow < OW', 'ow <= OW'],
      ['EqualityOperator', 'f < F', 'f <= F'],
    ]),
    ...sameReason("the window's first index is only a fallback: the first value of a window that is finite beats -Infinity and replaces it, and the checks feed finite values", [
      ['ArithmeticOperator', '((n * H + oh * s) * W + ow * s) * C + c', '((n * H + oh * s) * W + ow * s) * C - c'],
      ['ArithmeticOperator', '((n * H + oh * s) * W + ow * s) * C', '((n * H + oh * s) * W + ow * s) / C'],
      ['ArithmeticOperator', '(n * H + oh * s) * W', '(n * H + oh * s) / W'],
      ['ArithmeticOperator', '(n * H + oh * s) * W + ow * s', '(n * H + oh * s) * W - ow * s'],
      ['ArithmeticOperator', 'n * H + oh * s', 'n * H - oh * s'],
      ['ArithmeticOperator', 'n * H', 'n / H'],
      ['ArithmeticOperator', 'oh * s', 'oh / s'],
      ['ArithmeticOperator', 'ow * s', 'ow / s'],
    ]),
    ...sameReason(wrongType('options that are not an object'), [
      ['ConditionalExpression', "options === null || typeof options !== 'object'", 'false'],
      ['LogicalOperator', "options === null || typeof options !== 'object'", "options === null && typeof options !== 'object'"],
      ['ConditionalExpression', 'options === null', 'false'],
      ['ConditionalExpression', "typeof options !== 'object'", 'false'],
      ['StringLiteral', "'options'", '""'],
      ['StringLiteral', "'must be an object { size, stride }'", '""'],
      ['StringLiteral', '"must be an object { stride, padding }"', '""'],
    ]),
    ...sameReason(wrongType('a tensor that is not an object with a shape array'), [
      ['ConditionalExpression', "t === null || typeof t !== 'object' || !Array.isArray(t.shape)", 'false'],
      ['LogicalOperator', "t === null || typeof t !== 'object' || !Array.isArray(t.shape)", "(t === null || typeof t !== 'object') && !Array.isArray(t.shape)"],
      ['ConditionalExpression', "t === null || typeof t !== 'object'", 'false'],
      ['LogicalOperator', "t === null || typeof t !== 'object'", "t === null && typeof t !== 'object'"],
      ['ConditionalExpression', 't === null', 'false'],
      ['ConditionalExpression', "typeof t !== 'object'", 'false'],
      ['StringLiteral', "'must be a tensor { shape, data }'", '""'],
    ]),
    ...sameReason(wrongType('tensor data that is not an array of numbers'), [
      ['ConditionalExpression', "data === null || typeof data !== 'object' || typeof data.length !== 'number'", 'false'],
      ['LogicalOperator', "data === null || typeof data !== 'object' || typeof data.length !== 'number'", "(data === null || typeof data !== 'object') && typeof data.length !== 'number'"],
      ['ConditionalExpression', "data === null || typeof data !== 'object'", 'false'],
      ['LogicalOperator', "data === null || typeof data !== 'object'", "data === null && typeof data !== 'object'"],
      ['ConditionalExpression', 'data === null', 'false'],
      ['ConditionalExpression', "typeof data !== 'object'", 'false'],
      ['ConditionalExpression', "typeof data.length !== 'number'", 'false'],
      ['StringLiteral', "'has no data array'", '""'],
    ]),
    ...sameReason(unlisted('an unknown padding') + " (the mutant treats it as 'same')", [
      ['ConditionalExpression', "padding !== 'valid' && padding !== 'same'", 'false'],
      ['BlockStatement', "{ fail(fn, 'options.padding', `must be 'valid' or 'same', got ${JSON.stringify(padding)}`); }", '{}'],
      ['StringLiteral', "'options.padding'", '""'],
      ['StringLiteral', "`must be 'valid' or 'same', got ${JSON.stringify(padding)}`", '``'],
    ]),
    [equivalenceKey('ConditionalExpression', "typeof v !== 'number'", 'false')]: TYPEOF_BEFORE_IS_INTEGER,
  },
  parameters: {
    ...sameReason(wrongType('a spec that is not an object'), [
      ['ConditionalExpression', "spec === null || typeof spec !== 'object'", 'false'],
      ['LogicalOperator', "spec === null || typeof spec !== 'object'", "spec === null && typeof spec !== 'object'"],
      ['ConditionalExpression', 'spec === null', 'false'],
      ['ConditionalExpression', "typeof spec !== 'object'", 'false'],
      ['StringLiteral', "'countParameters: spec must be an object { inputShape, layers }'", '""'],
    ]),
    ...sameReason(
      "inputShape is refused where the contract's type already excludes the value (not an array of three) and where tfjs itself builds the model (a dimension of 0 or 2.5: tfjs counts [28, 0, 1] → flatten → dense(10) as 10 parameters); the checks demand a throw for neither",
      [
        ['ConditionalExpression', '!Array.isArray(input) || input.length !== 3 || !input.every(isPositiveInt)', 'false'],
        ['LogicalOperator', '!Array.isArray(input) || input.length !== 3 || !input.every(isPositiveInt)', '(!Array.isArray(input) || input.length !== 3) && !input.every(isPositiveInt)'],
        ['ConditionalExpression', '!Array.isArray(input) || input.length !== 3', 'false'],
        ['LogicalOperator', '!Array.isArray(input) || input.length !== 3', '!Array.isArray(input) && input.length !== 3'],
        ['ConditionalExpression', 'input.length !== 3', 'false'],
        ['MethodExpression', 'input.every(isPositiveInt)', 'input.some(isPositiveInt)'],
        ['BlockStatement', '{ throw new Error(`countParameters: spec.inputShape must be [height, width, channels] of positive integers, got ${JSON.stringify(input)}`); }', '{}'],
        ['StringLiteral', '`countParameters: spec.inputShape must be [height, width, channels] of positive integers, got ${JSON.stringify(input)}`', '``'],
      ],
    ),
    ...sameReason(wrongType('a layers field that is not an array'), [
      ['ConditionalExpression', '!Array.isArray(spec.layers)', 'false'],
      ['StringLiteral', "'countParameters: spec.layers must be an array'", '""'],
    ]),
    ...sameReason("a count beyond 2^53 is refused by the reference; the contract does not say what such a count returns (tfjs's countParams() returns an inexact number), so the checks ask for none", [
      ['ConditionalExpression', '!Number.isSafeInteger(total)', 'false'],
      ['StringLiteral', '`countParameters: spec has ${total} parameters, beyond exact integers (2^53)`', '``'],
    ]),
    ...sameReason(wrongType('a layer that is not an object'), [
      ['ConditionalExpression', "layer === null || typeof layer !== 'object'", 'false'],
      ['LogicalOperator', "layer === null || typeof layer !== 'object'", "layer === null && typeof layer !== 'object'"],
      ['ConditionalExpression', 'layer === null', 'false'],
      ['ConditionalExpression', "typeof layer !== 'object'", 'false'],
      ['StringLiteral', '`${where} must be a layer object, got ${String(layer)}`', '``'],
    ]),
    ...sameReason(MESSAGE_DETAIL + ' (the layer, layers[i])', [
      ['StringLiteral', "'filters'", '""'],
      ['StringLiteral', "'kernelSize'", '""'],
      ['StringLiteral', "'strides'", '""'],
      ['StringLiteral', "'poolSize'", '""'],
      ['StringLiteral', "'units'", '""'],
      ['StringLiteral', "'height'", '""'],
      ['StringLiteral', "'width'", '""'],
    ]),
    [equivalenceKey('StringLiteral', "'valid'", '""')]: "pooling's output size with padding \"\" instead of 'valid': outLength treats every padding but 'same' as 'valid'",
    [equivalenceKey('EqualityOperator', 'shape.length < 2', 'shape.length <= 2')]: 'no layer makes a shape of rank 2: the input has rank 3, flatten gives rank 1 and dense keeps the rank',
    ...sameReason(wrongType('a useBias that is not a boolean') + ' (tfjs takes any value for its truth)', [
      ['ConditionalExpression', "typeof v !== 'boolean'", 'false'],
      ['StringLiteral', '`${at}: useBias must be true or false, got ${String(v)}`', '``'],
    ]),
    [equivalenceKey('ConditionalExpression', "typeof v === 'number'", 'true')]: 'Number.isSafeInteger refuses every value that is not a number, so the typeof test only duplicates it',
    ...sameReason(unlisted('an unknown padding'), [
      ['ConditionalExpression', "padding !== 'valid' && padding !== 'same'", 'false'],
      ['StringLiteral', "`${at}: padding must be 'valid' or 'same', got ${JSON.stringify(padding)}`", '``'],
    ]),
    ...sameReason(unlisted('an unknown layer type') + ' (without the default case the layer yields undefined and the caller throws a TypeError)', [
      ['ConditionalExpression', "default: throw new Error(`${at}: unknown layer type; expected 'conv2d', 'maxPooling2d', 'flatten' or 'dense'`);", 'default:'],
      ['StringLiteral', "`${at}: unknown layer type; expected 'conv2d', 'maxPooling2d', 'flatten' or 'dense'`", '``'],
    ]),
  },
};

/** The whole-word rule (grader/checks/support/errors.ts) takes the article "a" for convolve's argument a. */
const ARTICLE_A = 'the message still reads "must be a non-empty array", and the article a is the whole word a, which names convolve\'s argument a (a smooth that delegates may name it); a rule that told the article from the argument would refuse messages like "a must not be empty"';

export const UNDETECTABLE: Record<string, Record<string, string>> = {
  augment: sameReason("the contract's border test is -1e-9 ≤ x ≤ w-1+1e-9; the mutant differs only for a source point exactly 1e-9 outside the image, which no rotation or scaling of a test image lands on (the slack is there to absorb rounding, so a check cannot aim at its edge)", [
    ['EqualityOperator', 'x >= -EPS', 'x > -EPS'],
    ['EqualityOperator', 'x <= w - 1 + EPS', 'x < w - 1 + EPS'],
    ['EqualityOperator', 'y >= -EPS', 'y > -EPS'],
    ['EqualityOperator', 'y <= h - 1 + EPS', 'y < h - 1 + EPS'],
  ]),
  convolution: {
    [equivalenceKey('StringLiteral', "'a'", '""')]: ARTICLE_A,
    [equivalenceKey('StringLiteral', "'signal'", '""')]: ARTICLE_A,
  },
};
