// Signs a document in the browser with the signer's PKCS#12 file: the key is decrypted and
// used in this page's memory and only the signature leaves the machine. The signature is
// what `qujat sign` makes (adapters/crypto/src/CadesSigner.cpp) and what the server's
// CadesVerifier requires: a DER CMS SignedData, detached (no eContent) over id-data, one
// signer named by issuer and serial number, SHA-256, the CAdES signed attributes of
// cadesAttributes.js, the signer's certificate and its chain from the file.
import * as asn1js from 'asn1js';
import {
  AlgorithmIdentifier, ContentInfo, CryptoEngine, EncapsulatedContentInfo, IssuerAndSerialNumber,
  SignedAndUnsignedAttributes, SignedData, SignerInfo,
} from 'pkijs';
import { cadesSignedAttributes, ID_DATA } from './cadesAttributes.js';
import { bytesOf, encode, hex, inDerSetOrder } from './der.js';
import { openPkcs12 } from './pkcs12.js';
import { SigningError } from './SigningError.js';

export { SigningError };

const SHA256 = '2.16.840.1.101.3.4.2.1';
const ID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const COMMON_NAME = '2.5.4.3';
const SERIAL_NUMBER = '2.5.4.5';

// The DER of a detached CAdES signature of `content` (bytes, or a string signed as UTF-8)
// made with the key of `pkcs12` (the file's bytes) opened with `password`. `crypto` is a
// WebCrypto Crypto: the page's own by default (Node 18 tests pass node:crypto's webcrypto).
// Throws SigningError for what the user can put right.
export async function signWithPkcs12({ pkcs12, password, content, crypto = globalThis.crypto }) {
  const engine = engineFor(crypto);
  const { key, signer, chain } = await openPkcs12({ pkcs12, password, engine });
  const sha256 = async (bytes) => new Uint8Array(await engine.digest('SHA-256', bytes));
  const contentBytes = typeof content === 'string' ? new TextEncoder().encode(content) : bytesOf(content);

  const signedAttrs = new SignedAndUnsignedAttributes({
    type: 0,
    attributes: cadesSignedAttributes({
      contentDigest: await sha256(contentBytes),
      certificate: signer,
      certificateDigest: await sha256(encode(signer)),
      signingTime: new Date(),
    }),
  });
  // RFC 5652 5.4: the signature covers the attributes encoded as a SET (tag 0x31), the
  // SignerInfo carries the same bytes under [0] IMPLICIT.
  const toBeSigned = encode(signedAttrs);
  toBeSigned[0] = 0x31;

  // RFC 5754 2: SHA-2 digest identifiers without parameters.
  const digestAlgorithm = () => new AlgorithmIdentifier({ algorithmId: SHA256 });
  const signedData = new SignedData({
    version: 1,
    digestAlgorithms: [digestAlgorithm()],
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: ID_DATA }),
    certificates: inDerSetOrder([signer, ...chain]),
    signerInfos: [
      new SignerInfo({
        version: 1,
        sid: new IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber }),
        digestAlgorithm: digestAlgorithm(),
        signedAttrs,
        signatureAlgorithm: key.signatureAlgorithm(),
        signature: new asn1js.OctetString({ valueHex: await key.sign(toBeSigned) }),
      }),
    ],
  });
  return encode(new ContentInfo({ contentType: ID_SIGNED_DATA, content: signedData.toSchema() }));
}

// Whom the file signs as, for the UI to show before signing: the certificate's subject
// common name and serialNumber (the IIN), its issuer's common name, its validity and its
// SHA-256 fingerprint (hex, as `qujat cert list` shows it).
export async function describeCertificate({ pkcs12, password, crypto = globalThis.crypto }) {
  const engine = engineFor(crypto);
  const { signer } = await openPkcs12({ pkcs12, password, engine });
  return {
    commonName: attributeOf(signer.subject, COMMON_NAME),
    serialNumber: attributeOf(signer.subject, SERIAL_NUMBER),
    issuerCommonName: attributeOf(signer.issuer, COMMON_NAME),
    notBefore: signer.notBefore.value,
    notAfter: signer.notAfter.value,
    sha256: hex(await engine.digest('SHA-256', encode(signer))),
  };
}

function engineFor(crypto) {
  if (!crypto?.subtle) {
    throw new SigningError('no-webcrypto',
      'this browser offers no WebCrypto on this page: open Qujat over HTTPS (or on localhost) to sign');
  }
  return new CryptoEngine({ name: 'qujat-sign', crypto });
}

function attributeOf(name, type) {
  return name.typesAndValues.find((typeAndValue) => typeAndValue.type === type)?.value.valueBlock.value;
}
