export { TransientError } from './transient-error.js';
export { PermanentError } from './permanent-error.js';
export { MissingDataError } from './missing-data-error.js';
