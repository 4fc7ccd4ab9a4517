import { GageError } from '@gage/types';

/** The codes `@gage/view` throws (its README lists them). */
export type ViewErrorCode = 'ERR_GAGE_VIEW_LISTEN' | 'ERR_GAGE_VIEW_UI' | 'ERR_GAGE_VIEW_EXPORT';

/**
 * The view server or its export could not do what was asked: the address
 * is in use or not allowed (`ERR_GAGE_VIEW_LISTEN`), the built UI is
 * missing (`ERR_GAGE_VIEW_UI`, a broken install), or the export dir is not
 * empty (`ERR_GAGE_VIEW_EXPORT`).
 *
 * @example
 * ```ts
 * try { await startViewServer({ runsDir, port: 80 }); }
 * catch (err) { if (err instanceof ViewError) console.error(err.message); }
 * ```
 */
export class ViewError extends GageError<ViewErrorCode> {}
