#include "Reply.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "JsonWriter.h"
#include "qujat/json/EngineJson.h"

namespace qujat::http {

std::string toJsonText(const Poco::Dynamic::Var& value) {
    std::string out;
    out.reserve(1024);
    writeJson(value, out);
    return out;
}

Reply Reply::json(int status, const Poco::Dynamic::Var& value) {
    Reply r;
    r.status = status;
    r.contentType = "application/json; charset=utf-8";
    r.body = toJsonText(value);
    return r;
}

Reply Reply::fromProblem(const Problem& p) {
    auto o = json::newObject();
    o->set("type", p.type);
    o->set("title", p.title);
    o->set("status", p.status);
    o->set("detail", p.detail);
    Reply r = json(p.status, o);
    r.contentType = "application/problem+json; charset=utf-8";
    r.headers = p.headers;
    r.logDetail = p.logDetail.empty() ? p.detail : p.logDetail;
    return r;
}

Reply Reply::empty(int status) {
    Reply r;
    r.status = status;
    return r;
}

void addSecurityHeaders(Poco::Net::HTTPResponse& response) {
    // The web UI needs nothing beyond its own origin: no inline script or style, no plugins;
    // images may also be data: or blob: URLs (previews of a file before it is uploaded).
    response.set("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; img-src 'self' data: blob:; object-src 'none'; "
                 "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Referrer-Policy", "no-referrer");
}

std::size_t sendReply(const Reply& reply, Poco::Net::HTTPServerResponse& response) {
    response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
    addSecurityHeaders(response);
    response.set("Cache-Control", reply.cacheControl);
    for (const auto& [name, value] : reply.headers) {
        if (name == "Set-Cookie") response.add(name, value);  // one header per cookie
        else response.set(name, value);
    }
    const bool bodiless = reply.status == 204 || reply.status == 304 || reply.status < 200;
    if (bodiless) {
        response.send().flush();
        return 0;
    }
    if (!reply.contentType.empty()) response.setContentType(reply.contentType);
    response.setContentLength64(static_cast<Poco::Int64>(reply.body.size()));
    std::ostream& out = response.send();
    out.write(reply.body.data(), static_cast<std::streamsize>(reply.body.size()));
    out.flush();
    return reply.body.size();
}

}  // namespace qujat::http
