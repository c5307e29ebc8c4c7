// Small DER helpers shared by the signing module.

// A copy of `objects` (PKI.js or asn1js objects) in the order DER puts the elements of a
// SET OF: ascending by encoding (X.690 11.6). The server's verifier compares a signature
// with OpenSSL's re-encoding of it, which sorts, so an unsorted SET is refused.
export function inDerSetOrder(objects) {
  return objects
    .map((object) => ({ object, der: encode(object) }))
    .sort((a, b) => compareBytes(a.der, b.der))
    .map(({ object }) => object);
}

export function encode(object) {
  const schema = typeof object.toSchema === 'function' ? object.toSchema() : object;
  return new Uint8Array(schema.toBER());
}

export function bytesOf(bufferSource) {
  return ArrayBuffer.isView(bufferSource)
    ? new Uint8Array(bufferSource.buffer, bufferSource.byteOffset, bufferSource.byteLength)
    : new Uint8Array(bufferSource);
}

export function hex(bytes) {
  return Array.from(bytesOf(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

function compareBytes(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
