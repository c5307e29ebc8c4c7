// The keys a browser may sign with, and how: those the server's verifier accepts
// (adapters/crypto/src/CryptoConstraints.cpp), ECDSA on P-256 or P-384 and RSA PKCS#1 v1.5
// of at least 2048 bits, always over SHA-256 as `qujat sign` does.
import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, createCMSECDSASignature } from 'pkijs';
import { encode } from './der.js';
import { SigningError } from './SigningError.js';

const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
const SHA256_WITH_RSA_ENCRYPTION = '1.2.840.113549.1.1.11';
const CURVES = { '1.2.840.10045.3.1.7': 'P-256', '1.3.132.0.34': 'P-384' };
const MIN_RSA_BITS = 2048;

// How WebCrypto handles a key whose SubjectPublicKeyInfo/PrivateKeyInfo algorithm is
// `algorithm`, or null when we do not sign with such keys.
function schemeFor(algorithm) {
  if (algorithm.algorithmId === EC_PUBLIC_KEY) {
    const curve = algorithm.algorithmParams instanceof asn1js.ObjectIdentifier
      ? CURVES[algorithm.algorithmParams.getValue()] : undefined;
    if (!curve) return null;
    return {
      name: `ECDSA ${curve}`,
      importParams: { name: 'ECDSA', namedCurve: curve },
      signParams: { name: 'ECDSA', hash: 'SHA-256' },
      publicParts: ['crv', 'x', 'y'],
      // RFC 5758 3.2: ecdsa-with-SHA256 has no parameters.
      signatureAlgorithm: () => new AlgorithmIdentifier({ algorithmId: ECDSA_WITH_SHA256 }),
      // WebCrypto returns r||s; CMS carries ECDSA-Sig-Value, DER SEQUENCE { r, s } (RFC 5753 7.2).
      encodeSignature: (raw) => new Uint8Array(createCMSECDSASignature(raw)),
    };
  }
  if (algorithm.algorithmId === RSA_ENCRYPTION) {
    return {
      name: 'RSA',
      importParams: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      signParams: { name: 'RSASSA-PKCS1-v1_5' },
      publicParts: ['n', 'e'],
      minimumBits: MIN_RSA_BITS,
      // RFC 4055 5: the parameters of sha256WithRSAEncryption are NULL.
      signatureAlgorithm: () => new AlgorithmIdentifier({
        algorithmId: SHA256_WITH_RSA_ENCRYPTION, algorithmParams: new asn1js.Null(),
      }),
      encodeSignature: (raw) => new Uint8Array(raw),
    };
  }
  return null;
}

// The private key of `privateKeyInfo` (a PKI.js PrivateKeyInfo), imported for signing;
// SigningError 'unsupported-key' when it is of a kind we do not sign with.
export async function importSigningKey(privateKeyInfo, subtle) {
  const scheme = schemeFor(privateKeyInfo.privateKeyAlgorithm);
  if (!scheme) throw new SigningError('unsupported-key', 'the key in this file is neither ECDSA on P-256 or P-384 nor RSA');
  const pkcs8 = encode(privateKeyInfo);
  let privateKey;
  let jwk;
  try {
    privateKey = await subtle.importKey('pkcs8', pkcs8, scheme.importParams, false, ['sign']);
    // A second, extractable copy only to read the public half, which picks the certificate.
    jwk = await subtle.exportKey('jwk', await subtle.importKey('pkcs8', pkcs8, scheme.importParams, true, ['sign']));
  } catch (error) {
    throw new SigningError('unsupported-key', `the browser cannot use the ${scheme.name} key in this file (${error.message})`);
  }
  if (scheme.minimumBits && privateKey.algorithm.modulusLength < scheme.minimumBits) {
    throw new SigningError('unsupported-key',
      `the RSA key in this file has ${privateKey.algorithm.modulusLength} bits; at least ${scheme.minimumBits} are required`);
  }
  return {
    signatureAlgorithm: scheme.signatureAlgorithm,
    async sign(data) {
      return scheme.encodeSignature(await subtle.sign(scheme.signParams, privateKey, data));
    },
    // Whether `certificate` (PKI.js) certifies this key.
    async isCertifiedBy(certificate) {
      const spki = certificate.subjectPublicKeyInfo;
      if (schemeFor(spki.algorithm)?.name !== scheme.name) return false;
      try {
        const publicKey = await subtle.importKey('spki', encode(spki), scheme.importParams, true, ['verify']);
        const publicJwk = await subtle.exportKey('jwk', publicKey);
        return scheme.publicParts.every((part) => publicJwk[part] === jwk[part]);
      } catch {
        return false;
      }
    },
  };
}
