import { encodeJson, type JsonObject } from '@gage/types';
import { makeLogId } from './make-log-id.js';
import { nowMs } from './now-ms.js';

/**
 * A new entry of an attr log (docs/spec/lifecycle.md 14): its file name
 * `<makeLogId(nowMs())>.json` and its compact JSON
 * `{"author":…,"set":{…},"delete":[…]}`. {@link logAttrs} writes it
 * atomically; `gage import` writes it directly into a run not yet visible.
 */
export function attrLogEntry(author: string, set: JsonObject, del: readonly string[] = []): { name: string; text: string } {
  return { name: `${makeLogId(nowMs())}.json`, text: encodeJson({ author, set, delete: [...del] }) };
}
