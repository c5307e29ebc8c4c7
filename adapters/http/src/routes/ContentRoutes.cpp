// GET /api/v1/documents/{id}/versions/{n}/content: the bytes of one version, with ETag,
// conditional requests and single byte ranges.
#include "ByteRange.h"
#include "ContentPolicy.h"
#include "EntityTag.h"
#include "RouteSupport.h"
#include "Routes.h"

namespace qujat::http::content {

using namespace support;

Reply get(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {})) return *bad;
    auto id = idParam(ex, "id", "a document id");
    if (!id.ok()) return fail(id.problem());
    auto n = idParam(ex, "n", "a version number");
    if (!n.ok()) return fail(n.problem());
    auto view = ex.service().document(ex.viewer(), *id);
    if (!view.isOk()) return fail(view.status());
    const engine::Version* version = nullptr;
    for (const auto& v : view->versions)
        if (v.number == *n) version = &v;
    if (!version)
        return fail(problem(404, "not-found", "document " + std::to_string(*id) + " has no version " + std::to_string(*n)));

    const std::string etag = "\"" + version->sha256 + "\"";
    const ContentHeaders headers = contentHeadersFor(version->mediaType, version->fileName);
    auto common = [&](Reply& r) {
        r.cacheControl = "private, no-cache";  // the browser may keep it, but asks (with the ETag) each time
        r.header("ETag", etag);
        r.header("Accept-Ranges", "bytes");
        r.header("Content-Disposition", headers.disposition);
        if (headers.inlineShown) r.header("Content-Security-Policy", framedContentPolicy(headers.contentType));
    };
    if (ex.request().has("If-None-Match") && ifNoneMatchHits(ex.request().get("If-None-Match"), etag)) {
        Reply r = Reply::empty(304);
        common(r);
        return r;
    }
    auto bytes = ex.service().versionContent(ex.viewer(), *id, static_cast<int>(*n));
    if (!bytes.isOk()) return fail(bytes.status());
    const auto size = static_cast<std::int64_t>(bytes->size());

    ByteRange range;
    if (ex.request().has("Range")) {
        // A range of something that changed since the client's copy would splice two contents.
        const bool sameContent = !ex.request().has("If-Range") || ex.request().get("If-Range") == etag;
        if (sameContent) range = ByteRange::parse(ex.request().get("Range"), size);
    }
    Reply r;
    common(r);
    r.contentType = headers.contentType;
    switch (range.kind) {
        case ByteRange::Kind::kWhole:
            r.body = std::move(*bytes);
            return r;
        case ByteRange::Kind::kPartial:
            r.status = 206;
            r.body = bytes->substr(static_cast<std::size_t>(range.first),
                                   static_cast<std::size_t>(range.last - range.first + 1));
            r.header("Content-Range", "bytes " + std::to_string(range.first) + "-" + std::to_string(range.last) + "/" +
                                          std::to_string(size));
            return r;
        case ByteRange::Kind::kUnsatisfiable: {
            Reply refused = fail(problem(416, "range-not-satisfiable",
                                         "the content has " + std::to_string(size) + " bytes; the range asks for none of them"));
            refused.header("Content-Range", "bytes */" + std::to_string(size));
            return refused;
        }
    }
    return r;
}

}  // namespace qujat::http::content
