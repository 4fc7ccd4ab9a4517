// The entry '@gage/meta/meta-logger': setting where the package's warnings go, loading nothing else of it.
export { setMetaLogger } from './meta-logger.js';
export type { MetaLogger } from './meta-logger.js';
