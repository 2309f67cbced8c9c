/**
 * A model's JSON topology (`model.toJSON(null, false)`) uses Keras' snake_case; tfjs-layers'
 * `fromConfig` takes camelCase. This is tfjs-layers' own `convertPythonicToTs`
 * (utils/serialization_utils.ts), which it does not export; copied so that a model can be
 * rebuilt synchronously (`tf.models.modelFromJSON` is async).
 */
export function pythonicToTs(value: unknown, key?: string): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return toCamelCase(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    // The first item of a node reference is a layer's name, which keeps its spelling.
    return value.map((item, i) =>
      (key === 'inboundNodes' || key === 'outputLayers' || key === 'inputLayers') && i === 0 && typeof item === 'string'
        ? item
        : pythonicToTs(item, key));
  }
  const converted: Record<string, unknown> = {};
  for (const [pythonicKey, item] of Object.entries(value as Record<string, unknown>)) {
    if (pythonicKey === 'name' && typeof item === 'string') {
      converted[pythonicKey] = item;
    } else {
      const tsKey = toCamelCase(pythonicKey);
      converted[tsKey] = pythonicToTs(item, tsKey);
    }
  }
  return converted;
}

function toCamelCase(identifier: string): string {
  if (identifier.length <= 1 || !identifier.includes('_')) return identifier;
  return identifier.replace(/[_]+(\w|$)/g, (_, letter: string) => letter.toUpperCase());
}
