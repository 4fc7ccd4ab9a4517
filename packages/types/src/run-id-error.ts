import { GageError, type TypesErrorCode } from './errors.js';

/**
 * A run id that cannot be used (`ERR_GAGE_RUN_ID`): `invalid run id: '<id>'`.
 * `runNameForId` throws it for an id whose head is not hex, `makeRun` of
 * `@gage/meta` for an id that is not a plain file name.
 *
 * @example
 * ```ts
 * throw new RunIdError('xyz'); // invalid run id: 'xyz'
 * ```
 */
export class RunIdError extends GageError<TypesErrorCode> {
  /** The id as given. */
  readonly id: string;

  constructor(id: string) {
    super('ERR_GAGE_RUN_ID', `invalid run id: '${id}'`);
    this.id = id;
  }
}
