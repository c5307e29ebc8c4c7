// Opens a PKCS#12 file as `openssl pkcs12 -export` (OpenSSL 3) writes it: a password MAC
// (PKCS#12 KDF, HMAC-SHA-256) over an AuthenticatedSafe holding the certificates in
// PBES2-encrypted data (PBKDF2-HMAC-SHA-256, AES-256-CBC) and the key in a PBES2-shrouded
// bag. Everything happens here, in memory; nothing is sent anywhere.
import * as pkijs from 'pkijs';
import { encode, hex } from './der.js';
import { importSigningKey } from './keys.js';
import { SigningError } from './SigningError.js';

const DATA = '1.2.840.113549.1.7.1';
const ENCRYPTED_DATA = '1.2.840.113549.1.7.6';
const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const X509_CERTIFICATE = '1.2.840.113549.1.9.22.1';

// { key, signer, chain }: the signing key (keys.js), its certificate, and the certificates
// of the file that chain it towards its root, signer's issuer first (PKI.js Certificates).
export async function openPkcs12({ pkcs12, password, engine }) {
  const authenticatedSafe = parse(pkcs12);
  const passwordBytes = new TextEncoder().encode(password);
  const passwordVerified = await checkMac(authenticatedSafe, passwordBytes, engine);
  // Once the MAC has accepted the password, a failure to decrypt means an encryption the
  // browser lacks (e.g. the PBE-SHA1-3DES of older exports), not a wrong password.
  const decrypting = async (step) => {
    try {
      return await step();
    } catch (error) {
      if (!passwordVerified) throw new SigningError('bad-password', 'the password does not open this PKCS#12 file');
      throw new SigningError('unsupported-pkcs12',
        `the browser cannot decrypt this PKCS#12 file (${error.message}); export it again with OpenSSL 3 ` +
        '(openssl pkcs12 -export), which encrypts with PBES2/AES');
    }
  };

  const keys = [];
  const certificates = [];
  for (const bag of await safeBags(authenticatedSafe.safe, passwordBytes, engine, decrypting)) {
    if (bag.bagId === KEY_BAG) {
      keys.push(bag.bagValue);
    } else if (bag.bagId === SHROUDED_KEY_BAG) {
      await decrypting(() => bag.bagValue.parseInternalValues({ password: passwordBytes }, engine));
      keys.push(bag.bagValue.parsedValue);
    } else if (bag.bagId === CERT_BAG && bag.bagValue.certId === X509_CERTIFICATE) {
      certificates.push(bag.bagValue.parsedValue);
    }
  }
  if (keys.length === 0) throw new SigningError('no-key', 'this PKCS#12 file holds no private key');
  if (keys.length > 1) {
    throw new SigningError('unsupported-pkcs12',
      `this PKCS#12 file holds ${keys.length} private keys; export only the one to sign with`);
  }

  const key = await importSigningKey(keys[0], engine.subtle);
  let signer;
  for (const certificate of certificates) {
    if (await key.isCertifiedBy(certificate)) {
      signer = certificate;
      break;
    }
  }
  if (!signer) throw new SigningError('no-certificate', 'this PKCS#12 file holds no certificate of its private key');
  return { key, signer, chain: chainOf(signer, certificates) };
}

// The PFX's AuthenticatedSafe and the bytes its MAC covers.
function parse(pkcs12) {
  let pfx;
  try {
    pfx = pkijs.PFX.fromBER(pkcs12);
  } catch {
    throw new SigningError('not-pkcs12', 'this is not a PKCS#12 (.p12, .pfx) file');
  }
  if (pfx.authSafe.contentType !== DATA) {
    throw new SigningError('unsupported-pkcs12', 'this PKCS#12 file is protected by a signature, not a password');
  }
  try {
    const content = pfx.authSafe.content.getValue();
    return { content, safe: pkijs.AuthenticatedSafe.fromBER(content), macData: pfx.macData };
  } catch {
    throw new SigningError('not-pkcs12', 'this PKCS#12 file is damaged');
  }
}

// Whether a MAC proved the password right; SigningError 'bad-password' when it proves it
// wrong. Without a MAC (openssl pkcs12 -nomac) only decryption can tell.
async function checkMac({ content, macData }, password, engine) {
  if (!macData) return false;
  let hashAlgorithm;
  try {
    hashAlgorithm = engine.getAlgorithmByOID(macData.mac.digestAlgorithm.algorithmId, true, 'macAlgorithm').name;
  } catch {
    throw new SigningError('unsupported-pkcs12', 'the integrity of this PKCS#12 file is protected with an unknown digest');
  }
  const valid = await engine.verifyDataStampedWithPassword({
    password,
    hashAlgorithm,
    salt: macData.macSalt.getValue(),
    iterationCount: macData.iterations || 1,
    contentToVerify: content,
    signatureToVerify: macData.mac.digest.getValue(),
  });
  if (!valid) throw new SigningError('bad-password', 'the password does not open this PKCS#12 file');
  return true;
}

async function safeBags(authenticatedSafe, password, engine, decrypting) {
  const bags = [];
  for (const info of authenticatedSafe.safeContents) {
    let der;
    if (info.contentType === DATA) {
      der = info.content.getValue();
    } else if (info.contentType === ENCRYPTED_DATA) {
      der = await decrypting(() => new pkijs.EncryptedData({ schema: info.content }).decrypt({ password }, engine));
    } else {
      throw new SigningError('unsupported-pkcs12', 'this PKCS#12 file is encrypted for a certificate, not with a password');
    }
    bags.push(...(await decrypting(() => pkijs.SafeContents.fromBER(der))).safeBags);
  }
  return bags;
}

// The certificates of `certificates` that issued `signer`, its issuer's issuer and so on,
// matched by name; stops at a self-issued certificate or where the file has no issuer.
function chainOf(signer, certificates) {
  const nameOf = (name) => hex(encode(name));
  const chain = [];
  for (let current = signer; nameOf(current.issuer) !== nameOf(current.subject);) {
    const issuer = certificates.find((c) => c !== signer && !chain.includes(c) &&
      nameOf(c.subject) === nameOf(current.issuer));
    if (!issuer) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}
