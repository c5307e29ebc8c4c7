// The signed attributes of a Qujat signature, as adapters/crypto/src/CadesSigner.cpp writes
// them and CadesVerifier reads them: content-type id-data, message-digest, signing-time,
// signing-certificate-v2 (RFC 5035) and commitment-type-indication proof-of-approval
// (ETSI EN 319 122-1 5.2.3), in DER SET order.
import * as asn1js from 'asn1js';
import { Attribute } from 'pkijs';
import { inDerSetOrder } from './der.js';

const CONTENT_TYPE = '1.2.840.113549.1.9.3';
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIGNING_TIME = '1.2.840.113549.1.9.5';
const SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
const COMMITMENT_TYPE = '1.2.840.113549.1.9.16.2.16';
const PROOF_OF_APPROVAL = '1.2.840.113549.1.9.16.6.5';
export const ID_DATA = '1.2.840.113549.1.7.1';

// `contentDigest` and `certificateDigest` are SHA-256 digests of the content and of the
// signer's certificate (`certificate`, PKI.js) as the signature carries it.
export function cadesSignedAttributes({ contentDigest, certificate, certificateDigest, signingTime }) {
  const attribute = (type, value) => new Attribute({ type, values: [value] });
  return inDerSetOrder([
    attribute(CONTENT_TYPE, new asn1js.ObjectIdentifier({ value: ID_DATA })),
    attribute(MESSAGE_DIGEST, new asn1js.OctetString({ valueHex: contentDigest })),
    attribute(SIGNING_TIME, timeValue(signingTime)),
    attribute(SIGNING_CERTIFICATE_V2, signingCertificateV2(certificate, certificateDigest)),
    attribute(COMMITMENT_TYPE, new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: PROOF_OF_APPROVAL })] })),
  ]);
}

// SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }, one ESSCertIDv2
// { certHash, issuerSerial } whose hashAlgorithm is left out: SHA-256 is its DEFAULT, and
// DER omits a default. issuerSerial names the issuer as directoryName [4], copied as
// encoded in the certificate.
function signingCertificateV2(certificate, certificateDigest) {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [certificate.issuer.toSchema()] })],
      }),
      certificate.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: certificateDigest }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

// RFC 5652 11.3: UTCTime until 2049, GeneralizedTime from 2050; whole seconds, as DER has
// no trailing zero fractions and OpenSSL writes none.
function timeValue(date) {
  const valueDate = new Date(Math.floor(date.getTime() / 1000) * 1000);
  return valueDate.getUTCFullYear() < 2050 ? new asn1js.UTCTime({ valueDate }) : new asn1js.GeneralizedTime({ valueDate });
}
