#include "WebAssets.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "EntityTag.h"

namespace qujat::http {

namespace {

constexpr std::size_t kMaxFiles = 512;
constexpr std::uintmax_t kMaxTotalBytes = 64u << 20;

std::string contentTypeFor(const std::filesystem::path& file) {
    static const std::map<std::string, std::string> kTypes = {
        {".html", "text/html; charset=utf-8"},       {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},         {".map", "application/json"},
        {".json", "application/json"},               {".txt", "text/plain; charset=utf-8"},
        {".svg", "image/svg+xml"},                   {".png", "image/png"},
        {".ico", "image/x-icon"},                    {".woff2", "font/woff2"},
    };
    auto it = kTypes.find(file.extension().string());
    return it == kTypes.end() ? "application/octet-stream" : it->second;
}

std::string entityTag(const std::string& body) {
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    sha.update(body.data(), static_cast<unsigned>(body.size()));
    return "\"" + Poco::DigestEngine::digestToHex(sha.digest()).substr(0, 32) + "\"";
}

}  // namespace

engine::Result<WebAssets> WebAssets::load(const std::string& root) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(root, ec)) return engine::notFound("the web UI directory " + root + " does not exist");
    WebAssets out;
    std::uintmax_t total = 0;
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        total += it->file_size(ec);
        if (out.assets_.size() == kMaxFiles || total > kMaxTotalBytes)
            return engine::invalidArgument("the web UI directory " + root + " holds more than " +
                                           std::to_string(kMaxFiles) + " files or " +
                                           std::to_string(kMaxTotalBytes >> 20) + " MiB; is it the right one?");
        std::ifstream in(it->path(), std::ios::binary);
        std::ostringstream body;
        body << in.rdbuf();
        if (!in) return engine::unavailable("cannot read " + it->path().string());
        Asset asset{body.str(), contentTypeFor(it->path()), ""};
        asset.etag = entityTag(asset.body);
        out.assets_.emplace("/" + fs::relative(it->path(), root).generic_string(), std::move(asset));
    }
    if (ec) return engine::unavailable("cannot list the web UI directory " + root + ": " + ec.message());
    return out;
}

const WebAssets::Asset* WebAssets::find(const std::string& urlPath) const {
    auto it = assets_.find(urlPath == "/" ? "/index.html" : urlPath);
    return it == assets_.end() ? nullptr : &it->second;
}

Reply assetReply(const WebAssets::Asset& asset, const Poco::Net::HTTPServerRequest& request) {
    Reply r = request.has("If-None-Match") && ifNoneMatchHits(request.get("If-None-Match"), asset.etag)
                  ? Reply::empty(304)
                  : Reply{};
    if (r.status == 200) {
        r.contentType = asset.contentType;
        r.body = asset.body;
    }
    r.cacheControl = "no-cache";
    r.header("ETag", asset.etag);
    return r;
}

}  // namespace qujat::http
