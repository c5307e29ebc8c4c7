// GET /api/v1/documents/{id}/evidence: the document's evidence package (docs/evidence.md),
// built for the caller as `qujat doc export` builds it, and audited as an export.
#include "RouteSupport.h"
#include "Routes.h"
#include "qujat/evidence/PackageCollector.h"
#include "qujat/evidence/PackageWriter.h"

namespace qujat::http::documents {

using namespace support;

Reply evidence(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {})) return *bad;
    auto id = idParam(ex, "id", "a document id");
    if (!id.ok()) return fail(id.problem());
    auto input = evidence::collectPackage(ex.service(), ex.viewer(), *id, ex.api().options.trustDirectory, ex.now(),
                                          ex.me().login);
    if (!input.isOk()) return fail(input.status());
    auto zip = evidence::writePackage(*input);
    if (!zip.isOk()) return fail(zip.status());
    if (engine::Status s = ex.service().recordExport(ex.me().login, *id, *zip); !s.isOk()) return fail(s);
    Reply r;
    r.contentType = "application/zip";
    r.header("Content-Disposition", "attachment; filename=\"document-" + std::to_string(*id) + "-evidence.zip\"");
    r.body = std::move(*zip);
    return r;
}

}  // namespace qujat::http::documents
