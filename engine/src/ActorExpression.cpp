#include "qujat/engine/ActorExpression.h"

#include <cctype>

namespace qujat::engine {

namespace {

// Role names and logins share the directory's identifier alphabet.
bool isIdentifier(const std::string& s, bool allowDot) {
    if (s.empty() || s.size() > 64) return false;
    if (!std::islower(static_cast<unsigned char>(s[0])) && !std::isdigit(static_cast<unsigned char>(s[0])))
        return false;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (!(std::islower(u) || std::isdigit(u) || c == '-' || c == '_' || (allowDot && c == '.'))) return false;
    }
    return true;
}

Result<OrgRef> parseOrgRef(const std::string& text) {
    OrgRef ref;
    ref.text = text;
    if (text == "central") {
        ref.anchor = OrgRef::Anchor::kCentral;
        return ref;
    }
    const std::string origin = "origin";
    if (text.compare(0, origin.size(), origin) != 0)
        return invalidArgument("organisation '" + text + "' must start with 'origin' or be 'central'");
    std::size_t at = origin.size();
    while (at < text.size()) {
        if (text[at] != '.') return invalidArgument("organisation '" + text + "': expected '.' after '" + text.substr(0, at) + "'");
        const std::size_t end = text.find('.', at + 1);
        const std::string part = text.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
        if (part == "parent" && !ref.level) {
            ++ref.parentHops;
        } else if ((part == "district" || part == "region") && !ref.level) {
            ref.level = part;
        } else {
            return invalidArgument("organisation '" + text + "': '" + part +
                                   "' is not allowed here (use .parent, then at most one of .district or .region)");
        }
        at = end == std::string::npos ? text.size() : end;
    }
    return ref;
}

}  // namespace

Result<ActorExpr> parseActorExpr(const std::string& text) {
    ActorExpr expr;
    expr.text = text;
    if (text.rfind("user:", 0) == 0) {
        expr.kind = ActorExpr::Kind::kUser;
        expr.login = text.substr(5);
        if (!isIdentifier(expr.login, true))
            return invalidArgument("actor '" + text + "': '" + expr.login + "' is not a valid login");
        return expr;
    }
    if (text.rfind("role:", 0) != 0)
        return invalidArgument("actor '" + text + "' must be role:NAME@ORGANISATION or user:LOGIN");
    const std::size_t at = text.find('@');
    if (at == std::string::npos)
        return invalidArgument("actor '" + text + "' names no organisation (e.g. role:chairman@origin)");
    expr.role = text.substr(5, at - 5);
    if (!isIdentifier(expr.role, false)) return invalidArgument("actor '" + text + "': '" + expr.role + "' is not a role name");
    auto org = parseOrgRef(text.substr(at + 1));
    if (!org.isOk()) return invalidArgument("actor '" + text + "': " + org.status().message());
    expr.org = std::move(org).value();
    return expr;
}

}  // namespace qujat::engine
