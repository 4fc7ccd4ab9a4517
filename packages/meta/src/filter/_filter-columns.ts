/** Run attributes that hold text (decision 21). */
export const TEXT_ATTRIBUTES: ReadonlySet<string> = new Set(['id', 'name', 'operation', 'status', 'label']);

/** Run attributes that hold times. */
export const TIME_ATTRIBUTES: ReadonlySet<string> = new Set(['started', 'stopped']);

/** Every run attribute a filter can name without a prefix, in lookup order before config, metrics and summary attributes. */
export const RUN_ATTRIBUTES: readonly string[] = ['id', 'name', 'operation', 'status', 'label', 'started', 'stopped', 'time'];
