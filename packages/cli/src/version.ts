declare const __GAGE_VERSION__: string | undefined;

/** The CLI version, injected at build time. */
export const GAGE_VERSION: string = typeof __GAGE_VERSION__ === 'string' ? __GAGE_VERSION__ : '0.0.0-dev';
