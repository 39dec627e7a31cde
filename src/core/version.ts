declare const LAUNCH_READY_VERSION: string | undefined;

/** The package version, injected by the bundler; `0.0.0-dev` when running from source (tests). */
export const VERSION: string = typeof LAUNCH_READY_VERSION === 'string' ? LAUNCH_READY_VERSION : '0.0.0-dev';
