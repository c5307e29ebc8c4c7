// qujat user list|show|add|passwd and qujat cert register|list: accounts for the HTTP API
// and the certificates that make a user's signatures count.
#include <iostream>

#include "Context.h"
#include "FileIo.h"
#include "Output.h"

namespace qujat::cli {

using engine::Status;

namespace {

Poco::JSON::Object::Ptr userJson(const engine::UserView& v) {
    auto o = newObject();
    o->set("login", v.user.login);
    o->set("displayName", v.user.displayName);
    o->set("homeOrg", v.user.homeOrgCode);
    o->set("email", v.user.email);
    Poco::JSON::Array::Ptr roles = new Poco::JSON::Array();
    for (const auto& g : v.grants)
        roles->add(g.role + "@" + g.orgCode + (g.scope == engine::GrantScope::kSubtree ? " (subtree)" : ""));
    o->set("roles", roles);
    return o;
}

int list(Context& ctx, const Args& args) {
    engine::UserFilter filter;
    filter.role = args.option("role");
    filter.orgCode = args.option("org");
    auto limit = args.integer("limit", 100);
    if (!limit.isOk()) return reportFailure(limit.status(), ctx.json());
    filter.limit = static_cast<int>(*limit);
    filter.afterLogin = args.option("after").value_or("");
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    auto users = (*rt)->service().users(filter);
    if (!users.isOk()) return reportFailure(users.status(), ctx.json());
    Poco::JSON::Array::Ptr out = new Poco::JSON::Array();
    for (const auto& v : *users) {
        if (ctx.json()) {
            out->add(userJson(v));
            continue;
        }
        std::cout << v.user.login << "  " << v.user.displayName << "  (" << v.user.homeOrgCode << ")";
        for (const auto& g : v.grants) std::cout << "  " << g.role << "@" << g.orgCode;
        std::cout << "\n";
    }
    if (ctx.json()) printJson(out);
    return 0;
}

// The password is read from a file (its first line), never from the command line, where
// other users could see it in the process list.
engine::Result<std::string> passwordFrom(const Args& args) {
    QUJAT_ASSIGN_OR_RETURN(std::string path, args.required("password-file"));
    QUJAT_ASSIGN_OR_RETURN(std::string text, readFile(path));
    return text.substr(0, text.find_first_of("\r\n"));
}

int passwd(Context& ctx, const Args& args) {
    if (args.positionals().size() != 2)
        return reportFailure(engine::invalidArgument("usage: qujat user passwd LOGIN --password-file FILE"), ctx.json());
    auto password = passwordFrom(args);
    if (!password.isOk()) return reportFailure(password.status(), ctx.json());
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    const std::string login = args.positionals()[1];
    if (Status s = (*rt)->accounts().setPassword(ctx.actorOr("operator"), login, *password); !s.isOk())
        return reportFailure(s, ctx.json());
    if (!ctx.json()) std::cout << "password of " << login << " set\n";
    return 0;
}

int add(Context& ctx, const Args& args) {
    if (args.positionals().size() != 2)
        return reportFailure(engine::invalidArgument("usage: qujat user add LOGIN --name NAME --org CODE [--email E] "
                                                     "[--role ROLE[@ORG]]... [--password-file FILE]"),
                             ctx.json());
    auto name = args.required("name");
    auto org = args.required("org");
    for (const Status& s : {name.status(), org.status()})
        if (!s.isOk()) return reportFailure(s, ctx.json());
    auto rt = ctx.runtime();
    if (!rt.isOk()) return reportFailure(rt.status(), ctx.json());
    engine::User user{args.positionals()[1], *name, *org, args.option("email").value_or(""), ""};
    std::vector<engine::RoleGrant> grants;
    for (const std::string& role : args.all("role")) {
        const std::size_t at = role.find('@');
        grants.push_back(engine::RoleGrant{user.login, role.substr(0, at), at == std::string::npos ? *org : role.substr(at + 1),
                                           engine::GrantScope::kOrg, 0, std::nullopt});
    }
    engine::Service& service = (*rt)->service();
    if (Status s = service.importDirectory({}, {user}, grants, {}, ctx.actorOr("operator")); !s.isOk())
        return reportFailure(s, ctx.json());
    if (args.option("password-file")) {
        auto password = passwordFrom(args);
        if (!password.isOk()) return reportFailure(password.status(), ctx.json());
        if (Status s = (*rt)->accounts().setPassword(ctx.actorOr("operator"), user.login, *password); !s.isOk())
            return reportFailure(s, ctx.json());
    }
    if (!ctx.json()) std::cout << "added " << user.login << "\n";
    return 0;
}

}  // namespace

int runUser(Context& ctx, const Args& args) {
    const auto& p = args.positionals();
    const std::string sub = p.empty() ? "" : p[0];
    if (Status s = args.onlyKnown({"role", "org", "limit", "after", "password-file", "name", "email"}); !s.isOk())
        return reportFailure(s, ctx.json());
    if (sub == "list") return list(ctx, args);
    if (sub == "passwd") return passwd(ctx, args);
    if (sub == "add") return add(ctx, args);
    return reportFailure(engine::invalidArgument("usage: qujat user list [--role R] [--org CODE] | passwd LOGIN "
                                                 "--password-file F | add LOGIN --name N --org CODE ..."),
                         ctx.json());
}

}  // namespace qujat::cli
