import { EngineError } from '../../errors/engine-error.js';

/** A second process tried to open a data directory another live process owns. */
export class DataDirectoryInUseError extends EngineError {
  readonly code = 'DATA_DIRECTORY_IN_USE';
  readonly camundaType = 'ProcessEngineException';
  readonly httpStatus = 500;
  constructor(readonly databaseFile: string) {
    super(
      `The engine database ${databaseFile} is already open in another process (or another engine in this ` +
        'process). Only one engine may own a data directory at a time; stop the other one first.',
    );
    this.name = 'DataDirectoryInUseError';
  }
}
