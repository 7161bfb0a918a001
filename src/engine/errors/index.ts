export { EngineError } from './engine-error.js';
export { NotFoundError } from './not-found-error.js';
export { InvalidRequestError } from './invalid-request-error.js';
export { BadUserRequestError } from './bad-user-request-error.js';
export { ParseError, type ParseProblem, type ResourceReport } from './parse-error.js';
export { ProcessEngineError } from './process-engine-error.js';
export { OptimisticLockingError } from './optimistic-locking-error.js';
