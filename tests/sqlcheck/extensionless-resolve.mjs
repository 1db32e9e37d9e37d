// dt-sql-parser 4.5 ships its dist/ as ES modules whose relative imports name no file
// extension ('../common/basicSQL'), which plain Node's ESM resolver rejects. This resolve
// hook retries such a relative specifier as '<specifier>.js' and '<specifier>/index.js'.
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const relative = specifier.startsWith('./') || specifier.startsWith('../');
    const retryable = error?.code === 'ERR_MODULE_NOT_FOUND' || error?.code === 'ERR_UNSUPPORTED_DIR_IMPORT';
    if (!relative || !retryable) throw error;
    for (const candidate of [`${specifier}.js`, `${specifier}/index.js`]) {
      try {
        return await nextResolve(candidate, context);
      } catch {
        // try the next spelling
      }
    }
    throw error;
  }
}
