#pragma once

#include <Poco/Net/HTTPServerRequest.h>

#include <map>
#include <string>

#include "Reply.h"
#include "qujat/engine/Status.h"

namespace qujat::http {

// The web UI's files (the bundle adapters/web builds), read once at startup and served from
// memory: the bundle is small, lookups are exact names (no path is ever joined to the file
// system, so nothing outside the bundle can be asked for), and a page never gets half of a
// file that is being replaced.
class WebAssets {
public:
    struct Asset {
        std::string body;
        std::string contentType;
        std::string etag;     // quoted SHA-256 prefix of the body
        std::string gzipped;  // the body gzip-compressed when that makes it smaller, else empty
        bool immutable = false;  // under /chunks/, whose names carry a hash of their content
    };

    WebAssets() = default;  // none: the server answers the API only

    // Every regular file below `root`. kNotFound if `root` is not a directory,
    // kInvalidArgument if it holds more than the limits allow (a wrong directory, likely).
    static engine::Result<WebAssets> load(const std::string& root);

    // The asset for a URL path ("/" is /index.html), or nullptr.
    const Asset* find(const std::string& urlPath) const;
    std::size_t size() const { return assets_.size(); }

private:
    std::map<std::string, Asset> assets_;  // by URL path, "/app.js"
};

// GET of an asset: 200 with its bytes (gzip-compressed when the client accepts it: the
// bundle is ~4× smaller so), or 304 when If-None-Match names that representation's ETag.
// The browser revalidates each time (no-cache), so a rebuilt bundle is picked up on the
// next load; chunks, named by their content, are kept without asking for a year.
Reply assetReply(const WebAssets::Asset& asset, const Poco::Net::HTTPServerRequest& request);

}  // namespace qujat::http
