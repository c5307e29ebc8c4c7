#include "WebAssets.h"

#include <Poco/DeflatingStream.h>
#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "EntityTag.h"

namespace qujat::http {

namespace {

constexpr std::size_t kMaxFiles = 512;
constexpr std::uintmax_t kMaxTotalBytes = 64u << 20;
constexpr const char* kHashedDirectory = "/chunks/";  // adapters/web/build.mjs names these by content

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

std::string gzip(const std::string& body) {
    std::ostringstream out;
    {
        Poco::DeflatingOutputStream deflater(out, Poco::DeflatingStreamBuf::STREAM_GZIP, 9);
        deflater.write(body.data(), static_cast<std::streamsize>(body.size()));
        deflater.close();
    }
    return out.str();
}

// Whether Accept-Encoding admits gzip: listed by name or as "*", without q=0.
bool acceptsGzip(const Poco::Net::HTTPServerRequest& request) {
    if (!request.has("Accept-Encoding")) return false;
    Poco::StringTokenizer codings(request.get("Accept-Encoding"), ",",
                                  Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    for (const auto& coding : codings) {
        const auto semicolon = coding.find(';');
        const std::string name = Poco::toLower(Poco::trim(coding.substr(0, semicolon)));
        if (name != "gzip" && name != "*") continue;
        const std::string weight = semicolon == std::string::npos ? "" : Poco::remove(coding.substr(semicolon + 1), ' ');
        if (weight.rfind("q=", 0) == 0 && std::strtod(weight.c_str() + 2, nullptr) == 0.0) continue;
        return true;
    }
    return false;
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
        Asset asset;
        asset.body = body.str();
        asset.contentType = contentTypeFor(it->path());
        asset.etag = entityTag(asset.body);
        if (std::string packed = gzip(asset.body); packed.size() < asset.body.size()) asset.gzipped = std::move(packed);
        std::string urlPath = "/" + fs::relative(it->path(), root).generic_string();
        asset.immutable = urlPath.rfind(kHashedDirectory, 0) == 0;
        out.assets_.emplace(std::move(urlPath), std::move(asset));
    }
    if (ec) return engine::unavailable("cannot list the web UI directory " + root + ": " + ec.message());
    return out;
}

const WebAssets::Asset* WebAssets::find(const std::string& urlPath) const {
    auto it = assets_.find(urlPath == "/" ? "/index.html" : urlPath);
    return it == assets_.end() ? nullptr : &it->second;
}

Reply assetReply(const WebAssets::Asset& asset, const Poco::Net::HTTPServerRequest& request) {
    const bool compressed = !asset.gzipped.empty() && acceptsGzip(request);
    // Each representation has its own validator (RFC 9110 §8.8.3).
    const std::string etag = compressed ? asset.etag.substr(0, asset.etag.size() - 1) + "-gzip\"" : asset.etag;
    Reply r = request.has("If-None-Match") && ifNoneMatchHits(request.get("If-None-Match"), etag) ? Reply::empty(304)
                                                                                                  : Reply{};
    if (r.status == 200) {
        r.contentType = asset.contentType;
        r.body = compressed ? asset.gzipped : asset.body;
    }
    if (compressed) r.header("Content-Encoding", "gzip");
    if (!asset.gzipped.empty()) r.header("Vary", "Accept-Encoding");
    r.cacheControl = asset.immutable ? "public, max-age=31536000, immutable" : "no-cache";
    r.header("ETag", etag);
    return r;
}

}  // namespace qujat::http
