// What the server found when it checked a signature (the verification report kept with it),
// and when it was time-stamped on acceptance: the genTime and TSA of the token, which the
// report records (reports kept before it did say nothing of the token: then the time the
// signature was accepted stands in, as before).
import { formatDateTime } from '../i18n/format.js';
import { has, t } from '../i18n/i18n.js';

function parseReport(text) {
  try { return JSON.parse(text); } catch { return {}; }
}

// The report's revocation method: crl, ocsp, crl+ocsp or 'not checked'.
function revocationText(method) {
  const key = `sig.revocation.${method.replace(/[^a-z]+/g, '-')}`;
  return has(key) ? t(key) : method;
}

const RESULTS = { PASSED: 'sig.result.passed', FAILED: 'sig.result.failed', INDETERMINATE: 'sig.result.indeterminate' };

export function SignatureDetails({ signature }) {
  const report = parseReport(signature.report);
  const stamp = report.timeStamp;  // { genTime, serial, tsa, policy }, in reports since they record it
  const result = t(RESULTS[report.indication] || 'sig.result.unknown');
  const row = (label, value, lang) => value && <div><dt>{label}</dt><dd lang={lang}>{value}</dd></div>;
  return (
    <details class="signature">
      <summary>{t('sig.summary', { result })}</summary>
      <dl class="facts facts-wide">
        {row(t('sig.result'), `${result.charAt(0).toUpperCase()}${result.slice(1)}${report.subIndication ? ` (${report.subIndication})` : ''}`)}
        {row(t('sig.signer'), report.signerSubject, 'en')}
        {row(t('sig.signingTime'), report.signingTime && formatDateTime(report.signingTime))}
        {stamp?.genTime ? <>
          {row(t('sig.timestampGenTime'), <>{formatDateTime(stamp.genTime)} (<code lang="en">{stamp.genTime}</code>)</>)}
          {row(t('sig.timestampAuthority'), stamp.tsa, 'en')}
        </> : row(t('sig.timestamp'), formatDateTime(signature.acceptedAt))}
        {report.chain?.length > 0 && (
          <div><dt>{t('sig.chain')}</dt><dd><ol class="chain">{report.chain.map((c) => <li key={c} lang="en">{c}</li>)}</ol></dd></div>
        )}
        {row(t('sig.revocation'), report.revocation && revocationText(report.revocation))}
        {row(t('sig.algorithms'), [report.digestAlgorithm, report.signatureAlgorithm].filter(Boolean).join(', '), 'en')}
        {row(t('sig.version'), String(signature.version))}
        {row(t('sig.certificate'), <code class="hash">{signature.certificateSha256}</code>)}
        {row(t('sig.cms'), <code class="hash">{signature.cmsSha256}</code>)}
        {row(t('sig.message'), report.message, 'en')}
      </dl>
    </details>
  );
}
