// POST, GET and DELETE /api/v1/session: signing in and out.
#include "Authenticator.h"
#include "JsonObjectReader.h"
#include "RouteSupport.h"
#include "Routes.h"

namespace qujat::http::session {

using namespace support;

namespace {

Poco::JSON::Object::Ptr sessionJson(const std::string& login, engine::Millis expiresAt) {
    auto o = json::newObject();
    o->set("login", login);
    o->set("expiresAt", engine::formatIsoUtc(expiresAt));
    return o;
}

}  // namespace

Reply signIn(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {})) return *bad;
    // A page on another site must not sign a browser in as someone else (login CSRF);
    // clients that are not browsers send neither header and pass.
    const std::string origin = ownOrigin(ex.request(), ex.secure(), ex.api().options.publicOrigin);
    if (auto refused = crossOriginRefusal(ex.request(), origin, false)) return fail(*refused);
    auto body = ex.readJson();
    if (!body.ok()) return fail(body.problem());
    auto reader = JsonObjectReader::from(*body, {"login", "password"});
    if (!reader.ok()) return fail(reader.problem());
    auto login = reader->requiredString("login");
    if (!login.ok()) return fail(login.problem());
    auto password = reader->requiredString("password");
    if (!password.ok()) return fail(password.problem());
    std::string address;
    try {
        address = ex.request().clientAddress().host().toString();
    } catch (const Poco::Exception&) {
    }
    auto signedIn = ex.api().ports.accounts.signIn(*login, *password, address);
    if (!signedIn.isOk()) return fail(signedIn.status());
    ex.caller = Caller{signedIn->session.login, signedIn->token, signedIn->session.expiresAt, false};

    auto o = json::newObject();
    o->set("token", signedIn->token);
    o->set("login", signedIn->session.login);
    o->set("expiresAt", engine::formatIsoUtc(signedIn->session.expiresAt));
    Reply r = Reply::json(201, o);
    r.header("Location", "/api/v1/session");
    const long long maxAge = std::max<long long>(0, (signedIn->session.expiresAt - ex.now()) / 1000);
    r.header("Set-Cookie", sessionCookie(signedIn->token, maxAge, ex.secure()));
    return r;
}

Reply current(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {})) return *bad;
    return Reply::json(200, sessionJson(ex.me().login, ex.me().expiresAt));
}

Reply signOut(Exchange& ex) {
    if (auto bad = unknownQuery(ex, {})) return *bad;
    if (engine::Status s = ex.api().ports.accounts.signOut(ex.me().token); !s.isOk()) return fail(s);
    Reply r = Reply::empty(204);
    r.header("Set-Cookie", sessionCookie("", 0, ex.secure()));
    return r;
}

}  // namespace qujat::http::session
