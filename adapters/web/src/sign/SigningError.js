// Why a document could not be signed, as a code the UI turns into advice:
//   not-pkcs12          the file is not a PKCS#12 (.p12/.pfx) file
//   bad-password        the password does not open it
//   unsupported-pkcs12  it opens, but is protected in a way browsers cannot decrypt
//   no-key              it holds no private key
//   unsupported-key     the key is not ECDSA P-256/P-384 or RSA of at least 2048 bits
//   no-certificate      it holds no certificate of that key
//   no-webcrypto        the page has no WebCrypto (it is not served over HTTPS or from localhost)
export class SigningError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'SigningError';
    this.code = code;
  }
}
