/**
 * Module hooks for the studio's check process (registered by fresh-import.ts): a file imported
 * with `?fresh=N` passes the same query to the files it imports from its own folder, so each save
 * imports the student's files afresh, their imports of each other included, without a new process.
 */
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  const fresh = context.parentURL?.startsWith('file:') ? new URL(context.parentURL).searchParams.get('fresh') : null;
  if (!fresh || !resolved.url.startsWith('file:') || resolved.url.includes('/node_modules/')) return resolved;
  const url = new URL(resolved.url);
  if (url.search) return resolved;
  url.searchParams.set('fresh', fresh);
  return { ...resolved, url: url.href };
}
