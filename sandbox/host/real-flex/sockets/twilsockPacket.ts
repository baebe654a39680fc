/**
 * The twilsock v3 wire format (as read and written by node_modules/twilsock/dist/parser.js):
 *
 *   TWILSOCK V3.0 <header bytes>\r\n<JSON header>\r\n<payload>
 *
 * The header carries `method`, `id`, `payload_size` (bytes) and `payload_type`; the payload is JSON
 * when `payload_type` starts with application/json (or is absent), text otherwise.
 */
import { isJsonObject, type Json, type JsonObject } from './types';

export interface TwilsockPacket {
  header: JsonObject;
  payload: Json | undefined;
}

const MAGIC = 'TWILSOCK V3.0';
const CRLF = Buffer.from('\r\n');

/** Parses one binary frame; undefined when it is not a twilsock v3 packet. */
export function parseTwilsockPacket(frame: Buffer): TwilsockPacket | undefined {
  const endOfMagic = frame.indexOf(CRLF);
  if (endOfMagic < 0) return undefined;
  const [protocol, version, size] = frame.subarray(0, endOfMagic).toString('utf8').split(' ');
  const headerSize = Number(size);
  if (`${protocol} ${version}` !== MAGIC || !Number.isInteger(headerSize) || headerSize <= 0) return undefined;
  const headerStart = endOfMagic + CRLF.length;
  let header: unknown;
  try {
    header = JSON.parse(frame.subarray(headerStart, headerStart + headerSize).toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isJsonObject(header)) return undefined;
  const payloadSize = typeof header.payload_size === 'number' ? header.payload_size : 0;
  if (payloadSize <= 0) return { header, payload: undefined };
  const payloadStart = headerStart + headerSize + CRLF.length;
  const text = frame.subarray(payloadStart, payloadStart + payloadSize).toString('utf8');
  const type = typeof header.payload_type === 'string' ? header.payload_type : 'application/json';
  if (!type.startsWith('application/json')) return { header, payload: text };
  try {
    return { header, payload: JSON.parse(text) as Json };
  } catch {
    return undefined;
  }
}

/** Builds one binary frame; an object payload is sent as JSON. */
export function createTwilsockPacket(header: JsonObject, payload?: Json): Buffer {
  const payloadText = payload === undefined ? '' : typeof payload === 'string' ? payload : JSON.stringify(payload);
  const payloadBytes = Buffer.from(payloadText, 'utf8');
  const headerBytes = Buffer.from(JSON.stringify({ ...header, payload_size: payloadBytes.length }), 'utf8');
  return Buffer.concat([Buffer.from(`${MAGIC} ${headerBytes.length}\r\n`), headerBytes, CRLF, payloadBytes]);
}
