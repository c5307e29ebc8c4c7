// One version of the document as the browser can show it: PDF inline, plain text as text,
// PNG/JPEG as an image; anything else only as a download. The download link is always there.
import { apiUrl, getText } from '../api.js';
import { formatBytes } from '../i18n/format.js';
import { t } from '../i18n/i18n.js';
import { useLoad } from '../useLoad.js';
import { Loading } from './Loading.jsx';
import { ProblemMessage } from './ProblemMessage.jsx';

export function contentPath(docId, number) { return `/documents/${docId}/versions/${number}/content`; }

function baseType(mediaType) { return (mediaType || '').split(';')[0].trim().toLowerCase(); }

function TextPreview({ path, label }) {
  const { data, error, loading } = useLoad(() => getText(path), [path]);
  if (loading && data === undefined) return <Loading />;
  if (error) return <ProblemMessage error={error} />;
  return <pre class="text-preview" tabIndex={0} aria-label={label}>{data}</pre>;
}

export function ContentPreview({ docId, version, title }) {
  const path = contentPath(docId, version.number);
  const url = apiUrl(path);
  const type = baseType(version.mediaType);
  const label = t('content.previewOf', { file: version.fileName });
  let preview;
  if (type === 'application/pdf') preview = <iframe class="pdf-preview" src={url} title={label} />;
  else if (type === 'text/plain') preview = <TextPreview path={path} label={label} />;
  else if (type === 'image/png' || type === 'image/jpeg') preview = <img class="image-preview" src={url} alt={t('content.imageAlt', { title })} />;
  else preview = <p class="hint">{t('content.noPreview', { type: type || '?' })}</p>;
  return (
    <div class="content">
      {preview}
      <p class="download">
        <a class="button button-secondary" href={url} download={version.fileName}>
          {t('content.download', { file: version.fileName, size: formatBytes(version.size) })}
        </a>
      </p>
    </div>
  );
}
