/**
 * Surviving mutants that no check can kill without demanding more than the contract does, each
 * with the reason. Keyed per exercise by mutator, original text and replacement (not by line, so
 * an edit elsewhere in the file keeps the record).
 */
export const equivalenceKey = (mutator: string, original: string, replacement: string) => `${mutator}: ${original} → ${replacement}`;

const FUNCTION_NAME = "the function's name in an error message: the contract asks that the message name the argument, which it still does";
const ARTICLE_A = "the argument's name dropped from the message, which still reads \"a non-empty array\": the article a is the whole word a (or the argument a of convolve, which a smooth that delegates may name)";
const PREALLOCATION = 'array preallocation: JavaScript arrays grow on assignment, the values are the same';

export const EQUIVALENT: Record<string, Record<string, string>> = {
  convolution: {
    [equivalenceKey('StringLiteral', "'convolve'", '""')]: FUNCTION_NAME,
    [equivalenceKey('StringLiteral', "'movingAverageKernel'", '""')]: FUNCTION_NAME,
    [equivalenceKey('StringLiteral', "'binomialKernel'", '""')]: FUNCTION_NAME,
    [equivalenceKey('StringLiteral', "'smooth'", '""')]: FUNCTION_NAME,
    [equivalenceKey('StringLiteral', "'a'", '""')]: ARTICLE_A,
    [equivalenceKey('StringLiteral', "'signal'", '""')]: ARTICLE_A,
    [equivalenceKey('StringLiteral', "'kernel'", '""')]: ARTICLE_A,
    [equivalenceKey('EqualityOperator', 'v.length > a.length', 'v.length >= a.length')]: 'swapping two sequences of equal length: convolution commutes and both orders keep the same slice',
    [equivalenceKey('ArrayDeclaration', 'new Array(length)', 'new Array()')]: PREALLOCATION,
    [equivalenceKey('ArrayDeclaration', 'new Array(r + 1)', 'new Array()')]: PREALLOCATION,
    [equivalenceKey('ArithmeticOperator', 'r + 1', 'r - 1')]: PREALLOCATION + ' (r ≥ 1 here, so the length is never negative)',
    [equivalenceKey('EqualityOperator', 'i < x.length', 'i >= x.length')]: 'entries that are not numbers go unchecked: the contract types a and v as number[] and does not list such entries among the invalid inputs',
    [equivalenceKey('ConditionalExpression', "typeof x[i] === 'number'", 'true')]: 'entries that are not numbers go unchecked: the contract types a and v as number[] and does not list such entries among the invalid inputs',
    [equivalenceKey('ConditionalExpression', "typeof size !== 'number'", 'false')]: 'Number.isInteger refuses every value that is not a number, so the typeof test only duplicates it',
  },
};
